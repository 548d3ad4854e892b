// The list of background jobs, built from the process's dependencies and settings.
// Inngest (inngest/functions.ts) and the embedded runner drive this same list.
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import type { WebhookSettings } from "~/server/notifications/webhook-url";
import type { EngineSettings } from "~/server/updates/engine-settings";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from "~/server/exports/requests";
import type { JobDefinition } from "../job";
import { buildExportJob, rebuildExportsJob } from "./exports";
import { expireSharesJob } from "./expire-shares";
import { purgeAuditJob } from "./purge-audit";
import { purgeNotificationsJob } from "./purge-notifications";
import {
  type ComplianceJobSettings,
  recomputeAllComplianceJob,
  recomputeUserComplianceJob,
} from "./recompute-compliance";
import { refreshCharacterPublic } from "./refresh-character-public";
import { refreshMarketPricesJob } from "./refresh-market-prices";
import { resolveEveTypes } from "./resolve-eve-types";
import { updateCharacter } from "./update-character";
import { refreshAllAffiliations, repairStuckUpdates, updateStaleCharacters } from "./update-schedule";
import { deliverWebhookJob, dispatchWebhooksJob } from "./webhooks";

/** What the jobs use of the process's dependencies. */
export interface JobDeps {
  db: Db;
  esi: EsiClient;
  /** Decrypts webhook URLs; the app's deps always carry it (a delivery fails for good without). */
  cipher?: TokenCipher;
}

export interface JobSettings extends ComplianceJobSettings {
  sharingTimeoutMinutes: number;
  /** Days notifications are kept (MEMBERAUDIT_NOTIFICATIONS_RETENTION_DAYS); 90 when absent. */
  notificationRetentionDays?: number;
  /** Days audit events are kept (MEMBERAUDIT_AUDIT_RETENTION_DAYS); 365 when absent. */
  auditRetentionDays?: number;
  engine: EngineSettings;
  /** Allowed webhook origins beyond Discord's and Slack's (MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS). */
  webhooks?: WebhookSettings;
  /** Data exports; the defaults when absent (tests and benchmarks that do not export). */
  exports?: ExportSettings;
}

export function createJobs(deps: () => JobDeps, settings: JobSettings): JobDefinition<any>[] {
  const update = () => updateDepsFrom(deps());
  const exportSettings = {
    exports: settings.exports ?? DEFAULT_EXPORT_SETTINGS,
    retentionDays: settings.engine.section.retentionDays,
  };
  return [
    refreshCharacterPublic(deps),
    expireSharesJob(deps, settings),
    ...(settings.engine.updatesEnabled
      ? [updateCharacter(update, settings.engine), updateStaleCharacters(deps, settings.engine)]
      : []),
    repairStuckUpdates(deps),
    refreshAllAffiliations(deps),
    resolveEveTypes(deps),
    refreshMarketPricesJob(deps),
    purgeNotificationsJob(deps, settings),
    purgeAuditJob(deps, settings),
    dispatchWebhooksJob(deps),
    deliverWebhookJob(deps, settings),
    recomputeAllComplianceJob(deps, settings),
    recomputeUserComplianceJob(deps, settings),
    buildExportJob(deps, exportSettings),
    ...(exportSettings.exports.dailyRebuild ? [rebuildExportsJob(deps, exportSettings)] : []),
  ];
}
