// The tRPC procedure ladder: public -> signed-in -> permission-checked (superusers hold
// every permission) or area-checked (src/server/access/areas.ts). Refusals are AppErrors like
// any other; ./errors.ts maps every error to its answer once. A caller with an API token
// (docs/api.md) climbs the same ladder as its holder, with the viewer narrowed to the
// token; procedures marked SESSION_ONLY refuse tokens.
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { type Area, mayUse } from "~/server/access/areas";
import { loadViewer } from "~/server/access/viewer";
import { checkProcedureAllowed, narrowViewer, type TokenGrant } from "~/server/api-tokens/authenticate";
import type { AuditActor } from "~/server/audit/record";
import type { CurrentUser } from "~/server/auth/session";
import type { AppDeps } from "~/server/deps";
import { AppError } from "~/server/errors/app-error";
import type { Permission } from "~/server/identity/permissions";
import { appMetrics, secondsSince } from "~/server/metrics/registry";
import { asTRPCError, formatError } from "./errors";

/** How an HTTP caller proved who it is; absent for in-process callers, which count as a session. */
export interface RequestAuth {
  via: "session" | "token";
  /** The client's address (the last X-Forwarded-For hop: identity/client-address.ts), for the audit log and a token's last use. */
  address: string | null;
  grant?: TokenGrant;
  /** A bearer token was presented and refused: every signed-in procedure answers with this. */
  refusal?: AppError;
}

export interface Context {
  deps: AppDeps;
  user: CurrentUser | null;
  auth?: RequestAuth;
}

export interface ProcedureMeta {
  /** Refuses API tokens: administration and the mutations only a person at the app may make (docs/api.md). */
  sessionOnly?: boolean;
}

export const SESSION_ONLY: ProcedureMeta = { sessionOnly: true };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
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

export const signedInProcedure = publicProcedure.use(async ({ ctx, next, meta, path }) => {
  if (ctx.auth?.refusal) throw ctx.auth.refusal;
  const grant = ctx.auth?.grant;
  if (grant) {
    if (meta?.sessionOnly)
      throw new AppError("FORBIDDEN", `${path} cannot be called with an API token.`, { reason: "session-only" });
    checkProcedureAllowed(grant, path);
  }
  const loaded = ctx.user ? await loadViewer(ctx.deps.db, ctx.user.id) : null;
  if (!ctx.user || !loaded) throw new AppError("UNAUTHORIZED", "Sign in first.");
  const viewer = grant ? narrowViewer(loaded, grant) : loaded;
  const actor: AuditActor = {
    actorUserId: ctx.user.id,
    via: grant ? "token" : "session",
    tokenId: grant?.tokenId ?? null,
    address: ctx.auth?.address ?? null,
  };
  return next({ ctx: { ...ctx, user: ctx.user, viewer, actor } });
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

/** Superusers only: editing what everyone else reads (skill sets). Never with a token. */
export const superuserProcedure = signedInProcedure.meta(SESSION_ONLY).use(({ ctx, next }) => {
  if (!ctx.viewer.isSuperuser) throw new AppError("FORBIDDEN", "Superusers only.");
  return next();
});
