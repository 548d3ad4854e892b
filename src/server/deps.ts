// What entry points hand domain code: the process's shared dependencies. Domain
// functions take the parts they need as arguments; src/runtime/deps.ts builds this
// from the settings once per process, and tests build their own.
import type { Db } from "~/server/db/client";
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { EsiClient } from "~/server/esi/client";
import type { SsoClientConfig } from "~/server/identity/sso-client";
import type { ExportSettings } from "~/server/exports/requests";
import type { SendJobEvents } from "~/server/jobs/events";
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
  /** Data export settings (minimum age between builds); the defaults when absent (tests). */
  exports?: ExportSettings;
}
