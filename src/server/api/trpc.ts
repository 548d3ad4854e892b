// The tRPC procedure ladder: public -> signed-in -> permission-checked (superusers hold
// every permission) or area-checked (src/server/access/areas.ts). Refusals are AppErrors like
// any other; ./errors.ts maps every error to its answer once.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { type Area, mayUse } from "~/server/access/areas";
import { loadViewer } from "~/server/access/viewer";
import type { CurrentUser } from "~/server/auth/session";
import type { AppDeps } from "~/server/deps";
import { AppError } from "~/server/errors/app-error";
import type { Permission } from "~/server/identity/permissions";
import { appMetrics, secondsSince } from "~/server/metrics/registry";
import { asTRPCError, formatError } from "./errors";

export interface Context {
  deps: AppDeps;
  user: CurrentUser | null;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter: ({ error, path }) => formatError(error, path),
});

export const router = t.router;

/**
 * Every procedure's failure leaves with its AppError's code, for HTTP and in-process callers alike;
 * every call's duration goes to /api/metrics by procedure and outcome (the code, or "ok").
 */
export const publicProcedure = t.procedure.use(async ({ next, path, type }) => {
  const start = performance.now();
  let outcome = "ok";
  try {
    const result = await next();
    if (!result.ok) {
      const error = asTRPCError(result.error, path);
      outcome = error.code;
      throw error;
    }
    return result;
  } finally {
    appMetrics().trpcDuration.observe({ procedure: path, type, outcome }, secondsSince(start));
  }
});

export const signedInProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const viewer = ctx.user ? await loadViewer(ctx.deps.db, ctx.user.id) : null;
  if (!ctx.user || !viewer) throw new AppError("UNAUTHORIZED", "Sign in first.");
  return next({ ctx: { ...ctx, user: ctx.user, viewer } });
});

/** Signed in and holding every one of `permissions`. */
export function permissionProcedure(...permissions: Permission[]) {
  return signedInProcedure.use(({ ctx, next }) => {
    const missing = permissions.filter((p) => !ctx.viewer.permissions.has(p));
    if (missing.length > 0) throw new AppError("FORBIDDEN", `Missing permission: ${missing.join(", ")}`);
    return next();
  });
}

/** Signed in and allowed into the area, by the same rule as its page and header link. */
export function areaProcedure(area: Area) {
  return signedInProcedure.use(({ ctx, next }) => {
    if (!mayUse(ctx.viewer, area)) throw new AppError("FORBIDDEN", `Not allowed here: ${area}.`);
    return next();
  });
}

/** Superusers only: editing what everyone else reads (skill sets). */
export const superuserProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer.isSuperuser) throw new AppError("FORBIDDEN", "Superusers only.");
  return next();
});
