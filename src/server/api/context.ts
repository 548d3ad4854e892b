// The tRPC context of one HTTP request (the app's route and the tests' server build it
// the same way): a bearer token, when present, decides the user and the cookie is not
// read; otherwise the session's user. A refused token does not throw here (tRPC would
// answer a 500): the procedure ladder answers with the refusal.
import { authenticateToken, bearerToken } from "~/server/api-tokens/authenticate";
import type { RateLimiter } from "~/server/api-tokens/rate-limit";
import type { CurrentUser } from "~/server/auth/session";
import type { AppDeps } from "~/server/deps";
import { isAppError } from "~/server/errors/app-error";
import { clientAddressFrom } from "~/server/identity/client-address";
import type { Context } from "./trpc";

/** The client's address as the app's own proxy saw it (identity/client-address.ts). */
export function clientAddress(headers: Headers): string | null {
  return clientAddressFrom(headers.get("x-forwarded-for"), headers.get("x-real-ip"));
}

export async function requestContext(
  deps: AppDeps,
  req: Request,
  sessionUser: () => Promise<CurrentUser | null>,
  limiter: RateLimiter,
): Promise<Context> {
  const address = clientAddress(req.headers);
  const token = bearerToken(req.headers.get("authorization"));
  if (!token) return { deps, user: await sessionUser(), auth: { via: "session", address } };
  try {
    const grant = await authenticateToken(deps.db, token, address);
    limiter.take(grant.tokenId);
    const user = await deps.db.user.findUnique({ where: { id: grant.userId }, include: { mainCharacter: true } });
    return { deps, user, auth: { via: "token", address, grant } };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { deps, user: null, auth: { via: "token", address, refusal: error } };
  }
}
