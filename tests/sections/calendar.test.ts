// calendar: upcoming events with their detail, upserted by event id; a detail is
// fetched only for new events and events whose summary changed.
import { describe, expect, it } from "vitest";
import { calendar } from "~/server/sections/calendar";
import { characterSection } from "~/simulator/data";
import { requestCounter } from "../support/request-counter";
import { useSectionHarness } from "../support/section-harness";

const DETAIL_ROUTE = "/characters/{character_id}/calendar/{event_id}";
const upcoming = (id: number) => characterSection(id, "events")!.events.filter((e) => Date.parse(e.date) >= Date.now());
// A roster character with a few upcoming events.
const CHARACTER = Array.from({ length: 12 }, (_, i) => 2112000001 + i).find((id) => upcoming(id).length >= 3)!;
const details = requestCounter(DETAIL_ROUTE);
const h = useSectionHarness(CHARACTER, calendar, { decorate: details.decorate });
const stored = async () =>
  (await h.db.characterCalendarEvent.findMany({ where: { characterId: CHARACTER }, orderBy: { eventId: "asc" } })).map(
    (e) => [
      e.eventId,
      e.date.toISOString(),
      e.title,
      e.importance,
      e.response,
      e.duration,
      e.ownerId,
      e.ownerType,
      e.text,
    ],
  );
const expected = () =>
  upcoming(CHARACTER).map((e) => [
    e.event_id,
    new Date(e.date).toISOString(),
    e.title,
    e.importance,
    e.response,
    e.duration,
    e.owner_id,
    e.owner_type,
    e.text,
  ]);

describe("calendar section", () => {
  it("is marked as beyond Member Audit", () => {
    expect(calendar.extra).toBe(true);
  });

  it("loads upcoming events with their details on first run", async () => {
    expect(await h.run()).toEqual({ section: "calendar", status: "updated", written: expected().length });
    expect(await stored()).toEqual(expected());
    expect(details.calls).toBe(expected().length);
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("writes no section row and fetches no detail when nothing changed", async () => {
    details.calls = 0;
    expect((await h.run()).status).toBe("unchanged");
    h.sim.expireCaches(CHARACTER);
    expect((await h.run(true)).status).toBe("unchanged");
    expect(details.calls).toBe(0);
    expect(await stored()).toEqual(expected());
  });

  it("fetches and writes only the events that differ", async () => {
    const [first, second] = await h.db.characterCalendarEvent.findMany({
      where: { characterId: CHARACTER },
      orderBy: { eventId: "asc" },
      take: 2,
    });
    await h.db.characterCalendarEvent.update({
      where: { characterId_eventId: { characterId: CHARACTER, eventId: first!.eventId } },
      data: { title: "renamed" },
    });
    await h.db.characterCalendarEvent.delete({
      where: { characterId_eventId: { characterId: CHARACTER, eventId: second!.eventId } },
    });
    await h.forgetContentHash();
    h.sim.expireCaches(CHARACTER);
    details.calls = 0;
    expect(await h.run(true)).toEqual({ section: "calendar", status: "updated", written: 2 });
    expect(details.calls).toBe(2);
    expect(await stored()).toEqual(expected());
  });

  it("a failing event detail leaves that event out, stores the other new ones, names the part, and is asked again", async () => {
    const [first, second] = await h.db.characterCalendarEvent.findMany({
      where: { characterId: CHARACTER },
      orderBy: { eventId: "asc" },
      take: 2,
    });
    for (const e of [first!, second!])
      await h.db.characterCalendarEvent.delete({
        where: { characterId_eventId: { characterId: CHARACTER, eventId: e.eventId } },
      });
    await h.forgetContentHash();
    h.sim.expireCaches(CHARACTER);
    // Details are asked in event order: the first one fails, the second is stored.
    h.sim.injectFault({ route: DETAIL_ROUTE, kind: "status", status: 500, count: 1 });
    const outcome = await h.run(true).finally(() => h.sim.clearFaults());
    expect(outcome).toMatchObject({ section: "calendar", status: "updated", written: 1 });
    const ids = (await stored()).map((row) => row[0]);
    expect(ids).not.toContain(first!.eventId);
    expect(ids).toContain(second!.eventId);
    const status = await h.status();
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toContain(`details of event ${first!.eventId}:`);
    expect(status.errorMessage).not.toContain(`details of event ${second!.eventId}`);
    // No ETag was kept, so the next run, unforced, reads the list and asks the failed detail again.
    expect(await h.run()).toMatchObject({ status: "updated", written: 1 });
    expect(await stored()).toEqual(expected());
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("keeps the last good data and records the error when the list fails", async () => {
    await h.expectFailureKeeps("/characters/{character_id}/calendar", stored);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
