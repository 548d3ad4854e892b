// A user's API tokens (docs/api.md): holders of api_access manage their own. Every
// procedure here is SESSION_ONLY: a token can neither mint nor revoke tokens.
import { z } from "zod";
import { createApiToken, listApiTokens, MAX_TOKEN_DAYS, revokeApiToken } from "~/server/api-tokens/tokens";
import { PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";
import { safeText } from "~/server/paging/inputs";
import { permissionProcedure, router, SESSION_ONLY } from "../trpc";

const holder = permissionProcedure("api_access").meta(SESSION_ONLY);
/** A procedure path as the router names it ("sheet.wallet.journal"). */
const procedurePath = safeText(100).regex(
  /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/,
  "must be a procedure path",
);

export const apiTokensRouter = router({
  list: holder.query(({ ctx }) => listApiTokens(ctx.deps.db, ctx.user.id)),
  create: holder
    .input(
      z.object({
        name: safeText(80).min(1),
        expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS),
        permissions: z
          .array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]]))
          .min(1)
          .max(PERMISSION_NAMES.length),
        procedures: z.array(procedurePath).max(200).default([]),
      }),
    )
    .mutation(({ ctx, input }) => createApiToken(ctx.deps.db, ctx.viewer, ctx.actor, input)),
  revoke: holder
    .input(z.object({ id: safeText(40, { trim: false }).min(1) }))
    .mutation(({ ctx, input }) => revokeApiToken(ctx.deps.db, ctx.user.id, ctx.actor, input.id)),
});
