// Contacts tab through the tRPC API: names, kinds, standings in bands, labels and
// flags; the standing-band filter and the sorts; the access rule.
import { describe, expect, it } from "vitest";
import { contacts } from "~/server/sections/contacts";
import { type ContactsSheet, isNpcContact, standingBand } from "~/server/sheet/contacts";
import { characterSection } from "~/simulator/data";
import { useSeededSheet } from "../support/seeded-sheet";

// A simulated character whose contacts carry labels (not every one has labels).
const CHARACTER = Array.from({ length: 12 }, (_, i) => 2112000001 + i).find((id) =>
  characterSection(id, "contacts")?.contacts.some((c) => (c.label_ids?.length ?? 0) > 0),
)!;
const h = useSeededSheet(CHARACTER, [contacts]);
const simContacts = () => characterSection(CHARACTER, "contacts")!;
const list = (input: object = {}) => h.ok<ContactsSheet>("sheet.contacts.list", { characterId: CHARACTER, ...input });

describe("standing bands", () => {
  it("follow the game's five colours", () => {
    expect([10, 5.1, 5, 0.1, 0, -0.1, -5, -5.1, -10].map(standingBand)).toEqual([
      "excellent",
      "excellent",
      "good",
      "good",
      "neutral",
      "bad",
      "bad",
      "terrible",
      "terrible",
    ]);
  });
});

describe("NPC contacts", () => {
  it("are factions, corporations in the NPC block and agents, never alliances or player ids", () => {
    expect(isNpcContact(500001, "faction")).toBe(true);
    expect(isNpcContact(1000125, "corporation")).toBe(true);
    expect(isNpcContact(3008416, "character")).toBe(true);
    expect(isNpcContact(98000001, "corporation")).toBe(false);
    expect(isNpcContact(2112000001, "character")).toBe(false);
    expect(isNpcContact(99000001, "alliance")).toBe(false);
    expect(isNpcContact(1000125, "alliance")).toBe(false);
  });
});

describe("contacts sheet", () => {
  it("lists every contact with its name, kind, standing, labels and flags, best standing first", async () => {
    const sheet = await list();
    const sim = simContacts();
    expect(sheet.total).toBe(sim.contacts.length);
    expect(sheet.rows.map((r) => r.id).sort()).toEqual(sim.contacts.map((c) => c.contact_id).sort());
    const standings = sheet.rows.map((r) => r.standing);
    expect(standings).toEqual([...standings].sort((a, b) => b - a));
    expect(new Set(sheet.rows.map((r) => r.type)).size).toBeGreaterThan(1);

    const labelled = sim.contacts.find((c) => (c.label_ids?.length ?? 0) > 0)!;
    const row = sheet.rows.find((r) => r.id === labelled.contact_id)!;
    const labelNames = new Map(sim.labels.map((l) => [l.label_id, l.label_name]));
    expect(row.labels.map((l) => l.name).sort()).toEqual(labelled.label_ids!.map((id) => labelNames.get(id)!).sort());
    expect(row).toMatchObject({
      standing: labelled.standing,
      type: labelled.contact_type,
      isWatched: labelled.is_watched ?? false,
      isBlocked: labelled.is_blocked ?? false,
    });
    const entity = await h.t.db.eveEntity.findUniqueOrThrow({ where: { id: row.id } });
    expect(row.name).toBe(entity.name);
    expect(sheet.rows.filter((r) => r.name.startsWith("#")).length).toBeLessThan(sheet.rows.length / 10);
  });

  it("filters by standing band and counts every band", async () => {
    const all = await list();
    expect(Object.values(all.bandCounts).reduce((a, b) => a + b, 0)).toBe(all.total);
    for (const band of ["excellent", "good", "neutral", "bad", "terrible"] as const) {
      const banded = await list({ band });
      expect(banded.rows.length).toBe(all.bandCounts[band]);
      expect(banded.rows.every((r) => r.band === band)).toBe(true);
    }
    expect(all.bandCounts.excellent).toBeGreaterThan(0);
    expect(all.bandCounts.terrible).toBeGreaterThan(0);
  });

  it("labels NPC contacts and filters all / players / NPCs on the server", async () => {
    // The simulator's NPC contacts are factions at most; an NPC corporation and an agent are added here.
    await h.t.db.characterContact.createMany({
      data: [
        {
          characterId: CHARACTER,
          contactId: 1000125,
          contactType: "corporation",
          standing: 5,
          isWatched: false,
          isBlocked: false,
          labelIds: [],
        },
        {
          characterId: CHARACTER,
          contactId: 3008416,
          contactType: "character",
          standing: -2,
          isWatched: false,
          isBlocked: false,
          labelIds: [],
        },
      ],
    });
    try {
      const all = await list();
      const npcs = await list({ kind: "npcs" });
      const players = await list({ kind: "players" });
      expect(npcs.rows.map((r) => r.id)).toEqual(expect.arrayContaining([1000125, 3008416]));
      expect(npcs.rows.every((r) => r.isNpc)).toBe(true);
      expect(players.rows.some((r) => r.isNpc)).toBe(false);
      expect(players.rows.length).toBeGreaterThan(0);
      expect(npcs.rows.length + players.rows.length).toBe(all.total);
      expect(all.npcCount).toBe(npcs.rows.length);
      expect(all.rows.filter((r) => r.type === "faction").every((r) => r.isNpc)).toBe(true);
      expect((await list({ kind: "npcs", band: "bad" })).rows.map((r) => r.id)).toContain(3008416);
      expect((await h.query("owner", "sheet.contacts.list", { characterId: CHARACTER, kind: "bots" })).status).toBe(
        400,
      );
    } finally {
      await h.t.db.characterContact.deleteMany({
        where: { characterId: CHARACTER, contactId: { in: [1000125, 3008416] } },
      });
    }
  });

  it("sorts by name, standing and kind, either way", async () => {
    const byName = (await list({ sort: "name", order: "asc" })).rows.map((r) => r.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    const reversed = (await list({ sort: "name", order: "desc" })).rows.map((r) => r.name);
    expect(reversed).toEqual([...byName].reverse());
    const worstFirst = (await list({ sort: "standing", order: "asc" })).rows.map((r) => r.standing);
    expect(worstFirst).toEqual([...worstFirst].sort((a, b) => a - b));
    const kinds = (await list({ sort: "type", order: "asc" })).rows.map((r) => r.type);
    const order = ["character", "corporation", "alliance", "faction"];
    expect(kinds.map((k) => order.indexOf(k))).toEqual([...kinds.map((k) => order.indexOf(k))].sort((a, b) => a - b));
  });

  it("refuses bad input with 400 and a character the caller may not view with 404", async () => {
    expect((await h.query("owner", "sheet.contacts.list", { characterId: CHARACTER, band: "blue" })).status).toBe(400);
    expect((await h.query("stranger", "sheet.contacts.list", { characterId: CHARACTER })).status).toBe(404);
    expect((await h.query("admin", "sheet.contacts.list", { characterId: CHARACTER })).status).toBe(200);
  });
});
