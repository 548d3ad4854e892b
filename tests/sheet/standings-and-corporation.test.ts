// Standings and Corporation tabs over data loaded by the real section updates from the
// simulator (names resolved by the real resolvers), read through the tRPC API.
import { describe, expect, it } from "vitest";
import { corporationHistory } from "~/server/sections/corporation-history";
import { fwStats } from "~/server/sections/fw-stats";
import { loyalty } from "~/server/sections/loyalty";
import { roles } from "~/server/sections/roles";
import { standings } from "~/server/sections/standings";
import { titles } from "~/server/sections/titles";
import { characterSection } from "~/simulator/data";
import { useSeededSheet } from "../support/seeded-sheet";

const CHARACTER = 2112000001;
const h = useSeededSheet(CHARACTER, [standings, loyalty, corporationHistory, titles, roles, fwStats]);
const social = () => characterSection(CHARACTER, "social")!;

describe("standings tab", () => {
  it("lists every NPC standing by name, highest first, with loyalty points per corporation", async () => {
    const sheet = await h.ok("sheet.standings.get", { characterId: CHARACTER });
    expect(sheet.standings).toHaveLength(social().standings.length);
    expect(sheet.standings.map((s: any) => s.standing + 0)).toEqual(
      social()
        .standings.map((s) => s.standing + 0)
        .sort((a, b) => b - a),
    );
    const names = new Map((await h.t.db.eveEntity.findMany()).map((e) => [e.id, e.name]));
    for (const s of sheet.standings) {
      expect(s.name).toBe(names.get(s.id) ?? `#${s.id}`);
      expect(s.group).toBe(
        s.standing > 5
          ? "Excellent"
          : s.standing > 0
            ? "Good"
            : s.standing === 0
              ? "Neutral"
              : s.standing >= -5
                ? "Bad"
                : "Terrible",
      );
    }
    expect(sheet.standings.filter((s: any) => !s.name.startsWith("#")).length).toBeGreaterThan(0);
    expect(sheet.loyalty.map((l: any) => [l.corporationId, l.loyaltyPoints]).sort()).toEqual(
      social()
        .loyalty.map((l) => [l.corporation_id, l.loyalty_points])
        .sort(),
    );
    expect(
      sheet.loyalty.every((l: any) => l.corporationName === (names.get(l.corporationId) ?? `#${l.corporationId}`)),
    ).toBe(true);
  });

  it("applies Connections to positive and Diplomacy to negative standings", async () => {
    await h.t.db.characterSkill.createMany({
      data: [
        {
          characterId: CHARACTER,
          skillId: 3359,
          activeSkillLevel: 5,
          trainedSkillLevel: 5,
          skillpointsInSkill: 256000,
        },
        { characterId: CHARACTER, skillId: 3357, activeSkillLevel: 2, trainedSkillLevel: 2, skillpointsInSkill: 1415 },
      ],
    });
    const sheet = await h.ok("sheet.standings.get", { characterId: CHARACTER });
    for (const s of sheet.standings) {
      const level = s.standing < 0 ? 2 : 5;
      expect(s.effectiveStanding).toBeCloseTo(s.standing + (10 - s.standing) * 0.04 * level, 2);
    }
    await h.t.db.characterSkill.deleteMany({ where: { characterId: CHARACTER } });
  });

  it("answers 404 to a viewer who may not see the character", async () => {
    expect((await h.query("stranger", "sheet.standings.get", { characterId: CHARACTER })).status).toBe(404);
  });
});

describe("corporation tab", () => {
  it("shows the corporation history newest first with end dates, durations and deleted flags", async () => {
    const sheet = await h.ok("sheet.corporation.get", { characterId: CHARACTER });
    const expected = [...social().history].sort((a, b) => Date.parse(b.start_date) - Date.parse(a.start_date));
    expect(sheet.history.map((r: any) => [r.recordId, r.corporationId, r.isDeleted])).toEqual(
      expected.map((r) => [r.record_id, r.corporation_id, r.is_deleted ?? false]),
    );
    expect(sheet.history[0].endDate).toBeNull();
    for (let i = 1; i < sheet.history.length; i += 1) {
      const row = sheet.history[i];
      expect(row.endDate).toEqual(sheet.history[i - 1].startDate);
      expect(row.durationDays).toBe(Math.floor((row.endDate.getTime() - row.startDate.getTime()) / 86_400_000));
    }
    expect(sheet.history.some((r: any) => !r.corporationName.startsWith("#"))).toBe(true);
  });

  it("shows titles as plain text, roles by location and faction warfare statistics", async () => {
    const sheet = await h.ok("sheet.corporation.get", { characterId: CHARACTER });
    expect(sheet.titles.map((t: any) => t.titleId).sort()).toEqual(
      social()
        .titles.map((t) => t.title_id)
        .sort(),
    );
    expect(sheet.titles.every((t: any) => !/[<>]/.test(t.name))).toBe(true);
    const body = social().roles;
    const expectedRoles =
      (body.roles ?? []).length +
      (body.roles_at_hq ?? []).length +
      (body.roles_at_base ?? []).length +
      (body.roles_at_other ?? []).length;
    expect(sheet.roles.flatMap((r: any) => r.roles)).toHaveLength(expectedRoles);
    const fw = social().fw;
    expect(sheet.fw.kills).toEqual({
      yesterday: fw.kills.yesterday,
      lastWeek: fw.kills.last_week,
      total: fw.kills.total,
    });
    expect(sheet.fw.victoryPoints.total).toBe(fw.victory_points.total);
    if (fw.faction_id) {
      expect(sheet.fw.factionId).toBe(fw.faction_id);
      expect(sheet.fw.currentRank).not.toBeNull();
    }
  });

  it("uses EVE's rank names and flags titles with markup", async () => {
    await h.t.db.characterFwStats.update({
      where: { characterId: CHARACTER },
      data: { factionId: 500001, currentRank: 3, highestRank: 9 },
    });
    await h.t.db.characterTitle.create({
      data: { characterId: CHARACTER, titleId: 987654, name: "<color=0xff00ff00>Director</color>" },
    });
    const sheet = await h.ok("sheet.corporation.get", { characterId: CHARACTER });
    expect([sheet.fw.currentRank, sheet.fw.highestRank]).toEqual(["Captain", "Brigadier General"]);
    expect(sheet.titles.find((t: any) => t.titleId === 987654).name).toBe("Director");
  });

  it("answers 404 to a viewer who may not see the character", async () => {
    expect((await h.query("stranger", "sheet.corporation.get", { characterId: CHARACTER })).status).toBe(404);
  });
});
