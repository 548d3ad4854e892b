// The three reports over a small corporation set-up on real PostgreSQL: who is fully,
// partly or not compliant (signed in with a character but never registered it),
// corporation percentages with the 85 % band, the skill-set rows with the sets met and
// the training time at the character's attributes, server-side filters, sorts and
// paging, and the CSV download of the current view (content, quoting, formula guard,
// scope and refusals).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer, type Viewer } from "~/server/access/viewer";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import type { Permission } from "~/server/identity/permissions";
import { corporationComplianceReport } from "~/server/reports/corporation-compliance";
import { csvField } from "~/server/reports/csv";
import { reportCsvResponse } from "~/server/reports/csv-export";
import { skillSetReport } from "~/server/reports/skill-set-report";
import { userComplianceReport } from "~/server/reports/user-compliance";
import { skillpointsForLevel } from "~/server/skill-sets/training-time";
import { DOGMA } from "~/server/universe/types";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";

const C1 = 98000001; // alliance A1
const C2 = 98000002; // alliance A1
const C3 = 98000003; // alliance A2
const A1 = 99000001;
const A2 = 99000002;
const ORG: Record<number, { corporationName: string; allianceId: number; allianceName: string }> = {
  [C1]: { corporationName: "Alpha, Inc.", allianceId: A1, allianceName: "First Alliance" },
  [C2]: { corporationName: "Beta", allianceId: A1, allianceName: "First Alliance" },
  [C3]: { corporationName: '=Gamma "Corp"', allianceId: A2, allianceName: "Second Alliance" },
};

interface FixtureUser {
  id: string;
  perms: Permission[];
  main: number | null;
  chars: { id: number; corp: number; registered: boolean }[];
}

// 12 fully compliant users in C2 and one partly, so C2 lands at 92 % ("partly").
const c2Users: FixtureUser[] = Array.from({ length: 12 }, (_, i) => ({
  id: `c2-${i}`,
  perms: ["basic_access"],
  main: 300 + i,
  chars: [{ id: 300 + i, corp: C2, registered: true }],
}));
const USERS: FixtureUser[] = [
  {
    id: "lead",
    perms: ["basic_access", "reports_access", "view_same_alliance"],
    main: 1,
    chars: [{ id: 1, corp: C1, registered: true }],
  },
  {
    id: "full",
    perms: ["basic_access"],
    main: 10,
    chars: [
      { id: 10, corp: C1, registered: true },
      { id: 11, corp: C3, registered: true },
    ],
  },
  // Signed in with 22 but never registered it: partly compliant.
  {
    id: "partly",
    perms: ["basic_access"],
    main: 20,
    chars: [
      { id: 20, corp: C1, registered: true },
      { id: 21, corp: C1, registered: true },
      { id: 22, corp: C1, registered: false },
    ],
  },
  // Signed in, registered nothing: not compliant.
  { id: "none", perms: ["basic_access"], main: 30, chars: [{ id: 30, corp: C1, registered: false }] },
  ...c2Users,
  {
    id: "c2-partly",
    perms: ["basic_access"],
    main: 320,
    chars: [
      { id: 320, corp: C2, registered: true },
      { id: 321, corp: C2, registered: false },
    ],
  },
  // Another alliance: outside the lead's scope.
  { id: "far", perms: ["basic_access"], main: 40, chars: [{ id: 40, corp: C3, registered: true }] },
  // Members of no basic_access group are not counted in anyone's reports but their own.
  { id: "guest", perms: [], main: 50, chars: [{ id: 50, corp: C1, registered: true }] },
];

const SKILL_A = 3300; // rank 1, perception/willpower
const SKILL_B = 3301; // rank 3, intelligence/memory
let t: TestDatabase;
let lead: Viewer;
const set = { hull: 0, guns: 0, tank: 0, other: 0 };
const group = { doctrine: 0, other: 0 };

beforeAll(async () => {
  t = await createTestDatabase();
  const { db } = t;
  for (const [i, u] of USERS.entries()) {
    for (const c of u.chars) {
      await db.eveCharacter.create({
        data: { id: c.id, name: `Pilot ${c.id}`, corporationId: c.corp, ...ORG[c.corp] },
      });
    }
    await db.user.create({ data: { id: u.id, mainCharacterId: u.main } });
    await db.group.create({ data: { name: `g${i}`, permissions: u.perms, members: { create: { userId: u.id } } } });
    for (const c of u.chars) {
      await db.characterOwnership.create({ data: { characterId: c.id, userId: u.id, ownerHash: `h${c.id}` } });
      if (c.registered) await db.character.create({ data: { id: c.id } });
    }
  }
  // A user whose main was detached (owner hash changed) but still owns a registered alt.
  await db.eveCharacter.create({ data: { id: 60, name: "Pilot 60", corporationId: C1, ...ORG[C1] } });
  await db.user.create({
    data: {
      id: "mainless",
      memberships: { create: { groupId: (await db.group.findFirstOrThrow({ where: { name: "g1" } })).id } },
    },
  });
  await db.characterOwnership.create({ data: { characterId: 60, userId: "mainless", ownerHash: "h60" } });
  await db.character.create({ data: { id: 60 } });

  // Skills and their training facts; sets in two groups.
  await db.eveCategory.create({ data: { id: 16, name: "Skill" } });
  await db.eveGroup.create({ data: { id: 255, name: "Gunnery", categoryId: 16 } });
  for (const [id, rank, primary, secondary] of [
    [SKILL_A, 1, 167, 168],
    [SKILL_B, 3, 165, 166],
  ] as const) {
    await db.eveType.create({ data: { id, name: `Skill ${id}`, groupId: 255 } });
    await db.eveTypeDogmaAttribute.createMany({
      data: [
        { typeId: id, attributeId: DOGMA.skillRank, value: rank },
        { typeId: id, attributeId: DOGMA.primaryAttribute, value: primary },
        { typeId: id, attributeId: DOGMA.secondaryAttribute, value: secondary },
      ],
    });
  }
  const doctrine = await db.skillSetGroup.create({ data: { name: "Shield doctrine", isDoctrine: true } });
  const other = await db.skillSetGroup.create({ data: { name: "Industry" } });
  await db.skillSetGroup.create({ data: { name: "Retired", isActive: false } });
  group.doctrine = doctrine.id;
  group.other = other.id;
  const mk = async (name: string, groups: number[], skills: object[], shipTypeId?: number) =>
    (
      await db.skillSet.create({
        data: {
          name,
          shipTypeId,
          groups: { connect: groups.map((id) => ({ id })) },
          skills: { create: skills as never },
        },
      })
    ).id;
  set.hull = await mk("Hull", [doctrine.id], [{ skillTypeId: SKILL_A, requiredLevel: 1, recommendedLevel: 3 }], 587);
  set.guns = await mk("Guns", [doctrine.id], [{ skillTypeId: SKILL_A, requiredLevel: 4 }]);
  set.tank = await mk("Tank", [doctrine.id], [{ skillTypeId: SKILL_B, requiredLevel: 2 }]);
  set.other = await mk("Mining", [other.id], [{ skillTypeId: SKILL_A, requiredLevel: 1 }]);
  // Character 10 has SKILL_A at 3 (8,000 SP), no SKILL_B: Hull met with recommended, Guns and Tank missing.
  await db.characterSkill.create({
    data: { characterId: 10, skillId: SKILL_A, activeSkillLevel: 3, trainedSkillLevel: 3, skillpointsInSkill: 8000 },
  });
  await db.characterAttributes.create({
    data: { characterId: 10, charisma: 20, intelligence: 24, memory: 20, perception: 27, willpower: 21 },
  });
  const check = (
    characterId: number,
    skillSetId: number,
    failedRequired: number[],
    failedRecommended: number[] = [],
  ) => ({
    characterId,
    skillSetId,
    failedRequired,
    failedRecommended,
  });
  await db.characterSkillSetCheck.createMany({
    data: [
      check(10, set.hull, []),
      check(10, set.guns, [SKILL_A], [SKILL_A]),
      check(10, set.tank, [SKILL_B], []),
      check(10, set.other, []),
      check(11, set.hull, [], [SKILL_A]),
      check(11, set.guns, [SKILL_A]),
      check(11, set.tank, [SKILL_B]),
      check(20, set.hull, [SKILL_A]),
      check(40, set.hull, []), // out of the lead's scope
    ],
  });
  lead = (await loadViewer(db, "lead"))!;
});
afterAll(async () => t?.drop());

const byUser = <R extends { userId: string }>(rows: R[]) => new Map(rows.map((r) => [r.userId, r]));

describe("user compliance", () => {
  it("is fully with a main and every signed-in character registered, partly with some, not with none", async () => {
    const { rows, total } = await userComplianceReport(t.db, lead, { limit: 200 });
    const users = byUser(rows);
    // Alliance A1 by main: lead, full, partly, none, mainless is outside (no main), the C2 users; not far, not guest.
    expect(total).toBe(4 + 13);
    expect(users.has("far") || users.has("guest") || users.has("mainless")).toBe(false);
    expect(users.get("full")).toMatchObject({
      isRegistered: true,
      isCompliant: true,
      level: "fully",
      totalCharacters: 2,
      registeredCharacters: 2,
      corporation: { id: C1, name: "Alpha, Inc." },
      alliance: { id: A1, name: "First Alliance" },
      main: { id: 10, name: "Pilot 10" },
    });
    expect(users.get("partly")).toMatchObject({
      isRegistered: true,
      isCompliant: false,
      level: "partly",
      totalCharacters: 3,
      registeredCharacters: 2,
    });
    expect(users.get("none")).toMatchObject({
      isRegistered: false,
      isCompliant: false,
      level: "not",
      totalCharacters: 1,
    });
  });

  it("links the main only where the viewer may open its sheet", async () => {
    const own = byUser((await userComplianceReport(t.db, lead, { limit: 200 })).rows);
    // Without characters_access the lead opens only its own main.
    expect([own.get("lead")!.canView, own.get("full")!.canView]).toEqual([true, false]);
    await t.db.group.update({
      where: { name: "g0" },
      data: { permissions: [...USERS[0]!.perms, "characters_access"] },
    });
    const auditor = (await loadViewer(t.db, "lead"))!;
    const opened = byUser((await userComplianceReport(t.db, auditor, { limit: 200 })).rows);
    expect([opened.get("full")!.canView, opened.get("none")!.canView]).toEqual([true, false]); // 30 is not registered
    await t.db.group.update({ where: { name: "g0" }, data: { permissions: USERS[0]!.perms } });
  });

  it("counts the user without a main as not compliant for a viewer who sees everyone", async () => {
    await t.db.group.update({
      where: { name: "g0" },
      data: { permissions: ["basic_access", "reports_access", "view_everything"] },
    });
    const everything = (await loadViewer(t.db, "lead"))!;
    const users = byUser((await userComplianceReport(t.db, everything, { limit: 200 })).rows);
    expect(users.get("mainless")).toMatchObject({
      main: null,
      isRegistered: true,
      isCompliant: false,
      level: "partly",
    });
    expect(users.has("far")).toBe(true);
    expect(users.has("guest")).toBe(false);
    await t.db.group.update({ where: { name: "g0" }, data: { permissions: USERS[0]!.perms } });
  });

  it("filters, sorts and pages on the server", async () => {
    const ids = async (input: object) =>
      (await userComplianceReport(t.db, lead, { limit: 200, ...input })).rows.map((r) => r.userId);
    expect((await ids({ compliant: false })).sort()).toEqual(["c2-partly", "none", "partly"]);
    expect(await ids({ registered: false })).toEqual(["none"]);
    expect((await ids({ corporationId: C1 })).sort()).toEqual(["full", "lead", "none", "partly"]);
    expect(await ids({ search: "Pilot 2" })).toEqual(["partly"]);
    expect((await ids({ sort: "characters", order: "desc" }))[0]).toBe("partly");
    expect((await ids({ sort: "compliance", order: "asc" })).slice(0, 3)).toEqual(["none", "c2-partly", "partly"]);

    const all = await ids({ sort: "main" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await userComplianceReport(t.db, lead, { sort: "main", limit: 5, cursor });
      expect(page.total).toBe(all.length);
      seen.push(...page.rows.map((r) => r.userId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it("refuses a cursor of another view, and out-of-range input, as the caller's input error naming the field", async () => {
    const first = await userComplianceReport(t.db, lead, { limit: 2 });
    await expect(
      userComplianceReport(t.db, lead, { limit: 2, compliant: true, cursor: first.nextCursor! }),
    ).rejects.toMatchObject({
      code: "BAD_INPUT",
      details: { fields: ["cursor"] },
    });
    const caller = appRouter.createCaller({
      deps: testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) }),
      user: { id: "lead" } as CurrentUser,
    });
    await expect(caller.reports.userCompliance({ corporationId: 2 ** 40 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("corporationId"),
    });
    await expect(caller.reports.skillSets({ limit: 100000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("corporation compliance", () => {
  it("groups by the main's corporation: users, characters, registered / total rounded down, fully at 100 %, partly from 85 %", async () => {
    const { rows } = await corporationComplianceReport(t.db, lead, { limit: 200 });
    const byCorp = new Map(rows.map((r) => [r.corporation?.id ?? null, r]));
    // C1 mains: lead (1/1), full (2/2, alt in C3 counts with its main), partly (2/3), none (0/1) = 5/7.
    expect(byCorp.get(C1)).toMatchObject({
      users: 4,
      totalCharacters: 7,
      registeredCharacters: 5,
      compliancePercent: 71,
      level: "not",
      isCompliant: false,
    });
    // C2: 12 x 1/1 and 1/2 = 13/14 = 92 %.
    expect(byCorp.get(C2)).toMatchObject({
      users: 13,
      totalCharacters: 14,
      registeredCharacters: 13,
      compliancePercent: 92,
      level: "partly",
    });
    expect(byCorp.has(C3)).toBe(false); // "far" is in another alliance
  });

  it("filters by compliance and alliance, and sorts by percentage", async () => {
    const corps = async (input: object) =>
      (await corporationComplianceReport(t.db, lead, { limit: 200, ...input })).rows.map((r) => r.corporation?.id);
    expect(await corps({ level: "partly" })).toEqual([C2]);
    expect(await corps({ compliant: true })).toEqual([]);
    expect(await corps({ allianceId: A2 })).toEqual([]);
    expect(await corps({ sort: "compliance", order: "desc" })).toEqual([C2, C1]);
    await t.db.character.create({ data: { id: 321 } });
    expect(await corps({ compliant: true })).toEqual([C2]);
    await t.db.character.delete({ where: { id: 321 } });
  });
});

describe("skill-set report", () => {
  it("has one row per (active group, character in scope) with the sets met and the training time at its attributes", async () => {
    const { rows } = await skillSetReport(t.db, lead, { limit: 200 });
    const key = (r: (typeof rows)[number]) => `${r.group.name}/${r.character.id}`;
    expect(rows.map(key)).toEqual(["Industry/10", "Shield doctrine/10", "Shield doctrine/11", "Shield doctrine/20"]);
    const row = rows[1]!;
    expect(row.requiredMet).toEqual([{ id: set.hull, name: "Hull", shipTypeId: 587 }]);
    expect(row.recommendedMet.map((s) => s.name)).toEqual(["Hull"]);
    expect(row).toMatchObject({ isMain: true, main: { id: 10 }, corporation: { id: C1 }, group: { isDoctrine: true } });
    // Guns: SKILL_A 3 -> 4 at perception 27 + willpower 21 / 2; Tank: SKILL_B 0 -> 2 (rank 3) at intelligence 24 + memory 20 / 2.
    const guns = ((skillpointsForLevel(1, 4) - 8000) / (27 + 21 / 2)) * 60;
    const tank = (skillpointsForLevel(3, 2) / (24 + 20 / 2)) * 60;
    expect(row.training.allSeconds).toBe(Math.round(guns + tank));
    expect(row.training.nearest).toEqual({
      skillSetId: guns < tank ? set.guns : set.tank,
      seconds: Math.round(Math.min(guns, tank)),
    });
    // No attributes loaded for 11: its time is unknown, not zero.
    expect(rows[2]!.training.allSeconds).toBeNull();
    // Hull's recommended level is missed by 11.
    expect(rows[2]!.recommendedMet).toEqual([]);
  });

  it("filters by group, set met, main only, doctrine and organisation", async () => {
    const keys = async (input: object) =>
      (await skillSetReport(t.db, lead, { limit: 200, ...input })).rows.map((r) => `${r.group.id}/${r.character.id}`);
    expect(await keys({ groupId: group.other })).toEqual([`${group.other}/10`]);
    expect(await keys({ skillSetId: set.hull })).toEqual([`${group.doctrine}/10`, `${group.doctrine}/11`]);
    expect(await keys({ requiredMet: false })).toEqual([`${group.doctrine}/20`]);
    expect(await keys({ mainOnly: true, groupId: group.doctrine })).toEqual([
      `${group.doctrine}/10`,
      `${group.doctrine}/20`,
    ]);
    expect(await keys({ doctrineOnly: true, sort: "character", order: "desc" })).toEqual([
      `${group.doctrine}/20`,
      `${group.doctrine}/11`,
      `${group.doctrine}/10`,
    ]);
    expect(await keys({ corporationId: C2 })).toEqual([]);
  });
});

describe("CSV download", () => {
  const url = (tab: string, input: object) =>
    new URL(`http://x/reports/${tab}/csv?input=${encodeURIComponent(JSON.stringify(input))}`);

  it("quotes by RFC 4180 and defuses formulas", () => {
    expect(csvField('Alpha, "Inc."')).toBe('"Alpha, ""Inc."""');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@x")).toBe("'@x");
    expect(csvField('-"a"')).toBe(`"'-""a"""`);
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect([csvField(true), csvField(null), csvField(42)]).toEqual(["yes", "", "42"]);
  });

  it("downloads every row of the current view, in its order, as UTF-8 CSV", async () => {
    const response = await reportCsvResponse(
      t.db,
      lead,
      "user-compliance",
      url("user-compliance", { corporationId: C1, sort: "characters", order: "desc", limit: 1 }),
    );
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="user-compliance-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first (Response.text() would drop it), then UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3));
    expect(text.startsWith("Main,Main ID,Corporation,")).toBe(true);
    const lines = text.trimEnd().split("\r\n");
    // The page size does not apply: all four C1 users, most characters first.
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('Pilot 20,20,"Alpha, Inc.",First Alliance,yes,no,partly,2,3');
  });

  it("keeps to the viewer's scope and guards the names it writes", async () => {
    await t.db.group.update({
      where: { name: "g0" },
      data: { permissions: ["basic_access", "reports_access", "view_everything"] },
    });
    const everything = (await loadViewer(t.db, "lead"))!;
    const corp = await (
      await reportCsvResponse(
        t.db,
        everything,
        "corporation-compliance",
        url("corporation-compliance", { sort: "corporation" }),
      )
    ).text();
    expect(corp).toContain(`"'=Gamma ""Corp""",${C3},Second Alliance,1,1,1,100,fully\r\n`);
    await t.db.group.update({ where: { name: "g0" }, data: { permissions: USERS[0]!.perms } });
    const scoped = await (await reportCsvResponse(t.db, lead, "skill-sets", url("skill-sets", {}))).text();
    expect(scoped).not.toContain("Pilot 40");
    expect(scoped).toContain("Shield doctrine,Pilot 10,10,Pilot 10,yes,");
  });

  it("answers 404 without the reports area or for an unknown report, 400 naming a bad field, 401 signed out", async () => {
    const member = (await loadViewer(t.db, "full"))!;
    await expect(reportCsvResponse(t.db, member, "user-compliance", url("user-compliance", {}))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(reportCsvResponse(t.db, lead, "wallets", url("wallets", {}))).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(reportCsvResponse(t.db, lead, "skill-sets", url("skill-sets", { groupId: -1 }))).rejects.toMatchObject(
      {
        code: "BAD_INPUT",
        details: { fields: ["groupId"] },
      },
    );
    await expect(
      reportCsvResponse(t.db, lead, "skill-sets", new URL("http://x/reports/skill-sets/csv?input=%7B")),
    ).rejects.toMatchObject({
      code: "BAD_INPUT",
      details: { fields: ["input"] },
    });
    await expect(reportCsvResponse(t.db, null, "skill-sets", url("skill-sets", {}))).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
