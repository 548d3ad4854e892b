// What entry points hand domain code: the process's shared dependencies. Domain
// functions take the parts they need as arguments; src/runtime/deps.ts builds this
// from the settings once per process, and tests build their own.
import type { Db } from "~/server/db/client";
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { EsiClient } from "~/server/esi/client";
import type { SsoClientConfig } from "~/server/identity/sso-client";
import type { ExportSettings } from "~/server/exports/requests";
import type { SendJobEvents } from "~/server/jobs/events";
import type { JobEngineInfo } from "~/server/status/overview";
import type { WebhookSettings } from "~/server/notifications/webhook-url";
import type { EngineSettings } from "~/server/updates/engine-settings";

export interface AppDeps {
  db: Db;
  esi: EsiClient;
  cipher: TokenCipher;
  sso: SsoClientConfig;
  /** Queues job events: to Inngest when it is configured, else to the embedded runner. */
  sendEvents: SendJobEvents;
  /** Section settings the pages read (roles on/off, stale minutes); defaults when absent (tests). */
  engine?: EngineSettings;
  /** Which engine runs the jobs, for the status page; the embedded runner when absent (tests). */
  jobEngine?: JobEngineInfo;
  /** Where webhooks may post besides Discord and Slack; none when absent (tests). */
  webhooks?: WebhookSettings;
  /** MEMBERAUDIT_COMPLIANCE_GRACE_HOURS, for the compliance admin's preview and save; 0 when absent (tests). */
  complianceGraceHours?: number;
  /** Data export settings (minimum age between builds); the defaults when absent (tests). */
  exports?: ExportSettings;
}
