// What a recompute would do to one compliance group, worked out without writing: the admin
// page's preview is this plan, and saving applies the very same plan (./recompute.ts), so
// what the preview shows is what happens.
import type { Prisma } from "@prisma/client";
import type { Viewer } from "~/server/access/viewer";
import { qualifyingUserIds } from "./qualifying";
import type { ComplianceRules } from "./rules";

type Tx = Prisma.TransactionClient;
const HOUR_MS = 3600 * 1000;

export interface GroupPlan {
  groupId: string;
  /** Qualify and are not members: added now. */
  join: string[];
  /** Members who no longer qualify and whose grace has run out (or who are in an undesignated group): removed now. */
  leave: string[];
  /** Members who stopped qualifying now: their grace period starts, they stay for now. */
  lapsing: string[];
  /** Members in their grace period who qualify again: their lapse is forgotten. */
  recovered: string[];
  /** When each leaving member joined, for the notice's dedupe key. */
  joinedAt: Record<string, Date>;
}

export interface PlanInput {
  groupId: string;
  /** null: the designation is being removed, so every member leaves. */
  rules: ComplianceRules | null;
  graceHours: number;
  now: Date;
  everyone: Viewer;
  /** Only these users (a trigger for one user); absent = everybody. */
  onlyUserIds?: readonly string[];
}

export async function planGroup(tx: Tx, input: PlanInput): Promise<GroupPlan> {
  const { groupId, now, onlyUserIds } = input;
  const userFilter = onlyUserIds ? { userId: { in: [...onlyUserIds] } } : {};
  // One after another: a transaction is one connection, which runs one query at a time anyway.
  const members = await tx.groupMembership.findMany({
    where: { groupId, ...userFilter },
    select: { userId: true, createdAt: true },
  });
  const lapses = await tx.complianceLapse.findMany({
    where: { groupId, ...userFilter },
    select: { userId: true, since: true },
  });
  const qualifying = input.rules
    ? await qualifyingUserIds(tx, input.everyone, input.rules, now, onlyUserIds)
    : new Set<string>();
  const lapseSince = new Map(lapses.map((l) => [l.userId, l.since]));
  const memberIds = new Set(members.map((m) => m.userId));
  const plan: GroupPlan = { groupId, join: [], leave: [], lapsing: [], recovered: [], joinedAt: {} };
  for (const userId of qualifying) if (!memberIds.has(userId)) plan.join.push(userId);
  for (const member of members) {
    const since = lapseSince.get(member.userId);
    if (qualifying.has(member.userId)) {
      if (since) plan.recovered.push(member.userId);
      continue;
    }
    const graceEnds = (since ?? now).getTime() + input.graceHours * HOUR_MS;
    if (input.rules === null || graceEnds <= now.getTime()) {
      plan.leave.push(member.userId);
      plan.joinedAt[member.userId] = member.createdAt;
    } else if (!since) plan.lapsing.push(member.userId);
  }
  for (const list of [plan.join, plan.leave, plan.lapsing, plan.recovered]) list.sort();
  return plan;
}
