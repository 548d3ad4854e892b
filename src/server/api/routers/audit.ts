// The access audit log (docs/audit.md): superusers read all of it at the app (not with a
// token); every member reads who looked at their own characters.
import { auditListInput, listAuditEvents, whoLookedAtMine } from "~/server/audit/list";
import { permissionProcedure, router, superuserProcedure } from "../trpc";

export const auditRouter = router({
  list: superuserProcedure.input(auditListInput).query(({ ctx, input }) => listAuditEvents(ctx.deps.db, input)),
  whoLookedAtMine: permissionProcedure("basic_access").query(({ ctx }) => whoLookedAtMine(ctx.deps.db, ctx.user.id)),
});
