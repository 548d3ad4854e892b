// The one way /api/trpc answers an HTTP request (the app's route handler and the tests'
// server both call it): the batch limit first, then tRPC, with Retry-After on a
// rate-limited answer.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { isAppError } from "~/server/errors/app-error";
import { requestIdOf, withLogContext } from "~/server/logging/context";
import { refuseLargeBatch } from "./batch-limit";
import { appRouter } from "./root";
import type { Context } from "./trpc";

export const TRPC_ENDPOINT = "/api/trpc";

export function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> | Response {
  // Every line logged while answering carries the request's id (src/server/logging/context.ts).
  return withLogContext({ requestId: requestIdOf(req.headers) }, () => answerTrpc(req, createContext));
}

function answerTrpc(req: Request, createContext: () => Promise<Context>): Promise<Response> | Response {
  return (
    refuseLargeBatch(req.url, TRPC_ENDPOINT) ??
    fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router: appRouter,
      createContext,
      responseMeta: ({ errors }) => {
        const wait = errors
          .map((e) => (isAppError(e.cause) ? e.cause.details.retryAfterSeconds : undefined))
          .find((s) => s !== undefined);
        return wait === undefined ? {} : { headers: new Headers({ "retry-after": String(wait) }) };
      },
    })
  );
}
