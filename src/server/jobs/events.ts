// The events domain code sends to start jobs: names and the data each carries, checked
// against its schema when sent (here) and when received (by each driver). Domain code
// gets a SendJobEvents from its caller; it never knows whether Inngest or the embedded
// runner takes the events.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "~/server/notifications/webhook-events";
import { SECTION_NAMES } from "~/server/sections/names";
import { defineEvent, JOB_PRIORITIES, type JobEventPayload } from "./job";

/** Absent = "user": only the periodic scheduler sends "backlog" (job.ts, JOB_PRIORITIES). */
const priority = z.enum(JOB_PRIORITIES).optional();

export const characterPublicRefresh = defineEvent(
  "memberaudit/character.public.refresh",
  z.object({ characterIds: z.array(z.number().int().positive()).min(1).max(1000), priority }),
);

export const characterUpdate = defineEvent(
  "memberaudit/character.update",
  z.object({
    characterId: z.number().int().positive(),
    /** Only these sections (the manual "update now"); absent = the stale ones. */
    sections: z.array(z.enum(SECTION_NAMES)).max(64).optional(),
    force: z.boolean().optional(),
    priority,
  }),
);

/** One webhook delivery to post (notifications/webhook-delivery.ts); the event type keys one post at a time per URL. */
export const webhookDeliver = defineEvent(
  "memberaudit/webhook.deliver",
  z.object({ deliveryId: z.string().min(1).max(64), eventType: z.enum(WEBHOOK_EVENTS) }),
);

/** A change that can move users in or out of compliance groups (registration, removal, token): theirs only. */
export const complianceRecompute = defineEvent(
  "memberaudit/compliance.recompute",
  z.object({ userIds: z.array(z.string().min(1).max(64)).min(1).max(1000), priority }),
);

/** Build one export file (its row already created, status building: exports/requests.ts). */
export const exportBuild = defineEvent(
  "memberaudit/export.build",
  z.object({ fileId: z.uuid(), topic: z.string().min(1).max(64) }),
);

const EVENTS = [characterPublicRefresh, characterUpdate, webhookDeliver, complianceRecompute, exportBuild] as const;

type EventType = (typeof EVENTS)[number];
/** One event to send: its name and the data its schema describes. */
export type JobEvent = {
  [K in EventType["name"]]: { name: K; data: z.input<Extract<EventType, { name: K }>["schema"]>; id?: string };
}[EventType["name"]];

export type SendJobEvents = (events: JobEvent | readonly JobEvent[]) => Promise<void>;

/** A sender that checks every event against its schema before `deliver` sees it. */
export function checkedSender(deliver: (events: JobEventPayload[]) => Promise<void>): SendJobEvents {
  return async (events) => {
    const list = (Array.isArray(events) ? events : [events]) as readonly JobEvent[];
    if (list.length === 0) return;
    const checked = list.map((event) => {
      const type = EVENTS.find((e) => e.name === event.name);
      if (!type) throw new Error(`unknown job event ${event.name}`);
      const data = type.schema.parse(event.data) as Record<string, unknown>;
      return { name: event.name, data, ...(event.id ? { id: event.id } : {}) };
    });
    await deliver(checked);
  };
}
