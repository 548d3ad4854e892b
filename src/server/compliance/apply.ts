// Carrying out a group's plan (./plan.ts) inside the recompute's transaction: memberships,
// lapses, and the member's notices, which stand or fall with the change they tell of.
import type { Prisma } from "@prisma/client";
import { notify } from "~/server/notifications/notify";
import type { GroupPlan } from "./plan";

type Tx = Prisma.TransactionClient;

export interface ApplyContext {
  groupName: string;
  graceHours: number;
  now: Date;
  /** An undesignation empties the group without telling anyone they lost compliance: they did not. */
  silent?: boolean;
}

export async function applyPlan(tx: Tx, plan: GroupPlan, context: ApplyContext): Promise<void> {
  const { groupId } = plan;
  const { now } = context;
  if (plan.join.length > 0) {
    await tx.groupMembership.createMany({
      data: plan.join.map((userId) => ({ groupId, userId, createdAt: now })),
      skipDuplicates: true,
    });
  }
  if (plan.leave.length > 0) {
    await tx.groupMembership.deleteMany({ where: { groupId, userId: { in: plan.leave } } });
  }
  const forgotten = [...plan.leave, ...plan.recovered];
  if (forgotten.length > 0) await tx.complianceLapse.deleteMany({ where: { groupId, userId: { in: forgotten } } });
  if (plan.lapsing.length > 0) {
    await tx.complianceLapse.createMany({
      data: plan.lapsing.map((userId) => ({ groupId, userId, since: now })),
      skipDuplicates: true,
    });
  }
  if (context.silent) return;
  await notifyChanges(tx, plan, context);
}

// Dedupe keys name the state change by the membership it starts or ends (docs/notifications.md):
// a replayed recompute tells nobody twice, a member who leaves and comes back is told again.
async function notifyChanges(tx: Tx, plan: GroupPlan, { groupName, graceHours, now }: ApplyContext): Promise<void> {
  const { groupId } = plan;
  await notify(
    tx,
    plan.join,
    {
      event: "compliance_gained",
      level: "success",
      title: `You joined ${groupName}`,
      message: `All your characters are registered and you meet the group's rules: you are now a member of ${groupName} and have the access it grants.`,
      dedupeKey: `compliance:${groupId}:gained:${now.toISOString()}`,
    },
    now,
  );
  if (plan.lapsing.length > 0) {
    const until = new Date(now.getTime() + graceHours * 3600 * 1000);
    await notify(
      tx,
      plan.lapsing,
      {
        // Posted with the losses: a webhook channel for "lost" wants the warning before it too.
        event: "compliance_lost",
        level: "warning",
        title: `You are about to leave ${groupName}`,
        message: `Some of your characters are not registered, or you no longer meet the group's rules. Unless that changes by ${until.toISOString().slice(0, 16).replace("T", " ")} UTC, you will leave ${groupName} and lose the access it grants.`,
        dedupeKey: `compliance:${groupId}:lapsing:${now.toISOString()}`,
      },
      now,
    );
  }
  for (const userId of plan.leave) {
    const joinedAt = plan.joinedAt[userId] ?? now;
    await notify(
      tx,
      [userId],
      {
        event: "compliance_lost",
        level: "warning",
        title: `You left ${groupName}`,
        message: `Some of your characters are not registered, or you no longer meet the group's rules: you lost the access ${groupName} grants. Register the missing characters to get it back.`,
        dedupeKey: `compliance:${groupId}:lost:${joinedAt.toISOString()}`,
      },
      now,
    );
  }
}
