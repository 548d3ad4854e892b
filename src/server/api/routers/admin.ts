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
import { areaProcedure, router } from "../trpc";

const groupInput = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().max(500).default(""),
  permissions: z.array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]])).max(PERMISSION_NAMES.length),
  isDefault: z.boolean().default(false),
});
const id = z.string().min(1).max(40);

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
    .input(z.object({ search: z.string().trim().max(100).optional() }).default({}))
    .query(({ ctx, input }) => listUsers(ctx.deps.db, input.search || undefined)),
  setSuperuser: admin
    .input(z.object({ userId: id, isSuperuser: z.boolean() }))
    .mutation(({ ctx, input }) => setSuperuser(ctx.deps.db, ctx.user.id, input.userId, input.isSuperuser)),
  setActive: admin
    .input(z.object({ userId: id, isActive: z.boolean() }))
    .mutation(({ ctx, input }) => setActive(ctx.deps.db, ctx.user.id, input.userId, input.isActive)),
  holders: admin.query(({ ctx }) => permissionHolders(ctx.deps.db)),
});
