import { adminRouter } from "./routers/admin";
import { charactersRouter } from "./routers/characters";
import { router } from "./trpc";

export const appRouter = router({
  admin: adminRouter,
  characters: charactersRouter,
});

export type AppRouter = typeof appRouter;
