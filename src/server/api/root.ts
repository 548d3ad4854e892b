import { adminRouter } from "./routers/admin";
import { charactersRouter } from "./routers/characters";
import { finderRouter } from "./routers/finder";
import { sheetRouter } from "./routers/sheet";
import { router } from "./trpc";

export const appRouter = router({
  admin: adminRouter,
  characters: charactersRouter,
  finder: finderRouter,
  sheet: sheetRouter,
});

export type AppRouter = typeof appRouter;
