import type { Db } from "~/server/db/client";
import { recomputeCompliance } from "~/server/compliance/recompute";
import { complianceRecompute } from "../events";
import { defineJob } from "../job";

export interface ComplianceJobSettings {
  /** MEMBERAUDIT_COMPLIANCE_GRACE_HOURS; 0 when absent. */
  complianceGraceHours?: number;
}

const counts = (plans: Awaited<ReturnType<typeof recomputeCompliance>>) => ({
  groups: plans.length,
  joined: plans.reduce((n, p) => n + p.join.length, 0),
  left: plans.reduce((n, p) => n + p.leave.length, 0),
});

/** Hourly, so a grace period in hours ends within the hour: every compliance group over every user. */
export const recomputeAllComplianceJob = (deps: () => { db: Db }, settings: ComplianceJobSettings) =>
  defineJob({
    id: "recompute-compliance",
    trigger: { cron: "41 * * * *" },
    retries: 2,
    handler: ({ step }) =>
      step.run("recompute", async () =>
        counts(await recomputeCompliance({ db: deps().db, graceHours: settings.complianceGraceHours ?? 0 })),
      ),
  });

/** A user's registration, removal or token change: only their memberships can move. */
export const recomputeUserComplianceJob = (deps: () => { db: Db }, settings: ComplianceJobSettings) =>
  defineJob({
    id: "recompute-user-compliance",
    trigger: complianceRecompute,
    retries: 3,
    handler: ({ event, step }) =>
      step.run("recompute", async () =>
        counts(
          await recomputeCompliance(
            { db: deps().db, graceHours: settings.complianceGraceHours ?? 0 },
            { userIds: event.data.userIds },
          ),
        ),
      ),
  });
