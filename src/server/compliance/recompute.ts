// Recomputing compliance groups: every group, or only what one user's change can move
// (a registration, a removal, a token change). Each run plans and applies in one
// transaction under one advisory lock, so two triggers at once cannot both add a member
// or tell them twice, and running it again with nothing changed writes nothing.
import type { Prisma } from "@prisma/client";
import { recordAudit } from "~/server/audit/record";
import type { Db } from "~/server/db/client";
import { unshareWithoutPermission } from "~/server/sharing/shares";
import { applyPlan } from "./apply";
import { type GroupPlan, planGroup } from "./plan";
import { everyoneViewer } from "./qualifying";
import { type ComplianceRules, parseStoredRules } from "./rules";

export interface ComplianceDeps {
  db: Db;
  /** MEMBERAUDIT_COMPLIANCE_GRACE_HOURS: how long a member who stops qualifying stays. */
  graceHours: number;
  now?: () => Date;
}

const COMPLIANCE_LOCK = 4242012;
/** 2,000 users with rules take a few seconds; the default 5 s would cut a loaded machine short. */
const TRANSACTION = { maxWait: 30_000, timeout: 120_000 } as const;

export interface GroupChange {
  groupId: string;
  /** The group's rules as planned with; null when the designation is being removed. */
  rules: ComplianceRules | null;
}

/**
 * Plans each change and, with `apply`, carries it out, all in one locked transaction.
 * The admin page's preview (apply false) and its save (apply true) both come through here.
 */
export async function runCompliance(
  deps: ComplianceDeps,
  changes: (tx: Prisma.TransactionClient) => Promise<GroupChange[]>,
  options: { apply: boolean; onlyUserIds?: readonly string[]; after?: (tx: Prisma.TransactionClient) => Promise<void> },
): Promise<GroupPlan[]> {
  const now = deps.now?.() ?? new Date();
  const everyone = await everyoneViewer(deps.db);
  const plans = await deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${COMPLIANCE_LOCK})`;
    const groups = await changes(tx);
    const names = new Map(
      (await tx.group.findMany({ where: { id: { in: groups.map((g) => g.groupId) } } })).map((g) => [g.id, g.name]),
    );
    const done: GroupPlan[] = [];
    for (const { groupId, rules } of groups) {
      const plan = await planGroup(tx, {
        groupId,
        rules,
        graceHours: deps.graceHours,
        now,
        everyone,
        onlyUserIds: options.onlyUserIds,
      });
      if (options.apply) {
        const context = { groupName: names.get(groupId) ?? groupId, graceHours: deps.graceHours, now };
        await applyPlan(tx, plan, { ...context, silent: rules === null });
      }
      done.push(plan);
    }
    if (options.apply) await options.after?.(tx);
    return done;
  }, TRANSACTION);
  if (options.apply) auditMemberships(deps.db, plans, now);
  // Leaving a group may take share_characters away, which ends the member's shares (as groups/admin.ts does).
  if (options.apply && plans.some((p) => p.leave.length > 0)) await unshareWithoutPermission(deps.db);
  return plans;
}

/** After the commit, so the log never tells of a change that rolled back; the app made it, not a person. */
function auditMemberships(db: Db, plans: readonly GroupPlan[], at: Date): void {
  for (const plan of plans) {
    for (const [action, userIds] of [
      ["membership.add", plan.join],
      ["membership.remove", plan.leave],
    ] as const) {
      for (const userId of userIds) {
        recordAudit(db, { action, actorUserId: null, via: "system", targetUserId: userId, detail: plan.groupId, at });
      }
    }
  }
}

/** The designated groups as stored, optionally only some. */
async function storedGroups(tx: Prisma.TransactionClient, groupIds?: readonly string[]): Promise<GroupChange[]> {
  const rows = await tx.complianceGroup.findMany({
    where: groupIds ? { groupId: { in: [...groupIds] } } : {},
    orderBy: { groupId: "asc" },
  });
  return rows.map((row) => ({ groupId: row.groupId, rules: parseStoredRules(row.rules) }));
}

/** Every designated group over every user (the periodic run), or only the given users (triggers). */
export function recomputeCompliance(
  deps: ComplianceDeps,
  options: { userIds?: readonly string[]; groupIds?: readonly string[] } = {},
): Promise<GroupPlan[]> {
  return runCompliance(deps, (tx) => storedGroups(tx, options.groupIds), {
    apply: true,
    onlyUserIds: options.userIds,
  });
}
