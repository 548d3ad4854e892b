// AppDeps for tests and benchmarks: the real database and ESI client they set up, a
// fixed cipher key, an SSO that answers nothing unless given, and a job queue that
// keeps what it is sent (checked against the event schemas like the app's own).
import { createTokenCipher, type TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import type { AppDeps } from "~/server/deps";
import type { EsiClient } from "~/server/esi/client";
import type { SsoClientConfig } from "~/server/identity/sso-client";
import { checkedSender } from "~/server/jobs/events";
import type { JobEventPayload } from "~/server/jobs/job";

export const TEST_CIPHER_KEY = Buffer.alloc(32, 6).toString("base64");

export interface TestAppDeps extends AppDeps {
  /** Every job event sent through sendEvents, in order. */
  sentEvents: JobEventPayload[];
}

export function testAppDeps(parts: {
  db: Db;
  esi: EsiClient;
  cipher?: TokenCipher;
  sso?: Partial<SsoClientConfig>;
}): TestAppDeps {
  const sentEvents: JobEventPayload[] = [];
  return {
    db: parts.db,
    esi: parts.esi,
    cipher: parts.cipher ?? createTokenCipher({ current: TEST_CIPHER_KEY }),
    sso: { baseUrl: "http://127.0.0.1:9", clientId: "c", clientSecret: "s", ...parts.sso },
    sentEvents,
    sendEvents: checkedSender(async (events) => {
      sentEvents.push(...events);
    }),
  };
}
