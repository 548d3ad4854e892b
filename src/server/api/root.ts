import { charactersRouter } from "./routers/characters";
import { router } from "./trpc";

export const appRouter = router({
  characters: charactersRouter,
});

export type AppRouter = typeof appRouter;
