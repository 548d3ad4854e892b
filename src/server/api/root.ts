import { adminRouter } from "./routers/admin";
import { adminCharactersRouter } from "./routers/admin-characters";
import { apiTokensRouter } from "./routers/api-tokens";
import { auditRouter } from "./routers/audit";
import { charactersRouter } from "./routers/characters";
import { complianceRouter } from "./routers/compliance";
import { exportsRouter } from "./routers/exports";
import { finderRouter } from "./routers/finder";
import { notificationsRouter } from "./routers/notifications";
import { reportsRouter } from "./routers/reports";
import { searchRouter } from "./routers/search";
import { sheetRouter } from "./routers/sheet";
import { skillSetsRouter } from "./routers/skill-sets";
import { statusRouter } from "./routers/status";
import { router } from "./trpc";

export const appRouter = router({
  admin: adminRouter,
  adminCharacters: adminCharactersRouter,
  apiTokens: apiTokensRouter,
  audit: auditRouter,
  characters: charactersRouter,
  compliance: complianceRouter,
  exports: exportsRouter,
  finder: finderRouter,
  notifications: notificationsRouter,
  reports: reportsRouter,
  search: searchRouter,
  sheet: sheetRouter,
  skillSets: skillSetsRouter,
  status: statusRouter,
});

export type AppRouter = typeof appRouter;
