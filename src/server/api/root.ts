import { adminRouter } from "./routers/admin";
import { charactersRouter } from "./routers/characters";
import { finderRouter } from "./routers/finder";
import { notificationsRouter } from "./routers/notifications";
import { sheetRouter } from "./routers/sheet";
import { skillSetsRouter } from "./routers/skill-sets";
import { router } from "./trpc";

export const appRouter = router({
  admin: adminRouter,
  characters: charactersRouter,
  finder: finderRouter,
  notifications: notificationsRouter,
  sheet: sheetRouter,
  skillSets: skillSetsRouter,
});

export type AppRouter = typeof appRouter;
