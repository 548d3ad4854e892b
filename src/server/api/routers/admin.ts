// Groups, memberships and users: superusers at the app only (SESSION_ONLY), each change
// written to the audit log.
import { z } from "zod";
import { recordAudit } from "~/server/audit/record";
import { PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";
import {
  createGroup,
  deleteGroup,
  getGroup,
  listGroups,
  listUsers,
  permissionHolders,
  setActive,
  setMembership,
  setSuperuser,
  updateGroup,
} from "~/server/groups/admin";
import { safeText } from "~/server/paging/inputs";
import { areaProcedure, router, SESSION_ONLY } from "../trpc";
import { webhooksRouter } from "./webhooks";

const groupInput = z.object({
  name: safeText(80).min(1),
  description: safeText(500, { trim: false }).default(""),
  permissions: z.array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]])).max(PERMISSION_NAMES.length),
  isDefault: z.boolean().default(false),
});
/** User and group ids are cuids (25 characters). */
const id = safeText(40, { trim: false }).min(1);

const describeGroup = (g: { name: string; permissions: string[] }) => `${g.name}: ${g.permissions.join(", ")}`;

const admin = areaProcedure("admin").meta(SESSION_ONLY);

export const adminRouter = router({
  groups: admin.query(({ ctx }) => listGroups(ctx.deps.db)),
  group: admin.input(z.object({ id })).query(({ ctx, input }) => getGroup(ctx.deps.db, input.id)),
  createGroup: admin.input(groupInput).mutation(async ({ ctx, input }) => {
    const group = await createGroup(ctx.deps.db, input);
    recordAudit(ctx.deps.db, { ...ctx.actor, action: "group.create", detail: describeGroup(group) });
    return group;
  }),
  updateGroup: admin.input(groupInput.extend({ id })).mutation(async ({ ctx, input: { id: groupId, ...data } }) => {
    const group = await updateGroup(ctx.deps.db, groupId, data);
    recordAudit(ctx.deps.db, { ...ctx.actor, action: "group.update", detail: describeGroup(group) });
    return group;
  }),
  deleteGroup: admin.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    await deleteGroup(ctx.deps.db, input.id);
    recordAudit(ctx.deps.db, { ...ctx.actor, action: "group.delete", detail: input.id });
  }),
  setMembership: admin
    .input(z.object({ groupId: id, userId: id, member: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await setMembership(ctx.deps.db, input.groupId, input.userId, input.member);
      const action = input.member ? "membership.add" : "membership.remove";
      recordAudit(ctx.deps.db, { ...ctx.actor, action, targetUserId: input.userId, detail: input.groupId });
    }),
  users: admin
    .input(z.object({ search: safeText(100).optional() }).default({}))
    .query(({ ctx, input }) => listUsers(ctx.deps.db, input.search || undefined)),
  setSuperuser: admin.input(z.object({ userId: id, isSuperuser: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setSuperuser(ctx.deps.db, ctx.user.id, input.userId, input.isSuperuser);
    const detail = String(input.isSuperuser);
    recordAudit(ctx.deps.db, { ...ctx.actor, action: "user.superuser", targetUserId: input.userId, detail });
  }),
  setActive: admin.input(z.object({ userId: id, isActive: z.boolean() })).mutation(async ({ ctx, input }) => {
    await setActive(ctx.deps.db, ctx.user.id, input.userId, input.isActive);
    const detail = String(input.isActive);
    recordAudit(ctx.deps.db, { ...ctx.actor, action: "user.active", targetUserId: input.userId, detail });
  }),
  holders: admin.query(({ ctx }) => permissionHolders(ctx.deps.db)),
  webhooks: webhooksRouter,
});
