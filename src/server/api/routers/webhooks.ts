// Notification webhooks, for superusers only (the admin area): URLs per event type go in
// and never come out (the list shows them masked), deliveries show how posting went.
import {
  listWebhooks,
  removeWebhook,
  sendTestWebhook,
  setWebhook,
  setWebhookInput,
  webhookEventInput,
} from "~/server/notifications/webhook-endpoints";
import { DEFAULT_WEBHOOK_SETTINGS } from "~/server/notifications/webhook-url";
import { webhookDeliver } from "~/server/jobs/events";
import { areaProcedure, router } from "../trpc";

const admin = areaProcedure("admin");

export const webhooksRouter = router({
  list: admin.query(({ ctx }) => listWebhooks(ctx.deps.db)),
  set: admin
    .input(setWebhookInput)
    .mutation(({ ctx, input }) =>
      setWebhook(
        ctx.deps.db,
        { cipher: ctx.deps.cipher, settings: ctx.deps.webhooks ?? DEFAULT_WEBHOOK_SETTINGS },
        input,
      ),
    ),
  remove: admin.input(webhookEventInput).mutation(({ ctx, input }) => removeWebhook(ctx.deps.db, input.eventType)),
  sendTest: admin
    .input(webhookEventInput)
    .mutation(({ ctx, input }) =>
      sendTestWebhook(ctx.deps.db, input.eventType, (data) =>
        ctx.deps.sendEvents({ name: webhookDeliver.name, id: `webhook-${data.deliveryId}`, data }),
      ),
    ),
});
