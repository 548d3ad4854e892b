// The clones tab over tRPC: active implants, jump clones with location names and
// implants, home station and jump dates, attributes with remap availability; unknown
// places by number; 404 for a character the caller may not view.
import { describe, expect, it } from "vitest";
import { attributes } from "~/server/sections/attributes";
import { implants } from "~/server/sections/implants";
import { jumpClones } from "~/server/sections/jump-clones";
import { type ClonesSheet, clonesSheet } from "~/server/sheet/clones";
import { sheetEnv } from "../support/assets-sheet";

const PILOT = 2112000005;
const STRUCTURE_SCOPE = ["esi-universe.read_structures.v1"];
const env = sheetEnv([{ id: PILOT, sections: [implants, jumpClones, attributes], extraScopes: STRUCTURE_SCOPE }], {
  strangerCharacterId: 2112000006,
});
const summary = async () => (await env.call<ClonesSheet>("owner", "sheet.clones.summary", { characterId: PILOT })).data;

describe("clones sheet", () => {
  it("shows active implants and jump clones with location names and their implants", async () => {
    const db = env.db();
    const sheet = await summary();
    const names = new Map((await db.eveType.findMany()).map((t) => [t.id, t.name]));
    const active = await db.characterImplant.findMany({ where: { characterId: PILOT } });
    expect(sheet.implants.map((i) => i.typeId).sort()).toEqual(active.map((i) => i.typeId).sort());
    for (const i of sheet.implants) expect(i.name).toBe(names.get(i.typeId));
    expect(sheet.implants.map((i) => i.name)).toEqual(
      [...sheet.implants.map((i) => i.name)].sort((a, b) => a.localeCompare(b)),
    );

    const clones = await db.characterJumpClone.findMany({
      where: { characterId: PILOT },
      include: { implants: true },
      orderBy: { jumpCloneId: "asc" },
    });
    expect(clones.length).toBeGreaterThan(0);
    expect(sheet.jumpClones.map((c) => c.jumpCloneId)).toEqual(clones.map((c) => c.jumpCloneId));
    const locations = new Map((await db.location.findMany()).map((l) => [Number(l.id), l]));
    for (const [i, c] of clones.entries()) {
      const shown = sheet.jumpClones[i]!;
      expect(shown.location.name).toBe(locations.get(Number(c.locationId))!.name);
      expect(shown.implants.map((x) => x.typeId).sort()).toEqual(c.implants.map((x) => x.typeId).sort());
    }
    const info = await db.characterCloneInfo.findUniqueOrThrow({ where: { characterId: PILOT } });
    if (info.homeLocationId !== null) expect(sheet.home?.name).toBe(locations.get(Number(info.homeLocationId))?.name);
    expect(sheet.lastCloneJumpDate?.toISOString()).toBe(info.lastCloneJumpDate?.toISOString());
  });

  it("shows attributes and whether a remap is available", async () => {
    const db = env.db();
    const stored = await db.characterAttributes.findUniqueOrThrow({ where: { characterId: PILOT } });
    const sheet = await summary();
    expect(sheet.attributes).toMatchObject({
      charisma: stored.charisma,
      intelligence: stored.intelligence,
      memory: stored.memory,
      perception: stored.perception,
      willpower: stored.willpower,
      bonusRemaps: stored.bonusRemaps,
    });
    const cooldown = new Date("2026-06-01T00:00:00Z");
    await db.characterAttributes.update({
      where: { characterId: PILOT },
      data: { accruedRemapCooldownDate: cooldown },
    });
    expect((await clonesSheet(db, PILOT, new Date("2026-05-31T00:00:00Z"))).attributes?.remapAvailable).toBe(false);
    expect((await clonesSheet(db, PILOT, new Date("2026-06-02T00:00:00Z"))).attributes?.remapAvailable).toBe(true);
  });

  it("names an unknown clone location and implant by number", async () => {
    const db = env.db();
    await db.characterJumpClone.create({
      data: {
        characterId: PILOT,
        jumpCloneId: 99_999,
        locationId: 60_999_998n,
        locationType: "station",
        implants: { create: [{ typeId: 999_999_992 }] },
      },
    });
    const clone = (await summary()).jumpClones.find((c) => c.jumpCloneId === 99_999)!;
    expect(clone).toEqual({
      jumpCloneId: 99_999,
      name: null,
      location: { id: 60_999_998, name: "Unknown location #60999998", solarSystemName: null },
      implants: [{ typeId: 999_999_992, name: "Type 999999992" }],
    });
  });

  it("answers 404 for a character the caller may not view", async () => {
    expect((await env.call("stranger", "sheet.clones.summary", { characterId: PILOT })).status).toBe(404);
  });
});
