import { adminRouter } from "./routers/admin";
import { adminCharactersRouter } from "./routers/admin-characters";
import { charactersRouter } from "./routers/characters";
import { exportsRouter } from "./routers/exports";
import { finderRouter } from "./routers/finder";
import { notificationsRouter } from "./routers/notifications";
import { reportsRouter } from "./routers/reports";
import { sheetRouter } from "./routers/sheet";
import { skillSetsRouter } from "./routers/skill-sets";
import { router } from "./trpc";

export const appRouter = router({
  admin: adminRouter,
  adminCharacters: adminCharactersRouter,
  characters: charactersRouter,
  exports: exportsRouter,
  finder: finderRouter,
  notifications: notificationsRouter,
  reports: reportsRouter,
  sheet: sheetRouter,
  skillSets: skillSetsRouter,
});

export type AppRouter = typeof appRouter;
