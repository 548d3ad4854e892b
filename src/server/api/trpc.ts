// The tRPC procedure ladder: public -> signed-in -> permission-checked (superusers
// hold every permission). Invalid input is a 400 whose message names the field.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { loadViewer } from "~/server/access/viewer";
import type { Permission } from "~/server/auth/permissions";
import { type CurrentUser, currentUser } from "~/server/auth/session";
import { type AppDeps, appDeps } from "~/server/deps";

export async function createContext(): Promise<{ deps: AppDeps; user: CurrentUser | null }> {
  return { deps: appDeps(), user: await currentUser() };
}

type Context = Awaited<ReturnType<typeof createContext>>;

function describeZodError(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      message: zod ? `Invalid input: ${describeZodError(zod)}` : shape.message,
      data: { ...shape.data, fields: zod ? zod.issues.map((i) => i.path.join(".")) : undefined },
    };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;

export const signedInProcedure = t.procedure.use(async ({ ctx, next }) => {
  const viewer = ctx.user ? await loadViewer(ctx.deps.db, ctx.user.id) : null;
  if (!ctx.user || !viewer) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { ...ctx, user: ctx.user, viewer } });
});

/** Signed in and holding every one of `permissions`. */
export function permissionProcedure(...permissions: Permission[]) {
  return signedInProcedure.use(({ ctx, next }) => {
    const missing = permissions.filter((p) => !ctx.viewer.permissions.has(p));
    if (missing.length > 0)
      throw new TRPCError({ code: "FORBIDDEN", message: `Missing permission: ${missing.join(", ")}` });
    return next();
  });
}

export const superuserProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer.isSuperuser) throw new TRPCError({ code: "FORBIDDEN", message: "Superusers only." });
  return next();
});
