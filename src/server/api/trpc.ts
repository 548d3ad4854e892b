// The tRPC procedure ladder: public -> signed-in. (Permission-checked procedures
// join when the permission model lands.) Invalid input is a 400 whose message
// names the field.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
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

export const signedInProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first." });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
