// AppError as an HTTP answer, for route handlers outside tRPC: the same codes and
// statuses the tRPC API uses, a JSON body with the safe message, nothing else.
import { requestIdOf, withLogContext } from "~/server/logging/context";
import { toAppError } from "./unexpected";

export function errorResponse(error: unknown, where: string): Response {
  const app = toAppError(error, where);
  return Response.json(
    { error: { code: app.code, message: app.message, ...app.details } },
    { status: app.status, headers: { "cache-control": "no-store" } },
  );
}

/** Wraps a route handler so that whatever it throws answers as errorResponse. */
export function withErrorResponse<A extends unknown[]>(
  where: string,
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return (...args) => {
    const request = args[0] instanceof Request ? args[0] : undefined;
    // Every line logged while answering carries the request's id (src/server/logging/context.ts).
    return withLogContext({ requestId: request ? requestIdOf(request.headers) : undefined }, async () => {
      try {
        return await handler(...args);
      } catch (error) {
        return errorResponse(error, where);
      }
    });
  };
}
