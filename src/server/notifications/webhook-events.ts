// The events a notice belongs to (Member Audit §7.2). Every producer names its event
// when it calls notify(), so an admin can post each kind to its own Discord or Slack
// channel; a new producer adds its event here and is delivered like the others.
export const WEBHOOK_EVENTS = [
  "token_invalid",
  "character_removed",
  "compliance_gained",
  "compliance_lost",
  "export_finished",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** How the admin page names each event. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  token_invalid: "ESI token invalid or missing",
  character_removed: "Character removed",
  compliance_gained: "Compliance gained",
  compliance_lost: "Compliance lost",
  export_finished: "Export finished",
};
