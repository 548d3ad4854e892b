// What the pilot is sent: mail (headers, bodies, labels, mailing lists),
// calendar events and notifications.
import type { CharacterContext } from "../../data";
import { calendarEntry } from "../../data/events";
import { mailDetail, mailLabels } from "../../data/mail";
import { esiError } from "../../http/io";
import { characterRoute, intQuery, pathId, RATE_LIMITS, section } from "../data-route";
import type { EsiRequest, EsiRoute } from "../route";

const SCOPES = {
  calendar: "esi-calendar.read_calendar_events.v1",
  mail: "esi-mail.read_mail.v1",
  notifications: "esi-characters.read_notifications.v1",
} as const;

const MAIL_PAGE = 50;
const CALENDAR_PAGE = 50;

function mailHeaders(character: CharacterContext, request: EsiRequest) {
  const lastMailId = intQuery(request, "last_mail_id");
  const labelFilter = request.query
    .getAll("labels")
    .flatMap((value) => value.split(","))
    .filter((value) => value.trim() !== "")
    .map((value) => {
      const label = Number(value);
      if (!Number.isSafeInteger(label)) throw esiError(400, "Invalid labels: must be integers");
      return label;
    });
  if (labelFilter.length > 25) throw esiError(400, "Invalid labels: at most 25 labels");
  const out = [];
  const headers = section(character, "mail").headers;
  // Newest first, from below last_mail_id, at most 50.
  for (let i = headers.length - 1; i >= 0 && out.length < MAIL_PAGE; i--) {
    const header = headers[i];
    if (!header) continue;
    if (lastMailId !== undefined && (header.mail_id ?? 0) >= lastMailId) continue;
    if (labelFilter.length > 0 && !(header.labels ?? []).some((l) => labelFilter.includes(l))) continue;
    out.push(header);
  }
  return out;
}

function calendar(character: CharacterContext, request: EsiRequest) {
  const fromEvent = intQuery(request, "from_event");
  const events = section(character, "events").events;
  const nowMs = request.services.clock.nowMs();
  // Events are ordered by date: after `from_event`, or from now on.
  const start =
    fromEvent === undefined
      ? events.findIndex((e) => Date.parse(e.date) >= nowMs)
      : events.findIndex((e) => e.event_id === fromEvent) + 1;
  if (start < 0 || (fromEvent !== undefined && start === 0)) return [];
  return events.slice(start, start + CALENDAR_PAGE).map(calendarEntry);
}

export const mailRoutes: readonly EsiRoute[] = [
  characterRoute({
    path: "/characters/{character_id}/calendar",
    scope: SCOPES.calendar,
    cacheSeconds: 5,
    rateLimit: RATE_LIMITS.charSocial,
    handler: calendar,
  }),
  characterRoute({
    path: "/characters/{character_id}/calendar/{event_id}",
    scope: SCOPES.calendar,
    cacheSeconds: 5,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c, request) => {
      const eventId = pathId(request, "event_id");
      const event = section(c, "events").events.find((e) => e.event_id === eventId);
      if (!event) throw esiError(404, "Event not found");
      return event;
    },
  }),
  characterRoute({
    path: "/characters/{character_id}/mail",
    scope: SCOPES.mail,
    cacheSeconds: 30,
    rateLimit: RATE_LIMITS.charSocial,
    handler: mailHeaders,
  }),
  // Before mail/{mail_id}, which would otherwise take "labels" and "lists" for ids.
  characterRoute({
    path: "/characters/{character_id}/mail/labels",
    scope: SCOPES.mail,
    cacheSeconds: 30,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c) => mailLabels(section(c, "mail")),
  }),
  characterRoute({
    path: "/characters/{character_id}/mail/lists",
    scope: SCOPES.mail,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c) => section(c, "mail").lists,
  }),
  characterRoute({
    path: "/characters/{character_id}/mail/{mail_id}",
    scope: SCOPES.mail,
    cacheSeconds: 30,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c, request) => {
      const mailId = pathId(request, "mail_id");
      const header = section(c, "mail").headers.find((h) => h.mail_id === mailId);
      if (!header) throw esiError(404, "Mail not found");
      return mailDetail(c, header);
    },
  }),
  characterRoute({
    path: "/characters/{character_id}/notifications",
    scope: SCOPES.notifications,
    cacheSeconds: 600,
    rateLimit: RATE_LIMITS.charNotification,
    handler: (c) => [...section(c, "events").notifications].reverse(),
  }),
];
