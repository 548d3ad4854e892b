// Skill sets end to end: superusers manage sets and groups over tRPC, the computed
// skill_sets section checks a character's real skills (loaded from the simulator)
// against every set, writes nothing when nothing changed, flips a check when a skill
// level changes, and the sheet's Skill sets tab shows visible sets by group with the
// missing skills named, to the owner and holders of view_skill_sets only.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import type { CurrentUser } from "~/server/auth/session";
import { signInWithCharacter } from "~/server/characters/registration";
import type { AppDeps } from "~/server/deps";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { skillSets as skillSetsSection } from "~/server/sections/skill-sets";
import { skills as skillsSection } from "~/server/sections/skills";
import type { SectionDefinition } from "~/server/sections/types";
import type { SheetSkillSetGroup } from "~/server/sheet/skill-sets";
import { queueSkillCheckRecompute } from "~/server/skill-sets/recompute";
import { resolveTypes } from "~/server/universe/types";
import { findStaleSections } from "~/server/updates/stale";
import { updateSection } from "~/server/updates/update-section";
import { characterSection } from "~/simulator/data";
import { typesInCategory } from "~/simulator/sde";
import type { Simulator } from "~/simulator/server";
import { cipher, makeClient, registerWithToken, startSim } from "../support/simulator";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testAppDeps } from "../support/app-deps";

const CHARACTER = 2112000012;
type Caller = "admin" | "owner" | "stranger" | "auditor" | "recruiter";
const identity = (id: number): EveIdentity => ({
  characterId: id,
  characterName: `P${id}`,
  ownerHash: `owner-${id}`,
  scopes: [],
  expiresAt: new Date(),
});

let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
let deps: AppDeps;
const users = {} as Record<Caller, CurrentUser>;

async function call<T = any>(as: Caller, path: string, input: unknown, method: "GET" | "POST" = "GET") {
  const encoded = JSON.stringify(superjson.serialize(input));
  const url =
    method === "GET" ? `http://x/api/trpc/${path}?input=${encodeURIComponent(encoded)}` : `http://x/api/trpc/${path}`;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url, {
      method,
      body: method === "POST" ? encoded : undefined,
      headers: { "content-type": "application/json" },
    }),
    router: appRouter,
    createContext: async () => ({ deps, user: users[as] }),
  });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { json: { message: string } } };
  return {
    status: response.status,
    data: (body.result ? superjson.deserialize(body.result.data as never) : undefined) as T,
    error: body.error?.json.message,
  };
}
const mutate = (as: Caller, path: string, input: unknown) => call(as, path, input, "POST");

const runSection = (section: SectionDefinition<any> = skillSetsSection, force = false) =>
  updateSection({ db: t.db, esi }, CHARACTER, section, { force, settings: DEFAULT_SECTION_SETTINGS });

// Chosen from the character's real skills once they are loaded.
let passing: { skillId: number; activeSkillLevel: number }[];
let queued: { skillId: number; level: number };
let untrained: number;
const setIds = {} as Record<"passes" | "fails" | "hidden" | "loose", number>;

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  // The first user of an install is superuser.
  for (const [caller, id] of [
    ["admin", 90000001],
    ["owner", CHARACTER],
    ["stranger", 90000002],
    ["auditor", 90000003],
    ["recruiter", 90000004],
  ] as const) {
    const { userId } = await signInWithCharacter({ db: t.db, cipher }, identity(id));
    users[caller] = (await t.db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { mainCharacter: true },
    })) as CurrentUser;
  }
  const seeAll = ["basic_access", "characters_access", "view_everything"];
  await t.db.group.create({
    data: { name: "Auditors", permissions: seeAll, members: { create: { userId: users.auditor.id } } },
  });
  await t.db.group.create({
    data: {
      name: "Recruiters",
      permissions: [...seeAll, "view_skill_sets"],
      members: { create: { userId: users.recruiter.id } },
    },
  });

  await registerWithToken(t.db, started.url, CHARACTER, { scopes: ["esi-skills.read_skills.v1"] });
  esi = makeClient(t.db, started.url);
  deps = testAppDeps({ db: t.db, cipher, esi, sso: { baseUrl: started.url } });
  expect((await runSection(skillsSection)).status).toBe("updated");

  const head = characterSection(CHARACTER, "skills")!.queue[0]!;
  queued = { skillId: head.skill_id, level: head.finished_level };
  const trained = await t.db.characterSkill.findMany({
    where: { characterId: CHARACTER },
    orderBy: { skillId: "asc" },
  });
  passing = trained
    .filter((s) => s.activeSkillLevel >= 1 && s.activeSkillLevel < 5 && s.skillId !== queued.skillId)
    .slice(0, 2);
  const trainedIds = new Set(trained.map((s) => s.skillId));
  untrained = typesInCategory(16).find((s) => !trainedIds.has(s.id))!.id;
  expect(passing).toHaveLength(2);
  expect((trained.find((s) => s.skillId === queued.skillId)?.activeSkillLevel ?? 0) < queued.level).toBe(true);
  const ship = typesInCategory(6).find((s) => s.published)!.id;
  await resolveTypes({ db: t.db, esi }, [...trainedIds, untrained, ship]);
}, 240_000);
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("skill set management", () => {
  it("lets superusers create groups and sets, refuses bad input with 400 and others with 403", async () => {
    const group = await mutate("admin", "skillSets.createGroup", { name: "Shield fleet", isDoctrine: true });
    expect(group.status, group.error).toBe(200);
    const ship = typesInCategory(6).find((s) => s.published)!.id;
    const create = async (name: string, skills: unknown[], extra: object = {}) => {
      const r = await mutate("admin", "skillSets.create", { name, skills, ...extra });
      expect(r.status, r.error).toBe(200);
      return (r.data as { id: number }).id;
    };
    setIds.passes = await create(
      "Passes",
      passing.map((s) => ({
        skillTypeId: s.skillId,
        requiredLevel: s.activeSkillLevel,
        recommendedLevel: s.activeSkillLevel + 1,
      })),
      { groupIds: [group.data.id], shipTypeId: ship },
    );
    setIds.fails = await create(
      "Fails",
      [
        { skillTypeId: untrained, requiredLevel: 1 },
        { skillTypeId: queued.skillId, requiredLevel: queued.level },
      ],
      { groupIds: [group.data.id] },
    );
    setIds.hidden = await create("Hidden", [{ skillTypeId: untrained, requiredLevel: 5 }], { isVisible: false });
    setIds.loose = await create("Loose", [{ skillTypeId: passing[0]!.skillId, recommendedLevel: 1 }]);

    const duplicate = await mutate("admin", "skillSets.create", {
      name: "Passes",
      skills: [{ skillTypeId: untrained, requiredLevel: 1 }],
    });
    expect([duplicate.status, duplicate.error]).toEqual([400, 'A skill set named "Passes" exists already.']);
    const noLevel = await mutate("admin", "skillSets.create", {
      name: "No level",
      skills: [{ skillTypeId: untrained }],
    });
    expect(noLevel.status).toBe(400);
    const badLevel = await mutate("admin", "skillSets.create", {
      name: "Level 6",
      skills: [{ skillTypeId: untrained, requiredLevel: 6 }],
    });
    expect(badLevel.status).toBe(400);

    expect(
      (
        await mutate("recruiter", "skillSets.create", {
          name: "X",
          skills: [{ skillTypeId: untrained, requiredLevel: 1 }],
        })
      ).status,
    ).toBe(403);
    expect((await call("stranger", "skillSets.list", undefined)).status).toBe(403);
    const listed = await call("recruiter", "skillSets.list", undefined);
    expect(listed.status).toBe(200);
    expect(listed.data.skillSets.map((s: { name: string }) => s.name)).toEqual(["Fails", "Hidden", "Loose", "Passes"]);
    const passes = listed.data.skillSets.find((s: { name: string }) => s.name === "Passes");
    expect(passes.groups).toEqual([{ id: group.data.id, name: "Shield fleet" }]);
    expect(passes.shipName).toBe(typesInCategory(6).find((s) => s.published)!.name);
  });
});

describe("skill_sets section", () => {
  it("computes one check per skill set on the first run", async () => {
    expect(await runSection()).toEqual({ section: "skill_sets", status: "updated", written: 4 });
    const checks = new Map(
      (await t.db.characterSkillSetCheck.findMany({ where: { characterId: CHARACTER } })).map((c) => [c.skillSetId, c]),
    );
    expect(checks.get(setIds.passes)).toMatchObject({
      failedRequired: [],
      failedRecommended: passing.map((s) => s.skillId).sort((a, b) => a - b),
    });
    expect(checks.get(setIds.fails)!.failedRequired).toEqual([untrained, queued.skillId].sort((a, b) => a - b));
    expect(checks.get(setIds.hidden)!.failedRequired).toEqual([untrained]);
    expect(checks.get(setIds.loose)).toMatchObject({ failedRequired: [], failedRecommended: [] });
  });

  it("writes nothing when nothing changed, even when forced", async () => {
    const before = await t.db.characterSkillSetCheck.findMany({
      where: { characterId: CHARACTER },
      orderBy: { skillSetId: "asc" },
    });
    expect(await runSection()).toEqual({ section: "skill_sets", status: "unchanged", reason: "same-content" });
    expect(await runSection(skillSetsSection, true)).toMatchObject({ status: "unchanged" });
    expect(
      await t.db.characterSkillSetCheck.findMany({ where: { characterId: CHARACTER }, orderBy: { skillSetId: "asc" } }),
    ).toEqual(before);
  });

  it("flips a check when a skill level changes (one row written)", async () => {
    sim.mutateCharacter(CHARACTER, "skills");
    sim.expireCaches(CHARACTER);
    expect((await runSection(skillsSection, true)).status).toBe("updated");
    expect(await runSection()).toEqual({ section: "skill_sets", status: "updated", written: 1 });
    const fails = await t.db.characterSkillSetCheck.findUniqueOrThrow({
      where: { characterId_skillSetId: { characterId: CHARACTER, skillSetId: setIds.fails } },
    });
    expect(fails.failedRequired).toEqual([untrained]);
  });
});

describe("sheet Skill sets tab", () => {
  const names = (ids: number[]) => ids.map((id) => typesInCategory(16).find((s) => s.id === id)!.name);

  it("shows visible sets by group with pass/fail and the missing skills named", async () => {
    const answer = await call<{ groups: SheetSkillSetGroup[]; checkedAt: Date | null }>(
      "owner",
      "sheet.skillSets.list",
      { characterId: CHARACTER },
    );
    expect(answer.status, answer.error).toBe(200);
    const { groups, checkedAt } = answer.data;
    expect(checkedAt).toBeInstanceOf(Date);
    expect(groups.map((g) => [g.name, g.isDoctrine, g.skillSets.map((s) => s.name)])).toEqual([
      ["Shield fleet", true, ["Fails", "Passes"]],
      ["[Ungrouped]", false, ["Loose"]],
    ]);
    const [fails, passes] = groups[0]!.skillSets;
    expect(passes).toMatchObject({ hasRequired: true, hasRecommended: false, missingRequired: [] });
    expect(passes!.missingRecommended.map((s) => s.name).sort()).toEqual(names(passing.map((s) => s.skillId)).sort());
    expect(passes!.skills.every((s) => s.result === "partial")).toBe(true);
    expect(fails).toMatchObject({ hasRequired: false });
    expect(fails!.missingRequired).toEqual([
      {
        skillTypeId: untrained,
        name: names([untrained])[0],
        requiredLevel: 1,
        recommendedLevel: null,
        activeLevel: 0,
        result: "none",
      },
    ]);
    expect(fails!.missingPlan).toBe(`${names([untrained])[0]} I`);
  });

  it("is for the owner and holders of view_skill_sets: others who may see the character get 403, strangers 404", async () => {
    expect((await call("recruiter", "sheet.skillSets.list", { characterId: CHARACTER })).status).toBe(200);
    expect((await call("admin", "sheet.skillSets.list", { characterId: CHARACTER })).status).toBe(200);
    expect((await call("auditor", "sheet.skillSets.list", { characterId: CHARACTER })).status).toBe(403);
    const stranger = await call("stranger", "sheet.skillSets.list", { characterId: CHARACTER });
    const missing = await call("recruiter", "sheet.skillSets.list", { characterId: 999999 });
    expect([stranger.status, missing.status]).toEqual([404, 404]);
  });

  it("editing a set makes the checks stale; deleting one removes its checks", async () => {
    const stale = async () =>
      (await findStaleSections(t.db, { sections: [skillSetsSection], staleMinutes: {}, now: new Date() })).get(
        CHARACTER,
      ) ?? [];
    expect(await stale()).toEqual([]);
    const edit = await mutate("admin", "skillSets.update", {
      id: setIds.loose,
      name: "Loose",
      skills: [{ skillTypeId: untrained, recommendedLevel: 2 }],
    });
    expect(edit.status, edit.error).toBe(200);
    expect(await stale()).toEqual(["skill_sets"]);
    expect(await runSection()).toEqual({ section: "skill_sets", status: "updated", written: 1 });
    expect((await mutate("admin", "skillSets.delete", { id: setIds.hidden })).status).toBe(200);
    expect(await t.db.characterSkillSetCheck.count({ where: { skillSetId: setIds.hidden } })).toBe(0);
    const clone = await mutate("admin", "skillSets.clone", { id: setIds.fails });
    expect(clone.status).toBe(200);
    expect(
      (await t.db.skillSet.findUniqueOrThrow({ where: { id: clone.data.id }, include: { skills: true } })).name,
    ).toBe("Fails 2");
  });

  it("queues a forced skill_sets update for every enabled character after a change", async () => {
    const { sentEvents, sendEvents } = testAppDeps({ db: t.db, esi });
    expect(await queueSkillCheckRecompute(t.db, sendEvents)).toBe(1);
    expect(sentEvents).toEqual([
      { name: "memberaudit/character.update", data: { characterId: CHARACTER, sections: ["skill_sets"], force: true } },
    ]);
  });
});
