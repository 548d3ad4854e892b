import type { Db } from "~/server/db/client";
import { DEFAULT_AUDIT_RETENTION_DAYS, purgeOldAuditEvents } from "~/server/audit/retention";
import { defineJob } from "../job";

/** Once a day: audit events older than the retention setting go. */
export const purgeAuditJob = (deps: () => { db: Db }, settings: { auditRetentionDays?: number }) =>
  defineJob({
    id: "purge-audit",
    trigger: { cron: "41 3 * * *" },
    retries: 2,
    handler: ({ step }) =>
      step.run("purge", () =>
        purgeOldAuditEvents(deps().db, settings.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS),
      ),
  });
