// The admin's side of the webhooks: one URL per event type, saved encrypted and shown
// masked, the recent deliveries of each (status, attempts, last error, when), and
// "Send test". The plaintext URL exists only between the admin's input and the cipher
// here, and between the cipher and fetch in ./webhook-delivery.ts.
import { z } from "zod";
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { notFound } from "~/server/errors/app-error";
import { safeText } from "~/server/paging/inputs";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "./webhook-events";
import {
  checkWebhookUrl,
  maskWebhookUrl,
  WEBHOOK_KINDS,
  WEBHOOK_URL_MAX,
  type WebhookKind,
  type WebhookSettings,
} from "./webhook-url";

export const webhookEventInput = z.object({ eventType: z.enum(WEBHOOK_EVENTS) });
export const setWebhookInput = webhookEventInput.extend({
  url: safeText(WEBHOOK_URL_MAX).min(1),
  /** Needed only for hosts other than Discord's and Slack's (their own hosts say which). */
  kind: z.enum(WEBHOOK_KINDS).optional(),
});
export type SetWebhookInput = z.infer<typeof setWebhookInput>;

/** Deliveries shown per event type on the admin page. */
const RECENT = 5;

export interface WebhookDeliveryView {
  id: string;
  title: string;
  isTest: boolean;
  status: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface WebhookView {
  eventType: WebhookEvent;
  label: string;
  endpoint: { kind: string; urlHint: string; updatedAt: Date } | null;
  recent: WebhookDeliveryView[];
}

const DELIVERY_SELECT = {
  id: true,
  title: true,
  isTest: true,
  status: true,
  attempts: true,
  lastError: true,
  lastAttemptAt: true,
  deliveredAt: true,
  createdAt: true,
} as const;

export async function listWebhooks(db: Db): Promise<WebhookView[]> {
  const endpoints = await db.webhookEndpoint.findMany({
    select: { eventType: true, kind: true, urlHint: true, updatedAt: true },
  });
  const byType = new Map(endpoints.map((e) => [e.eventType, e]));
  return Promise.all(
    WEBHOOK_EVENTS.map(async (eventType) => {
      const endpoint = byType.get(eventType);
      const recent = endpoint
        ? await db.webhookDelivery.findMany({
            where: { eventType },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            take: RECENT,
            select: DELIVERY_SELECT,
          })
        : [];
      return {
        eventType,
        label: WEBHOOK_EVENT_LABELS[eventType],
        endpoint: endpoint ? { kind: endpoint.kind, urlHint: endpoint.urlHint, updatedAt: endpoint.updatedAt } : null,
        recent,
      };
    }),
  );
}

/** Saves (or replaces) the event's URL; BAD_INPUT naming `url` or `kind` for a URL that may not be used. */
export async function setWebhook(
  db: Db,
  deps: { cipher: TokenCipher; settings: WebhookSettings },
  input: SetWebhookInput,
): Promise<{ eventType: WebhookEvent; kind: WebhookKind; urlHint: string }> {
  const kind = checkWebhookUrl(input.url, input.kind, deps.settings);
  const data = { kind, urlEnc: deps.cipher.encrypt(input.url), urlHint: maskWebhookUrl(input.url) };
  await db.webhookEndpoint.upsert({
    where: { eventType: input.eventType },
    create: { eventType: input.eventType, ...data },
    update: data,
  });
  return { eventType: input.eventType, kind, urlHint: data.urlHint };
}

/** Removes the event's URL and its deliveries (pending ones are not posted). */
export async function removeWebhook(db: Db, eventType: WebhookEvent): Promise<{ removed: boolean }> {
  const removed = await db.webhookEndpoint.deleteMany({ where: { eventType } });
  return { removed: removed.count > 0 };
}

/**
 * Queues a test notice to the event's URL at once (not waiting for the dispatcher):
 * `queue` hands the delivery to the deliver-webhook job. NOT_FOUND without a URL.
 */
export async function sendTestWebhook(
  db: Db,
  eventType: WebhookEvent,
  queue: (delivery: { deliveryId: string; eventType: WebhookEvent }) => Promise<void>,
  now: Date = new Date(),
): Promise<{ deliveryId: string }> {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { eventType }, select: { eventType: true } });
  if (!endpoint) throw notFound("Webhook");
  const delivery = await db.webhookDelivery.create({
    data: {
      eventType,
      level: "info",
      title: `Test: ${WEBHOOK_EVENT_LABELS[eventType]}`,
      message: `A test from Member Audit: notices of "${WEBHOOK_EVENT_LABELS[eventType]}" are posted here.`,
      isTest: true,
      queuedAt: now,
      createdAt: now,
    },
    select: { id: true },
  });
  await queue({ deliveryId: delivery.id, eventType });
  return { deliveryId: delivery.id };
}
