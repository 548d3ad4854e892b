// What each procedure takes and returns, for components to name their props and rows by
// instead of copying the server's shapes (a copy compiles on after the server changes).
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
