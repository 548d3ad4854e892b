import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { PERMISSION_NAMES, type Permission } from "~/server/auth/permissions";
import {
  createGroup,
  deleteGroup,
  getGroup,
  GroupError,
  listGroups,
  listUsers,
  permissionHolders,
  setActive,
  setMembership,
  setSuperuser,
  updateGroup,
} from "~/server/groups/admin";
import { router, superuserProcedure } from "../trpc";

const groupInput = z.object({
  name: z.string().trim().min(1).max(80),
  description: z.string().max(500).default(""),
  permissions: z.array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]])).max(PERMISSION_NAMES.length),
  isDefault: z.boolean().default(false),
});
const id = z.string().min(1).max(40);

/** Domain errors of the admin area are the user's to fix: 400 with the message, never a 500. */
async function friendly<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof GroupError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
    throw error;
  }
}

export const adminRouter = router({
  groups: superuserProcedure.query(({ ctx }) => listGroups(ctx.deps.db)),
  group: superuserProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => friendly(() => getGroup(ctx.deps.db, input.id))),
  createGroup: superuserProcedure
    .input(groupInput)
    .mutation(({ ctx, input }) => friendly(() => createGroup(ctx.deps.db, input))),
  updateGroup: superuserProcedure
    .input(groupInput.extend({ id }))
    .mutation(({ ctx, input: { id: groupId, ...data } }) => friendly(() => updateGroup(ctx.deps.db, groupId, data))),
  deleteGroup: superuserProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => friendly(() => deleteGroup(ctx.deps.db, input.id))),
  setMembership: superuserProcedure
    .input(z.object({ groupId: id, userId: id, member: z.boolean() }))
    .mutation(({ ctx, input }) =>
      friendly(() => setMembership(ctx.deps.db, input.groupId, input.userId, input.member)),
    ),
  users: superuserProcedure
    .input(z.object({ search: z.string().trim().max(100).optional() }).default({}))
    .query(({ ctx, input }) => listUsers(ctx.deps.db, input.search || undefined)),
  setSuperuser: superuserProcedure
    .input(z.object({ userId: id, isSuperuser: z.boolean() }))
    .mutation(({ ctx, input }) =>
      friendly(() => setSuperuser(ctx.deps.db, ctx.user.id, input.userId, input.isSuperuser)),
    ),
  setActive: superuserProcedure
    .input(z.object({ userId: id, isActive: z.boolean() }))
    .mutation(({ ctx, input }) => friendly(() => setActive(ctx.deps.db, ctx.user.id, input.userId, input.isActive))),
  holders: superuserProcedure.query(({ ctx }) => permissionHolders(ctx.deps.db)),
});
