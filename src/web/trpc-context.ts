// The tRPC context of an HTTP request: the process's dependencies and the caller, by
// API token or session cookie (src/server/api/context.ts).
import { env } from "~/env";
import { appDeps } from "~/runtime/deps";
import { requestContext } from "~/server/api/context";
import type { Context } from "~/server/api/trpc";
import { createRateLimiter, type RateLimiter } from "~/server/api-tokens/rate-limit";
import { currentUser } from "./auth";

let limiter: RateLimiter | undefined;

export async function createContext(req: Request): Promise<Context> {
  limiter ??= createRateLimiter(env().apiTokenRatePerMinute);
  return requestContext(appDeps(), req, currentUser, limiter);
}
