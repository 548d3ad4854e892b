// titles (diff, markup stripped), fw_stats (1:1) and standings (diff on the source id).
import { describe, expect, it } from "vitest";
import { characterSection } from "~/simulator/data";
import { fwStats } from "~/server/sections/fw-stats";
import { standings } from "~/server/sections/standings";
import { plainTitle, titles } from "~/server/sections/titles";
import { iso, isoOf } from "../support/iso-dates";
import { sectionSuite } from "../support/section-suite";

const social = (id: number) => characterSection(id, "social")!;

describe("title names", () => {
  it("lose client markup, surrounding space and anything past 100 characters", () => {
    expect(plainTitle("<color=0xff00ff00>Veteran</color>")).toBe("Veteran");
    expect(plainTitle(" <b>Logistics</b> ")).toBe("Logistics");
    expect(plainTitle("x".repeat(150))).toHaveLength(100);
  });
});

sectionSuite([
  {
    section: titles,
    character: 2112000009,
    route: "/characters/{character_id}/titles",
    async stored(db, characterId) {
      return (await db.characterTitle.findMany({ where: { characterId }, orderBy: { titleId: "asc" } })).map((r) => [
        r.titleId,
        r.name,
      ]);
    },
    expected(characterId) {
      return social(characterId)
        .titles.filter((t) => t.title_id !== undefined && t.name)
        .sort((a, b) => a.title_id! - b.title_id!)
        .map((t) => [t.title_id, plainTitle(t.name!)]);
    },
    tamper: {
      async apply(db, characterId) {
        const [first] = await db.characterTitle.findMany({
          where: { characterId },
          orderBy: { titleId: "asc" },
          take: 1,
        });
        await db.characterTitle.update({
          where: { characterId_titleId: { characterId, titleId: first!.titleId } },
          data: { name: "renamed" },
        });
      },
      rows: 1,
    },
  },
  {
    section: fwStats,
    character: 2112000010,
    route: "/characters/{character_id}/fw/stats",
    async stored(db, characterId) {
      const row = await db.characterFwStats.findUnique({ where: { characterId } });
      return row && { ...row, updatedAt: undefined, enlistedOn: iso(row.enlistedOn) };
    },
    expected(characterId) {
      const fw = social(characterId).fw;
      return {
        characterId,
        factionId: fw.faction_id ?? null,
        enlistedOn: isoOf(fw.enlisted_on),
        currentRank: fw.current_rank ?? null,
        highestRank: fw.highest_rank ?? null,
        killsYesterday: fw.kills.yesterday,
        killsLastWeek: fw.kills.last_week,
        killsTotal: fw.kills.total,
        victoryPointsYesterday: fw.victory_points.yesterday,
        victoryPointsLastWeek: fw.victory_points.last_week,
        victoryPointsTotal: fw.victory_points.total,
        updatedAt: undefined,
      };
    },
  },
  {
    section: standings,
    character: 2112000011,
    route: "/characters/{character_id}/standings",
    async stored(db, characterId) {
      return (await db.characterStanding.findMany({ where: { characterId }, orderBy: { fromId: "asc" } })).map((r) => [
        r.fromId,
        r.fromType,
        r.standing,
      ]);
    },
    expected(characterId) {
      return [...social(characterId).standings]
        .sort((a, b) => a.from_id - b.from_id)
        .map((s) => [s.from_id, s.from_type, s.standing]);
    },
    tamper: {
      // One changed standing and one deleted: two writes out of dozens.
      async apply(db, characterId) {
        const [first, second] = await db.characterStanding.findMany({
          where: { characterId },
          orderBy: { fromId: "asc" },
          take: 2,
        });
        await db.characterStanding.update({
          where: { characterId_fromId: { characterId, fromId: first!.fromId } },
          data: { standing: 9.99 },
        });
        await db.characterStanding.delete({ where: { characterId_fromId: { characterId, fromId: second!.fromId } } });
      },
      rows: 2,
    },
  },
]);
