import { z } from "zod";
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
import { areaProcedure, router } from "../trpc";
import { webhooksRouter } from "./webhooks";

const groupInput = z.object({
  name: safeText(80).min(1),
  description: safeText(500, { trim: false }).default(""),
  permissions: z.array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]])).max(PERMISSION_NAMES.length),
  isDefault: z.boolean().default(false),
});
/** User and group ids are cuids (25 characters). */
const id = safeText(40, { trim: false }).min(1);

const admin = areaProcedure("admin");

export const adminRouter = router({
  groups: admin.query(({ ctx }) => listGroups(ctx.deps.db)),
  group: admin.input(z.object({ id })).query(({ ctx, input }) => getGroup(ctx.deps.db, input.id)),
  createGroup: admin.input(groupInput).mutation(({ ctx, input }) => createGroup(ctx.deps.db, input)),
  updateGroup: admin
    .input(groupInput.extend({ id }))
    .mutation(({ ctx, input: { id: groupId, ...data } }) => updateGroup(ctx.deps.db, groupId, data)),
  deleteGroup: admin.input(z.object({ id })).mutation(({ ctx, input }) => deleteGroup(ctx.deps.db, input.id)),
  setMembership: admin
    .input(z.object({ groupId: id, userId: id, member: z.boolean() }))
    .mutation(({ ctx, input }) => setMembership(ctx.deps.db, input.groupId, input.userId, input.member)),
  users: admin
    .input(z.object({ search: safeText(100).optional() }).default({}))
    .query(({ ctx, input }) => listUsers(ctx.deps.db, input.search || undefined)),
  setSuperuser: admin
    .input(z.object({ userId: id, isSuperuser: z.boolean() }))
    .mutation(({ ctx, input }) => setSuperuser(ctx.deps.db, ctx.user.id, input.userId, input.isSuperuser)),
  setActive: admin
    .input(z.object({ userId: id, isActive: z.boolean() }))
    .mutation(({ ctx, input }) => setActive(ctx.deps.db, ctx.user.id, input.userId, input.isActive)),
  holders: admin.query(({ ctx }) => permissionHolders(ctx.deps.db)),
  webhooks: webhooksRouter,
});
