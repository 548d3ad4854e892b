// A fresh install needs one group new users join, or nobody but the superuser could
// use the app. Admins rename it, change its permissions or untick "default".
import type { Prisma } from "@prisma/client";
import type { Permission } from "~/server/identity/permissions";

export const DEFAULT_GROUP = {
  name: "Members",
  description: "Everyone who signs in joins this group (untick 'default' to stop that).",
  permissions: ["basic_access", "share_characters"] satisfies Permission[],
};

export async function ensureDefaultGroup(tx: Prisma.TransactionClient): Promise<void> {
  if ((await tx.group.count()) > 0) return;
  await tx.group.create({ data: { ...DEFAULT_GROUP, isDefault: true } });
}
