// calendar (beyond Member Audit): upcoming events (50 per page, walked forward with
// from_event) with each event's detail, upserted by event id; past events stay.
// Details are fetched only for new events and events whose summary changed; the
// others take their detail from the stored row, so the data (and its hash) stays
// the same when nothing changed.
import type { Db } from "~/server/db/client";
import { EsiError, type EsiClient } from "~/server/esi/client";
import type { EsiItem } from "~/server/esi/types";
import { defineSection, type FetchContext } from "./types";

type Summary = EsiItem<"get", "/characters/{character_id}/calendar">;

export interface CalendarRow {
  eventId: number;
  date: string;
  title: string;
  importance: number;
  response: string;
  duration: number | null;
  ownerId: number | null;
  ownerName: string | null;
  ownerType: string | null;
  text: string | null;
}

const PAGE_SIZE = 50;
/** A bound on the forward walk; ESI's calendar rarely holds more than a page. */
const MAX_PAGES = 10;

interface SummaryRow {
  eventId: number;
  date: string;
  title: string;
  importance: number;
  response: string;
}

function toSummary(s: Summary): SummaryRow | undefined {
  if (s.event_id === undefined || s.event_date === undefined) return undefined;
  return {
    eventId: s.event_id,
    date: new Date(s.event_date).toISOString(),
    title: s.title ?? "",
    importance: s.importance ?? 0,
    response: s.event_response ?? "not_responded",
  };
}

/** The pages after the first: the cursor moves forward (later events), from the last event of a page. */
async function laterPages(esi: EsiClient, characterId: number, first: Summary[]): Promise<Summary[]> {
  const all = [...first];
  let page = first;
  for (let n = 1; page.length >= PAGE_SIZE && n < MAX_PAGES; n++) {
    const last = page.at(-1)?.event_id;
    if (last === undefined) break;
    page = await esi.getData("/characters/{character_id}/calendar", {
      path: { character_id: characterId },
      query: { from_event: last },
    });
    all.push(...page);
  }
  return all;
}

/** An event's detail; null when it was cancelled between the list and its detail (nothing to store). */
async function eventDetail(esi: EsiClient, characterId: number, eventId: number) {
  try {
    return await esi.getData("/characters/{character_id}/calendar/{event_id}", {
      path: { character_id: characterId, event_id: eventId },
    });
  } catch (error) {
    if (error instanceof EsiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Each detail is a part: one that fails leaves its event out (its stored row, if any,
 * stands) and makes the run incomplete, so the next run asks again.
 */
async function withDetails(
  esi: EsiClient,
  db: Db,
  characterId: number,
  summaries: SummaryRow[],
  part: FetchContext["part"],
): Promise<{ rows: CalendarRow[]; complete: boolean }> {
  const stored = new Map(
    (
      await db.characterCalendarEvent.findMany({
        where: { characterId, eventId: { in: summaries.map((s) => s.eventId) } },
      })
    ).map((e) => [e.eventId, e]),
  );
  const rows: CalendarRow[] = [];
  let complete = true;
  for (const s of summaries) {
    const old = stored.get(s.eventId);
    const same =
      old &&
      old.date.toISOString() === s.date &&
      old.title === s.title &&
      old.importance === s.importance &&
      old.response === s.response;
    if (same) {
      rows.push({
        ...s,
        duration: old.duration,
        ownerId: old.ownerId,
        ownerName: old.ownerName,
        ownerType: old.ownerType,
        text: old.text,
      });
      continue;
    }
    const d = await part(`details of event ${s.eventId}`, () => eventDetail(esi, characterId, s.eventId));
    if (d === undefined) complete = false;
    if (!d) continue;
    rows.push({
      ...s,
      duration: d.duration,
      ownerId: d.owner_id,
      ownerName: d.owner_name,
      ownerType: d.owner_type,
      text: d.text,
    });
  }
  return { rows, complete };
}

export const calendar = defineSection<CalendarRow[]>({
  name: "calendar",
  label: "Calendar",
  routes: ["GET /characters/{character_id}/calendar", "GET /characters/{character_id}/calendar/{event_id}"],
  // Fields read per route (docs/esi-client.md, "Tolerance"). A detail is read only for what the summary lacks; its repeated summary fields may be missing.
  reads: {
    "GET /characters/{character_id}/calendar": ["event_id", "event_date", "title", "importance", "event_response"],
    "GET /characters/{character_id}/calendar/{event_id}": ["duration", "owner_id", "owner_name", "owner_type", "text"],
  },
  scopes: ["esi-calendar.read_calendar_events.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "accumulate",
  extra: true,
  // The first page carries the stored ETag: when it is unchanged, so are the summaries.
  async fetch({ esi, db, characterId, cache, force, part }) {
    const first = await esi.get("/characters/{character_id}/calendar", {
      path: { character_id: characterId },
      cache,
      force,
    });
    if (first.status === "unchanged") return first;
    const summaries = new Map<number, SummaryRow>();
    for (const s of await laterPages(esi, characterId, first.data)) {
      const row = toSummary(s);
      if (row && !summaries.has(row.eventId)) summaries.set(row.eventId, row);
    }
    const ordered = [...summaries.values()].sort((a, b) => a.eventId - b.eventId);
    const { rows, complete } = await withDetails(esi, db, characterId, ordered, part);
    // A failed detail is asked again only if the list is read again: keep no ETag then.
    return { status: "ok", data: rows, cache: complete ? first.cache : null };
  },
  async persist({ tx, characterId }, rows) {
    const stored = new Map(
      (
        await tx.characterCalendarEvent.findMany({
          where: { characterId, eventId: { in: rows.map((r) => r.eventId) } },
        })
      ).map((e) => [e.eventId, e]),
    );
    let written = 0;
    for (const r of rows) {
      const old = stored.get(r.eventId);
      const data = { ...r, date: new Date(r.date) };
      if (
        old &&
        (Object.keys(data) as (keyof typeof data)[]).every((k) =>
          k === "date" ? old.date.getTime() === data.date.getTime() : old[k] === data[k],
        )
      )
        continue;
      await tx.characterCalendarEvent.upsert({
        where: { characterId_eventId: { characterId, eventId: r.eventId } },
        create: { characterId, ...data },
        update: data,
      });
      written += 1;
    }
    return {
      written,
      entityIds: rows.flatMap((r) => (r.ownerId !== null && r.ownerType !== "eve_server" ? [r.ownerId] : [])),
    };
  },
});
