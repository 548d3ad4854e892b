// Webhook delivery as jobs (docs/notifications.md, "Webhooks"): every minute the
// dispatcher queues what notify() wrote; each delivery is its own run, so a failing
// receiver retries with the driver's backoff (and a 429's Retry-After, through
// RetryLaterError) without holding up the others.
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { attemptDelivery } from "~/server/notifications/webhook-delivery";
import { claimUnqueuedDeliveries } from "~/server/notifications/webhook-dispatch";
import type { WebhookEvent } from "~/server/notifications/webhook-events";
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from "~/server/notifications/webhook-url";
import { webhookDeliver } from "../events";
import { defineJob, NonRetriableJobError, RetryLaterError } from "../job";

/** Retries after the first post: with the embedded runner's doubling delay, about four minutes of trying. */
export const WEBHOOK_RETRIES = 8;

/** Every minute: deliveries notify() wrote become deliver-webhook runs. */
export const dispatchWebhooksJob = (deps: () => { db: Db }) =>
  defineJob({
    id: "dispatch-webhooks",
    trigger: { cron: "* * * * *" },
    retries: 2,
    handler: async ({ step }) => {
      const claimed = await step.run("claim", () => claimUnqueuedDeliveries(deps().db));
      if (claimed.length === 0) return { queued: 0 };
      await step.sendEvent(
        "queue",
        claimed.map((d) => ({
          name: webhookDeliver.name,
          id: `webhook-${d.id}`,
          data: { deliveryId: d.id, eventType: d.eventType as WebhookEvent },
        })),
      );
      return { queued: claimed.length };
    },
  });

export const deliverWebhookJob = (
  deps: () => { db: Db; cipher?: TokenCipher },
  settings: { webhooks?: WebhookSettings },
) =>
  defineJob({
    id: "deliver-webhook",
    trigger: webhookDeliver,
    retries: WEBHOOK_RETRIES,
    concurrencyKeyField: "eventType",
    handler: ({ event, step, attempt }) =>
      // Thrown, not returned, when it is to be tried again: a returned step result is memoised.
      step.run("post", async () => {
        const { db, cipher } = deps();
        if (!cipher) throw new NonRetriableJobError("deliver-webhook needs the token cipher");
        const outcome = await attemptDelivery(
          { db, cipher, settings: settings.webhooks ?? DEFAULT_WEBHOOK_SETTINGS },
          event.data.deliveryId,
          { final: attempt >= WEBHOOK_RETRIES },
        );
        if (outcome.status === "retry") {
          const message = `webhook ${event.data.eventType}: ${outcome.error}`;
          throw outcome.retryAt ? new RetryLaterError(message, outcome.retryAt) : new Error(message);
        }
        if (outcome.status === "failed")
          throw new NonRetriableJobError(`webhook ${event.data.eventType}: ${outcome.error}`);
        return outcome;
      }),
  });
