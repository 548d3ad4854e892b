// Designating groups as compliance groups, changing their rules, and removing the
// designation: each previewed and saved through the same plan (./recompute.ts).
import type { Prisma } from "@prisma/client";
import { AppError, notFound } from "~/server/errors/app-error";
import { describeRules, parseStoredRules, type ComplianceRules } from "./rules";
import type { GroupPlan } from "./plan";
import { type ComplianceDeps, runCompliance } from "./recompute";

export type DesignationChange =
  /** Designate the group, or change its rules when it is one already. */
  | { groupId: string; rules: ComplianceRules }
  /** Remove the designation: every member leaves, nobody is told they lost compliance. */
  | { groupId: string; rules: null };

async function requireGroup(tx: Prisma.TransactionClient, groupId: string) {
  const group = await tx.group.findUnique({ where: { id: groupId }, include: { compliance: true } });
  if (!group) throw notFound("Group");
  return group;
}

/** What saving `change` would do now: who would join, leave, start or end their grace period. */
export async function previewDesignation(deps: ComplianceDeps, change: DesignationChange): Promise<GroupPlan> {
  const [plan] = await runCompliance(
    deps,
    async (tx) => {
      const group = await requireGroup(tx, change.groupId);
      if (change.rules === null && !group.compliance) throw notACompliance();
      return [change];
    },
    { apply: false },
  );
  return plan!;
}

/** Saves `change` and applies its plan in the same transaction; returns the plan carried out. */
export async function saveDesignation(deps: ComplianceDeps, change: DesignationChange): Promise<GroupPlan> {
  const { groupId } = change;
  const [plan] = await runCompliance(
    deps,
    async (tx) => {
      const group = await requireGroup(tx, groupId);
      if (change.rules === null) {
        if (!group.compliance) throw notACompliance();
        return [change];
      }
      const rules = change.rules as Prisma.InputJsonValue;
      await tx.complianceGroup.upsert({ where: { groupId }, create: { groupId, rules }, update: { rules } });
      // A default group would take in every new user whatever their compliance: designating ends that.
      if (group.isDefault) await tx.group.update({ where: { id: groupId }, data: { isDefault: false } });
      return [change];
    },
    {
      apply: true,
      after: async (tx) => {
        if (change.rules === null) await tx.complianceGroup.delete({ where: { groupId } });
      },
    },
  );
  return plan!;
}

const notACompliance = () =>
  new AppError("BAD_INPUT", "This group is not a compliance group.", { reason: "not-compliance-group" });

/** Every group, with its designation and rules, for the admin page. */
export async function listComplianceGroups(db: Prisma.TransactionClient | ComplianceDeps["db"]) {
  const groups = await db.group.findMany({
    orderBy: { name: "asc" },
    include: { compliance: true, _count: { select: { members: true } } },
  });
  const lapses = await db.complianceLapse.groupBy({ by: ["groupId"], _count: { _all: true } });
  const lapsing = new Map(lapses.map((l) => [l.groupId, l._count._all]));
  const sets = new Map((await db.skillSet.findMany({ select: { id: true, name: true } })).map((s) => [s.id, s.name]));
  const setName = (id: number) => sets.get(id) ?? `#${id}`;
  return groups.map((g) => {
    const rules = g.compliance ? parseStoredRules(g.compliance.rules) : null;
    return {
      id: g.id,
      name: g.name,
      description: g.description,
      memberCount: g._count.members,
      isCompliance: g.compliance !== null,
      rules,
      ruleLines: rules ? describeRules(rules, setName) : [],
      inGracePeriod: lapsing.get(g.id) ?? 0,
    };
  });
}

export interface PlanUser {
  userId: string;
  /** The main's name, or the user's id for a user without a main. */
  name: string;
}

/** A plan with each user's main named, for the admin page. */
export async function namedPlan(db: ComplianceDeps["db"], plan: GroupPlan) {
  const ids = [...plan.join, ...plan.leave, ...plan.lapsing, ...plan.recovered];
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, mainCharacter: { select: { name: true } } },
  });
  const names = new Map(users.map((u) => [u.id, u.mainCharacter?.name ?? u.id]));
  const named = (list: string[]): PlanUser[] =>
    list.map((userId) => ({ userId, name: names.get(userId) ?? userId })).sort((a, b) => a.name.localeCompare(b.name));
  return {
    groupId: plan.groupId,
    join: named(plan.join),
    leave: named(plan.leave),
    lapsing: named(plan.lapsing),
    recovered: named(plan.recovered),
  };
}
