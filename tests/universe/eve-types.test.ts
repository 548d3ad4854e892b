// The on-demand type resolver: unknown type ids referenced by section data are found
// with one query and loaded (type, group, category, dogma) from the simulator's ESI;
// a bad id is skipped and reported, never fatal; known types cost no request.
import { beforeAll, describe, expect, it } from "vitest";
import type { JobStep } from "~/server/jobs/job";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { skills } from "~/server/sections/skills";
import { DOGMA, forgetUnknownTypes, resolveTypes, unknownReferencedTypeIds } from "~/server/universe/types";
import { updateSection } from "~/server/updates/update-section";
import { findType, typesInCategory } from "~/simulator/sde";
import { createJobs } from "~/server/jobs/definitions";
import { resolveEveTypes } from "~/server/jobs/definitions/resolve-eve-types";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { registerWithToken } from "../support/simulator";
import { useSimDatabase } from "../support/sim-database";

const CHARACTER = 2112000011;
const BOGUS = 999_999_901;
const env = useSimDatabase();
beforeAll(async () => {
  await registerWithToken(env.db, env.url, CHARACTER, { scopes: ["esi-skills.read_skills.v1"] });
  forgetUnknownTypes();
});

const inlineStep: JobStep = {
  run: async (_id, fn) => JSON.parse(JSON.stringify(await fn())),
  sendEvent: async () => undefined,
};

describe("EVE type resolver", () => {
  it("loads a skill with its group, category and dogma, a ship, and reports a bad id without failing", async () => {
    const skill = typesInCategory(16)[0]!;
    const ship = typesInCategory(6).find((s) => s.published)!;
    const result = await resolveTypes(env.deps, [skill.id, ship.id, BOGUS, skill.id]);
    expect(result.stored).toBe(2);
    expect(result.failed.map((f) => f.id)).toEqual([BOGUS]);
    const stored = await env.db.eveType.findUniqueOrThrow({
      where: { id: skill.id },
      include: { group: { include: { category: true } }, dogmaAttributes: true },
    });
    expect(stored.name).toBe(skill.name);
    expect(stored.group.category).toMatchObject({ id: 16, name: "Skill" });
    const dogma = new Map(stored.dogmaAttributes.map((a) => [a.attributeId, a.value]));
    expect(dogma.get(DOGMA.skillRank)).toBe(skill.dogma![String(DOGMA.skillRank)]);
    expect(dogma.get(DOGMA.primaryAttribute)).toBe(skill.dogma![String(DOGMA.primaryAttribute)]);
    expect(
      (await env.db.eveType.findUniqueOrThrow({ where: { id: ship.id }, include: { group: true } })).group.categoryId,
    ).toBe(6);
  });

  it("asks ESI nothing for known types or ids it already answered 404 for", async () => {
    const skill = typesInCategory(16)[0]!;
    const again = await resolveTypes(env.deps, [skill.id, BOGUS]);
    expect(again).toEqual({ stored: 0, failed: [], requests: 0 });
  });

  it("finds the type ids section data references that EveType lacks, in one query", async () => {
    expect((await updateSection(env.deps, CHARACTER, skills, { settings: DEFAULT_SECTION_SETTINGS })).status).toBe(
      "updated",
    );
    const skillIds = (
      await env.db.characterSkill.findMany({ where: { characterId: CHARACTER }, select: { skillId: true } })
    ).map((s) => s.skillId);
    const moduleType = typesInCategory(7)[0]!;
    const hull = typesInCategory(6)[3]!;
    await env.db.characterFitting.create({
      data: {
        characterId: CHARACTER,
        fittingId: 1,
        name: "Fit",
        description: "",
        shipTypeId: hull.id,
        items: [{ flag: "HiSlot0", quantity: 1, type_id: moduleType.id }],
      },
    });
    const known = new Set((await env.db.eveType.findMany({ select: { id: true } })).map((x) => x.id));
    const unknown = await unknownReferencedTypeIds(env.db);
    expect(unknown).toEqual(
      [...new Set([...skillIds, hull.id, moduleType.id])].filter((id) => !known.has(id)).sort((a, b) => a - b),
    );
    expect(unknown).toContain(moduleType.id);
  });

  it("is one of the app's scheduled jobs (Inngest and the embedded runner share the list)", () => {
    const jobs = createJobs(() => env.deps as never, { sharingTimeoutMinutes: 0, engine: DEFAULT_ENGINE_SETTINGS });
    expect(jobs.find((j) => j.id === "resolve-eve-types")?.trigger).toEqual({ cron: "*/15 * * * *" });
  });

  it("the resolve-eve-types job names every referenced type", async () => {
    const job = resolveEveTypes(() => env.deps);
    expect(job.trigger).toEqual({ cron: "*/15 * * * *" });
    const before = (await unknownReferencedTypeIds(env.db)).length;
    expect(before).toBeGreaterThan(5);
    const outcome = (await job.handler({
      event: { name: "inngest/scheduled.timer", data: {} as never },
      step: inlineStep,
      attempt: 0,
    })) as { stored: number };
    expect(outcome.stored).toBe(before);
    expect(await unknownReferencedTypeIds(env.db)).toEqual([]);
    const skillId = (await env.db.characterSkill.findFirstOrThrow({ where: { characterId: CHARACTER } })).skillId;
    expect((await env.db.eveType.findUniqueOrThrow({ where: { id: skillId } })).name).toBe(findType(skillId)!.name);
  });
});
