// Killmails and Calendar tabs over data loaded by the real section updates from the
// simulator, read through the tRPC API: kills vs losses, keyset paging, unread filter,
// notification text kept as plain text.
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { calendar } from "~/server/sections/calendar";
import { killmails } from "~/server/sections/killmails";
import { notifications } from "~/server/sections/notifications";
import { useSeededSheet } from "../support/seeded-sheet";

const CHARACTER = 2112000001;
const h = useSeededSheet(CHARACTER, [killmails, notifications, calendar]);

async function walk(path: string, input: Record<string, unknown>) {
  const rows: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await h.ok(path, { characterId: CHARACTER, ...input, cursor });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { rows, pages };
}

describe("killmails tab", () => {
  it("pages through every killmail newest first and splits kills from losses", async () => {
    const stored = await h.t.db.characterKillmail.findMany({ where: { characterId: CHARACTER } });
    expect(stored.length).toBeGreaterThan(2);
    const all = await walk("sheet.killmails.list", { limit: 2 });
    expect(all.pages).toBe(Math.ceil(stored.length / 2));
    expect(all.rows.map((r) => r.killmailId).sort()).toEqual(stored.map((k) => k.killmailId.toString()).sort());
    const times = all.rows.map((r) => r.time.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const losses = (await walk("sheet.killmails.list", { limit: 200, kind: "losses" })).rows;
    const kills = (await walk("sheet.killmails.list", { limit: 200, kind: "kills" })).rows;
    expect(losses.map((r) => r.killmailId).sort()).toEqual(
      stored
        .filter((k) => k.victimCharacterId === CHARACTER)
        .map((k) => k.killmailId.toString())
        .sort(),
    );
    expect(kills.length + losses.length).toBe(stored.length);
    expect(losses.every((r) => r.isLoss) && kills.every((r) => !r.isLoss)).toBe(true);
  });

  it("values a loss at what the victim lost: the hull plus every lost item at average prices", async () => {
    const rows = await h.t.db.characterKillmail.findMany({
      where: { characterId: CHARACTER },
      orderBy: [{ killmailTime: "desc" }, { killmailId: "desc" }],
    });
    const index = rows.findIndex((k) => ((k.victimItems as unknown[] | null) ?? []).length > 1);
    expect(index).toBeGreaterThanOrEqual(0);
    const loss = rows[index]!;
    const [first, second] = loss.victimItems as Array<{ typeId: number; quantity: number }>;
    await h.t.db.eveMarketPrice.deleteMany();
    await h.t.db.eveMarketPrice.createMany({
      data: [
        { typeId: loss.victimShipTypeId, averagePrice: 12_500_000 },
        { typeId: first!.typeId, averagePrice: 1_000 },
        { typeId: second!.typeId, averagePrice: 0.5 },
      ],
    });
    const page = await h.ok("sheet.killmails.list", { characterId: CHARACTER, limit: index + 1 });
    const row = page.rows[index];
    expect(row.killmailId).toBe(loss.killmailId.toString());
    expect(row.shipValue).toBe(12_500_000);
    // Types without a price count nothing.
    expect(row.value).toBeCloseTo(12_500_000 + first!.quantity * 1_000 + second!.quantity * 0.5, 2);
    expect(row.valueIncludesItems).toBe(true);
    // Stored before items were kept: the hull only, and said so.
    await h.t.db.characterKillmail.update({
      where: { characterId_killmailId: { characterId: CHARACTER, killmailId: loss.killmailId } },
      data: { victimItems: Prisma.DbNull },
    });
    const old = (await h.ok("sheet.killmails.list", { characterId: CHARACTER, limit: index + 1 })).rows[index];
    expect(old).toMatchObject({ value: 12_500_000, valueIncludesItems: false });
  });

  it("refuses malformed cursors with 400 and a foreign character with 404", async () => {
    expect((await h.query("owner", "sheet.killmails.list", { characterId: CHARACTER, cursor: "%%%" })).status).toBe(
      400,
    );
    expect(
      (
        await h.query("owner", "sheet.killmails.list", {
          characterId: CHARACTER,
          cursor: Buffer.from('["2026-01-01T00:00:00Z","1; drop"]').toString("base64url"),
        })
      ).status,
    ).toBe(400);
    expect((await h.query("stranger", "sheet.killmails.list", { characterId: CHARACTER })).status).toBe(404);
  });
});

describe("calendar tab", () => {
  it("pages through every notification newest first with sender names", async () => {
    const stored = await h.t.db.characterNotification.count({ where: { characterId: CHARACTER } });
    expect(stored).toBeGreaterThan(50);
    const { rows, pages } = await walk("sheet.calendar.notifications", { limit: 50 });
    expect(pages).toBe(Math.ceil(stored / 50));
    expect(new Set(rows.map((r) => r.notificationId)).size).toBe(stored);
    const times = rows.map((r) => r.timestamp.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(rows.some((r) => !r.senderName.startsWith("#"))).toBe(true);
  });

  it("filters unread notifications", async () => {
    const unread = await h.t.db.characterNotification.count({ where: { characterId: CHARACTER, isRead: false } });
    const { rows } = await walk("sheet.calendar.notifications", { limit: 200, unreadOnly: true });
    expect(rows).toHaveLength(unread);
    expect(rows.every((r) => !r.isRead)).toBe(true);
  });

  it("returns notification text unchanged as plain text, markup and all", async () => {
    const text = "message: <script>alert(1)</script>\nstructureID: 1021\n";
    await h.t.db.characterNotification.create({
      data: {
        characterId: CHARACTER,
        notificationId: 99_999_999_999n,
        type: "StructureUnderAttack",
        senderId: 1000125,
        senderType: "corporation",
        timestamp: new Date("2099-01-01T00:00:00Z"),
        isRead: false,
        text,
      },
    });
    const page = await h.ok("sheet.calendar.notifications", { characterId: CHARACTER, limit: 1 });
    expect(page.rows[0]).toMatchObject({ notificationId: "99999999999", text, isRead: false });
  });

  it("lists calendar events in date order with title, importance and response", async () => {
    const stored = await h.t.db.characterCalendarEvent.findMany({ where: { characterId: CHARACTER } });
    expect(stored.length).toBeGreaterThan(0);
    const events = await h.ok("sheet.calendar.events", { characterId: CHARACTER });
    expect(events.map((e: any) => e.eventId).sort()).toEqual(stored.map((e) => e.eventId).sort());
    const dates = events.map((e: any) => e.date.getTime());
    expect(dates).toEqual([...dates].sort((a: number, b: number) => a - b));
    for (const e of events) {
      const row = stored.find((s) => s.eventId === e.eventId)!;
      expect([e.title, e.importance, e.response]).toEqual([row.title, row.importance, row.response]);
    }
    expect((await h.query("stranger", "sheet.calendar.events", { characterId: CHARACTER })).status).toBe(404);
    expect((await h.query("stranger", "sheet.calendar.notifications", { characterId: CHARACTER })).status).toBe(404);
  });
});
