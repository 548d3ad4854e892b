// Skill sets from text: an EFT fitting's hull and items give their required skills
// (dogma requiredSkill1..6, highest level kept), a skill plan gives skills and levels;
// names the database lacks are found at ESI (/universe/ids) and loaded; unknown names
// are reported; an existing name needs overwrite.
import { describe, expect, it } from "vitest";
import { importEftFitting, importSkillPlan, parseEft, parseSkillPlan } from "~/server/skill-sets/import";
import { AppError } from "~/server/errors/app-error";
import { DOGMA } from "~/server/universe/types";
import { findType, typesInCategory } from "~/simulator/sde";
import { useSimDatabase } from "../support/sim-database";

const env = useSimDatabase();

/** Required skills of these simulator types, highest level per skill. */
function requiredSkills(typeIds: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const id of typeIds) {
    const dogma = findType(id)!.dogma ?? {};
    for (const [skillAttr, levelAttr] of DOGMA.requiredSkills) {
      const skill = dogma[String(skillAttr)];
      const level = dogma[String(levelAttr)];
      if (skill && level) out[skill] = Math.max(out[skill] ?? 0, level);
    }
  }
  return out;
}

const storedSkills = async (id: number) =>
  Object.fromEntries(
    (await env.db.skillSetSkill.findMany({ where: { skillSetId: id } })).map((s) => [s.skillTypeId, s.requiredLevel]),
  );

describe("parsing", () => {
  it("reads EFT headers, offline flags, quantities, charges and empty slots", () => {
    expect(parseEft("\n[Bantam, My fit]\nA /OFFLINE\n[Empty Low slot]\nB, C\n\nD x5\n")).toEqual({
      shipName: "Bantam",
      fitName: "My fit",
      itemNames: ["A", "B", "C", "D"],
    });
    expect(() => parseEft("Bantam\nA")).toThrow(AppError);
    expect(() => parseEft("Bantam\nA")).toThrow(/Not an EFT fitting/);
  });
  it("reads skill plans with roman and arabic levels, reporting lines it cannot read", () => {
    expect(parseSkillPlan("Gunnery V\n\nGunnery 3\nNo level here\n")).toEqual({
      entries: [
        { name: "Gunnery", level: 5 },
        { name: "Gunnery", level: 3 },
      ],
      invalid: ["No level here"],
    });
  });
});

describe("import", () => {
  const hull = findType(582)!; // Bantam
  const extenders = [findType(377)!, findType(380)!]; // Small Shield Extender I and II
  const missile = findType(202)!; // Mjolnir Cruise Missile

  it("creates a skill set from an EFT fitting with the fit's required skills, loading unknown types from ESI", async () => {
    expect(await env.db.eveType.count()).toBe(0);
    const text = `[${hull.name}, Shield tackle]\n${extenders[0]!.name}\n${extenders[1]!.name} /OFFLINE\n[Empty Low slot]\n\n${missile.name} x100\nNo Such Item\n`;
    const report = await importEftFitting(env.deps, { text }, "Admin Pilot");
    const expected = requiredSkills([hull.id, ...extenders.map((e) => e.id), missile.id]);
    expect(report).toMatchObject({
      name: "Shield tackle",
      created: true,
      skills: Object.keys(expected).length,
      skipped: ["No Such Item"],
    });
    expect(await storedSkills(report.id)).toEqual(expected);
    const set = await env.db.skillSet.findUniqueOrThrow({ where: { id: report.id } });
    expect(set.shipTypeId).toBe(hull.id);
    expect(set.description).toMatch(/^Generated from EFT fitting 'Shield tackle' by Admin Pilot at /);
    expect(set.lastModifiedBy).toBe("Admin Pilot");
  });

  it("refuses an existing name without overwrite, replaces the skills with it, and refuses an unknown hull", async () => {
    const text = `[${hull.name}, Shield tackle]\n${extenders[0]!.name}\n`;
    await expect(importEftFitting(env.deps, { text }, null)).rejects.toThrow(/exists already/);
    const report = await importEftFitting(env.deps, { text, overwrite: true }, null);
    expect(report.created).toBe(false);
    expect(await storedSkills(report.id)).toEqual(requiredSkills([hull.id, extenders[0]!.id]));
    await expect(importEftFitting(env.deps, { text: "[Not A Ship, x]\n" }, null)).rejects.toThrow(
      'Unknown ship type "Not A Ship"',
    );
  });

  it("creates a skill set from a skill plan, keeping the highest level and reporting what it skipped", async () => {
    const [a, b] = typesInCategory(16);
    const group = await env.db.skillSetGroup.create({ data: { name: "Doctrines", isDoctrine: true } });
    const text = `${a!.name} V\n${a!.name} 3\n${b!.name} II\nNot A Skill II\n${extenders[0]!.name} 2\nnonsense\n`;
    const report = await importSkillPlan(env.deps, { text, name: "Plan", groupId: group.id }, null);
    expect(report).toMatchObject({ created: true, skills: 2 });
    expect(report.skipped.sort()).toEqual(["Not A Skill", extenders[0]!.name, "nonsense"].sort());
    expect(await storedSkills(report.id)).toEqual({ [a!.id]: 5, [b!.id]: 2 });
    expect(
      (await env.db.skillSet.findUniqueOrThrow({ where: { id: report.id }, include: { groups: true } })).groups.map(
        (g) => g.name,
      ),
    ).toEqual(["Doctrines"]);
    await expect(importSkillPlan(env.deps, { text: "Nothing Known I\n", name: "Empty" }, null)).rejects.toThrow(
      "No skill recognised",
    );
  });
});
