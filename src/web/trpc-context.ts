// The tRPC context of an HTTP request: the process's dependencies and the signed-in user.
import { appDeps } from "~/runtime/deps";
import type { Context } from "~/server/api/trpc";
import { currentUser } from "./auth";

export async function createContext(): Promise<Context> {
  return { deps: appDeps(), user: await currentUser() };
}
