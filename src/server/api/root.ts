import { adminRouter } from "./routers/admin";
import { adminCharactersRouter } from "./routers/admin-characters";
import { charactersRouter } from "./routers/characters";
import { complianceRouter } from "./routers/compliance";
import { finderRouter } from "./routers/finder";
import { notificationsRouter } from "./routers/notifications";
import { reportsRouter } from "./routers/reports";
import { sheetRouter } from "./routers/sheet";
import { skillSetsRouter } from "./routers/skill-sets";
import { statusRouter } from "./routers/status";
import { router } from "./trpc";

export const appRouter = router({
  admin: adminRouter,
  adminCharacters: adminCharactersRouter,
  characters: charactersRouter,
  compliance: complianceRouter,
  finder: finderRouter,
  notifications: notificationsRouter,
  reports: reportsRouter,
  sheet: sheetRouter,
  skillSets: skillSetsRouter,
  status: statusRouter,
});

export type AppRouter = typeof appRouter;
