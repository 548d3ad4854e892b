// Authorization matrix over the access filters (docs/architecture.md, principle 5): for each of the
// 12 permissions (and Member Audit's documented roles), viewers in different
// corporations/alliances see exactly what Member Audit's access rules say,
// evaluated by an independent oracle over the same fixture. Zero leaks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessibleUsersWhere,
  listableCharactersWhere,
  scopedCharactersWhere,
  viewableCharactersWhere,
} from "~/server/access/character-access";
import { Prisma } from "@prisma/client";
import { TRPCError } from "@trpc/server";
import { accessibleUserIdsSql, viewableCharactersSql } from "~/server/access/character-access-sql";
import { findCharacters } from "~/server/finder/character-finder";
import { searchItems } from "~/server/search/items";
import { searchMails } from "~/server/search/mails";
import { searchSkill } from "~/server/search/skills";
import { corporationComplianceReport } from "~/server/reports/corporation-compliance";
import { reportCsvResponse } from "~/server/reports/csv-export";
import { skillSetReport } from "~/server/reports/skill-set-report";
import { userComplianceReport } from "~/server/reports/user-compliance";
import { can, loadViewer, type Viewer } from "~/server/access/viewer";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createEsiClient } from "~/server/esi/client";
import { PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testAppDeps } from "../support/app-deps";

const CORP = { A1: 98000001, A2: 98000002, B: 98000003, NONE: 98000004 } as const;
const ALLIANCE: Record<number, number | null> = {
  [CORP.A1]: 99000001,
  [CORP.A2]: 99000001,
  [CORP.B]: 99000002,
  [CORP.NONE]: null,
};

interface FixtureUser {
  id: string;
  main: number;
  perms: Permission[];
  chars: Array<{ id: number; corp: number; registered: boolean; shared?: boolean }>;
}

// The main decides a user's organisation: several alts sit in other corporations on purpose.
const USERS: FixtureUser[] = [
  {
    id: "u1",
    main: 1,
    perms: ["basic_access", "share_characters"],
    chars: [
      { id: 1, corp: CORP.A1, registered: true },
      { id: 2, corp: CORP.B, registered: true, shared: true },
    ],
  },
  {
    id: "u2",
    main: 3,
    perms: ["basic_access"],
    chars: [
      { id: 3, corp: CORP.A1, registered: true },
      { id: 4, corp: CORP.NONE, registered: false },
    ],
  },
  {
    id: "u3",
    main: 5,
    perms: ["basic_access"],
    chars: [
      { id: 5, corp: CORP.A2, registered: true },
      { id: 6, corp: CORP.A2, registered: true },
    ],
  },
  {
    id: "u4",
    main: 7,
    perms: ["basic_access", "share_characters"],
    chars: [
      { id: 7, corp: CORP.B, registered: true },
      { id: 8, corp: CORP.A1, registered: true, shared: true },
    ],
  },
  // Shares a character but no longer holds share_characters: nobody else may see it as shared.
  {
    id: "u5",
    main: 9,
    perms: ["basic_access"],
    chars: [
      { id: 9, corp: CORP.NONE, registered: true },
      { id: 10, corp: CORP.NONE, registered: true, shared: true },
    ],
  },
  // No basic_access: outside every user-scoped listing.
  { id: "u6", main: 13, perms: [], chars: [{ id: 13, corp: CORP.A1, registered: true }] },
];
const ORPHAN = { id: 11, corp: CORP.A1 }; // registered, no owner any more
const VIEWER_CHAR = 12;
const VIEWER_CORPS = [CORP.A1, CORP.B, CORP.NONE];
const MATRIX_TYPE = 34;

let t: TestDatabase;
const ascending = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

async function setViewer(corp: number, perms: Permission[], superuser = false): Promise<Viewer> {
  await t.db.eveCharacter.update({
    where: { id: VIEWER_CHAR },
    data: { corporationId: corp, allianceId: ALLIANCE[corp] },
  });
  await t.db.user.update({ where: { id: "viewer" }, data: { isSuperuser: superuser } });
  await t.db.group.update({ where: { id: "g-viewer" }, data: { permissions: perms } });
  return (await loadViewer(t.db, "viewer"))!;
}

// ---- the oracle: Member Audit's rules over the fixture, in plain code ----
const allUsers = () => [...USERS, { id: "viewer", main: VIEWER_CHAR, perms: [] as Permission[], chars: [] }];
function mainCorp(u: { main: number }, viewerCorp: number) {
  return u.main === VIEWER_CHAR ? viewerCorp : USERS.flatMap((x) => x.chars).find((c) => c.id === u.main)!.corp;
}
function oracle(perms: Set<Permission>, viewerCorp: number) {
  const has = (p: Permission) => perms.has(p);
  const viewerAlliance = ALLIANCE[viewerCorp];
  const inOrg = (u: { main: number }) => {
    const corp = mainCorp(u, viewerCorp);
    if (has("view_same_alliance") && viewerAlliance !== null) return ALLIANCE[corp] === viewerAlliance;
    if (has("view_same_corporation")) return corp === viewerCorp;
    return false;
  };
  const userPerms = (u: FixtureUser | { id: string }) => ("perms" in u ? u.perms : []);
  const registered = [
    ...USERS.flatMap((u) => u.chars.filter((c) => c.registered).map((c) => ({ ...c, owner: u }))),
    {
      id: VIEWER_CHAR,
      corp: viewerCorp,
      registered: true,
      shared: false,
      owner: { id: "viewer", main: VIEWER_CHAR, perms: [] as Permission[], chars: [] },
    },
    { ...ORPHAN, registered: true, shared: false, owner: null },
  ];
  const sharedOk = (c: (typeof registered)[number]) =>
    Boolean(c.shared) && c.owner !== null && userPerms(c.owner).includes("share_characters");
  const basic = has("basic_access");
  const viewable = registered.filter(
    (c) =>
      basic &&
      (c.owner?.id === "viewer" ||
        (has("characters_access") && has("view_everything")) ||
        (has("characters_access") && c.owner !== null && inOrg(c.owner)) ||
        (has("view_shared_characters") && sharedOk(c))),
  );
  const users = allUsers().filter(
    (u) =>
      basic &&
      (u.id === "viewer" ||
        ((has("view_everything") || inOrg(u)) &&
          ("perms" in u && u.id !== "viewer" ? u.perms.includes("basic_access") : true))),
  );
  const listable = registered.filter(
    (c) =>
      basic &&
      (has("view_everything") ||
        (c.owner !== null && users.some((u) => u.id === c.owner!.id)) ||
        (has("view_shared_characters") && sharedOk(c))),
  );
  const scoped = registered.filter(
    (c) => has("view_everything") || c.owner?.id === "viewer" || (c.owner !== null && inOrg(c.owner)),
  );
  const ids = (xs: Array<{ id: number | string }>) => xs.map((x) => x.id).sort(ascending);
  // Reports: users in scope, their mains' corporations, and whether the viewer may open each main.
  const mainsViewable = users
    .map((u) => [u.id, viewable.some((c) => c.id === u.main)] as const)
    .sort((a, b) => ascending(a[0], b[0]));
  const corporations = [...new Set(users.map((u) => mainCorp(u, viewerCorp)))].sort(ascending);
  return {
    viewable: ids(viewable),
    users: ids(users),
    listable: ids(listable),
    scoped: ids(scoped),
    mainsViewable,
    corporations,
  };
}

async function actual(viewer: Viewer) {
  const chars = async (where: object) =>
    (await t.db.character.findMany({ where, select: { id: true } })).map((c) => c.id).sort(ascending);
  return {
    viewable: await chars(viewableCharactersWhere(viewer)),
    users: (await t.db.user.findMany({ where: accessibleUsersWhere(viewer), select: { id: true } }))
      .map((u) => u.id)
      .sort(ascending),
    listable: await chars(listableCharactersWhere(viewer)),
    scoped: await chars(scopedCharactersWhere(viewer)),
  };
}

/** The SQL forms the finder uses, and the finder itself over registered characters. */
async function actualSql(viewer: Viewer) {
  const [c, o] = [Prisma.raw("c"), Prisma.raw("o")];
  const users = await t.db.$queryRaw<{ id: string }[]>`SELECT id FROM (${accessibleUserIdsSql(viewer)}) scope`;
  const viewable = await t.db.$queryRaw<{ id: number }[]>`
    SELECT c.id FROM "Character" c LEFT JOIN "CharacterOwnership" o ON o."characterId" = c.id WHERE ${viewableCharactersSql(viewer, c, o)}`;
  const found = can(viewer, "finder_access")
    ? (await findCharacters(t.db, viewer, { status: "registered", limit: 200 })).rows
    : [];
  const compliance = (await userComplianceReport(t.db, viewer, { limit: 200 })).rows;
  const corporations = (await corporationComplianceReport(t.db, viewer, { limit: 200 })).rows;
  const skillRows = (await skillSetReport(t.db, viewer, { limit: 200 })).rows;
  // Search across characters: what the finder lists and the viewer may open (src/server/search/scope.ts).
  const searched = (rows: { character: { id: number } }[]) => rows.map((r) => r.character.id).sort(ascending);
  const search = {
    items: searched((await searchItems(t.db, viewer, { typeIds: [MATRIX_TYPE], limit: 200 })).rows),
    skills: searched((await searchSkill(t.db, viewer, { skillId: MATRIX_TYPE, limit: 200 })).rows),
    mails: searched((await searchMails(t.db, viewer, { subject: "matrix", limit: 200 })).rows),
  };
  return {
    search,
    reportUsers: compliance.map((r) => [r.userId, r.canView] as const).sort((a, b) => ascending(a[0], b[0])),
    reportCorporations: corporations.map((r) => r.corporation!.id).sort(ascending),
    reportCorporationUsers: corporations.reduce((n, r) => n + r.users, 0),
    reportSkillCharacters: skillRows.map((r) => r.character.id).sort(ascending),
    reportSkillOpenable: skillRows
      .filter((r) => r.canView)
      .map((r) => r.character.id)
      .sort(ascending),
    usersSql: users.map((u) => u.id).sort(ascending),
    viewableSql: viewable.map((r) => r.id).sort(ascending),
    finder: found.map((r) => r.id).sort(ascending),
    finderOpenable: found
      .filter((r) => r.canView)
      .map((r) => r.id)
      .sort(ascending),
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const allChars = [
    ...USERS.flatMap((u) => u.chars),
    { id: VIEWER_CHAR, corp: CORP.A1, registered: true },
    { ...ORPHAN, registered: true },
  ];
  for (const c of allChars) {
    await t.db.eveCharacter.create({
      data: { id: c.id, name: `c${c.id}`, corporationId: c.corp, allianceId: ALLIANCE[c.corp] },
    });
  }
  for (const u of [
    ...USERS,
    {
      id: "viewer",
      main: VIEWER_CHAR,
      perms: [] as Permission[],
      chars: [{ id: VIEWER_CHAR, corp: CORP.A1, registered: true }],
    },
  ]) {
    await t.db.user.create({ data: { id: u.id, mainCharacterId: u.main } });
    await t.db.group.create({
      data: { id: `g-${u.id}`, name: `group ${u.id}`, permissions: u.perms, members: { create: { userId: u.id } } },
    });
    for (const c of u.chars) {
      await t.db.characterOwnership.create({ data: { characterId: c.id, userId: u.id, ownerHash: `h${c.id}` } });
      if (c.registered)
        await t.db.character.create({ data: { id: c.id, isShared: "shared" in c && Boolean(c.shared) } });
    }
  }
  await t.db.character.create({ data: { id: ORPHAN.id } });
  // Every registered character has a skill set check, so the skill-set report could list any of them.
  const set = await t.db.skillSet.create({ data: { name: "Set", groups: { create: { name: "Group" } } } });
  const registered = await t.db.character.findMany({ select: { id: true } });
  await t.db.characterSkillSetCheck.createMany({
    data: registered.map((c) => ({ characterId: c.id, skillSetId: set.id, failedRequired: [], failedRecommended: [] })),
  });
  // ...and holds an item, knows a skill and got a mail, so a search could find any of them.
  const each = <T>(row: (id: number) => T) => registered.map((c) => row(c.id));
  await t.db.characterAsset.createMany({
    data: each((id) => ({
      characterId: id,
      itemId: BigInt(id),
      typeId: MATRIX_TYPE,
      quantity: 1,
      locationFlag: "Hangar",
      locationType: "station",
      isSingleton: false,
      locationId: 60003760n,
    })),
  });
  await t.db.characterSkill.createMany({
    data: each((id) => ({
      characterId: id,
      skillId: MATRIX_TYPE,
      activeSkillLevel: 1,
      trainedSkillLevel: 1,
      skillpointsInSkill: 1,
    })),
  });
  await t.db.characterMail.createMany({
    data: each((id) => ({
      characterId: id,
      mailId: BigInt(id),
      recipients: [],
      subject: "Matrix",
      isRead: false,
      timestamp: new Date(),
    })),
  });
});
afterAll(async () => t?.drop());

const ROLES: Record<string, Permission[]> = {
  "normal user": ["basic_access"],
  recruiter: ["basic_access", "finder_access", "view_shared_characters"],
  "corp leadership": ["basic_access", "reports_access", "view_same_corporation"],
  "alliance auditor": [
    "basic_access",
    "finder_access",
    "characters_access",
    "view_same_alliance",
    "notified_on_character_removal",
  ],
  "corp viewer": ["basic_access", "characters_access", "view_same_corporation"],
  "global auditor": ["basic_access", "characters_access", "view_everything"],
  "alliance + corp": ["basic_access", "characters_access", "view_same_alliance", "view_same_corporation"],
};

describe("character access matrix", () => {
  const cases: Array<[string, Permission[]]> = [
    ...PERMISSION_NAMES.map((p): [string, Permission[]] => [`only ${p}`, [p]]),
    ...PERMISSION_NAMES.filter((p) => p !== "basic_access").map((p): [string, Permission[]] => [
      `basic_access + ${p}`,
      ["basic_access", p],
    ]),
    ...PERMISSION_NAMES.filter((p) => p !== "basic_access" && p !== "characters_access").map(
      (p): [string, Permission[]] => [
        `basic_access + characters_access + ${p}`,
        ["basic_access", "characters_access", p],
      ],
    ),
    ...Object.entries(ROLES),
  ];

  it.each(VIEWER_CORPS)("viewer whose main is in corporation %i sees exactly what the rules allow", async (corp) => {
    let checked = 0;
    for (const [name, perms] of cases) {
      const viewer = await setViewer(corp, perms);
      const { mainsViewable, corporations, ...expected } = oracle(new Set(perms), corp);
      expect({ case: name, ...(await actual(viewer)) }).toEqual({ case: name, ...expected });
      const finder = perms.includes("finder_access") ? expected.listable : [];
      const searched = finder.filter((id) => expected.viewable.includes(id));
      expect({ case: name, ...(await actualSql(viewer)) }).toEqual({
        case: name,
        search: { items: searched, skills: searched, mails: searched },
        reportUsers: mainsViewable,
        reportCorporations: corporations,
        reportCorporationUsers: expected.users.length,
        reportSkillCharacters: expected.listable,
        reportSkillOpenable: expected.listable.filter((id) => expected.viewable.includes(id)),
        usersSql: expected.users,
        viewableSql: expected.viewable,
        finder,
        finderOpenable: finder.filter((id) => expected.viewable.includes(id)),
      });
      checked += 1;
    }
    expect(checked).toBe(cases.length);
  });

  it("spot checks: what each documented role sees", async () => {
    const recruiter = await actual(await setViewer(CORP.A1, ROLES.recruiter!));
    // Shared by owners holding share_characters (2 and 8), never 10 (owner lost the permission).
    expect(recruiter.viewable).toEqual([2, 8, VIEWER_CHAR]);
    const auditor = await actual(await setViewer(CORP.A1, ROLES["alliance auditor"]!));
    // Users whose MAIN is in alliance 99000001: u1 (alt 2 in another alliance included), u2, u3, u6 (no basic_access still viewable); not u4 whose alt 8 sits in A1.
    expect(auditor.viewable).toEqual([1, 2, 3, 5, 6, VIEWER_CHAR, 13]);
    expect(auditor.users).toEqual(["u1", "u2", "u3", "viewer"]);
    const global = await actual(await setViewer(CORP.NONE, ROLES["global auditor"]!));
    expect(global.viewable).toContain(ORPHAN.id);
    const nobody = await actual(await setViewer(CORP.A1, []));
    expect(nobody).toEqual({ viewable: [], users: [], listable: [], scoped: [VIEWER_CHAR] });
    // Member Audit's skill-set report lists everyone; ours keeps to the corp leader's scope.
    const leader = await setViewer(CORP.A1, ROLES["corp leadership"]!);
    const skillRows = (await skillSetReport(t.db, leader, {})).rows.map((r) => r.character.id).sort(ascending);
    expect(skillRows).toEqual([1, 2, 3, VIEWER_CHAR]);
  });

  it("superusers hold every permission", async () => {
    const viewer = await setViewer(CORP.B, [], true);
    expect([...viewer.permissions].sort()).toEqual([...PERMISSION_NAMES].sort());
    expect((await actual(viewer)).viewable).toHaveLength(
      USERS.flatMap((u) => u.chars).filter((c) => c.registered).length + 2,
    );
  });
});

// Every character-returning procedure of the sheet, called for every registered
// character: it answers for exactly the viewable ones and NOT_FOUND for the others.
// A viewable character may still be refused (FORBIDDEN) by a tab's own extra
// permission, such as view_skill_sets; a hidden one is never anything but NOT_FOUND.
describe("sheet procedures over the matrix", () => {
  const sheetPaths = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("sheet."));

  function callerFor() {
    const deps = testAppDeps({
      db: t.db,
      cipher: createTokenCipher({ current: Buffer.alloc(32, 3).toString("base64") }),
      esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }),
    });
    const caller = appRouter.createCaller({ deps, user: { id: "viewer" } as CurrentUser });
    return (path: string, input: unknown) => {
      const procedure = path.split(".").reduce<any>((node, key) => node[key], caller);
      return procedure(input) as Promise<unknown>;
    };
  }

  it("covers the sheet's procedures", () => {
    expect(sheetPaths.length).toBeGreaterThanOrEqual(2);
  });

  it.each(["recruiter", "alliance auditor"])(
    "%s: each sheet procedure answers exactly for the viewable characters",
    async (role) => {
      await setViewer(CORP.A1, ROLES[role]!);
      const allowed = new Set(oracle(new Set(ROLES[role]!), CORP.A1).viewable);
      const registered = [
        ...USERS.flatMap((u) => u.chars.filter((c) => c.registered).map((c) => c.id)),
        VIEWER_CHAR,
        ORPHAN.id,
      ];
      const call = callerFor();
      const leaks: string[] = [];
      for (const path of sheetPaths) {
        await Promise.all(
          registered.map(async (id) => {
            const outcome = await call(path, { characterId: id }).then(
              () => "ok",
              (error: unknown) => (error instanceof TRPCError ? error.code : `threw ${String(error)}`),
            );
            const expected = allowed.has(id) ? ["ok", "FORBIDDEN"] : ["NOT_FOUND"];
            if (!expected.includes(outcome))
              leaks.push(`${path}(${id}): ${outcome}, expected ${expected.join(" or ")}`);
          }),
        );
      }
      expect(leaks).toEqual([]);
    },
  );
});

// Every report procedure and CSV download, called as each documented role given
// reports_access: no row outside the viewer's scope, and none missing.
describe("report procedures over the matrix", () => {
  const reportPaths = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("reports."));

  it("covers the report procedures", () => {
    expect(reportPaths.sort()).toEqual([
      "reports.corporationCompliance",
      "reports.filterOptions",
      "reports.skillSets",
      "reports.userCompliance",
    ]);
  });

  const csvColumn = async (response: Response, header: string) => {
    const [head, ...lines] = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const index = head!.split(",").indexOf(header);
    return lines.map((line) => line.split(",")[index]!);
  };

  it.each(Object.keys(ROLES))("%s with reports_access: each report answers exactly the scope", async (role) => {
    const perms = [...ROLES[role]!, "reports_access" as const];
    const viewer = await setViewer(CORP.A1, perms);
    const expected = oracle(new Set(perms), CORP.A1);
    const deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
    const caller = appRouter.createCaller({ deps, user: { id: "viewer" } as CurrentUser }).reports;
    const users = (await caller.userCompliance({ limit: 200 })).rows;
    const corporations = (await caller.corporationCompliance({ limit: 200 })).rows;
    const skills = (await caller.skillSets({ limit: 200 })).rows;
    const options = await caller.filterOptions();
    expect({
      users: users.map((r) => r.userId).sort(ascending),
      corporations: corporations.map((r) => r.corporation!.id).sort(ascending),
      optionCorporations: options.corporations.map((c) => c.id).sort(ascending),
      skills: skills.map((r) => r.character.id).sort(ascending),
    }).toEqual({
      users: expected.users,
      corporations: expected.corporations,
      optionCorporations: expected.corporations,
      skills: expected.listable,
    });
    const url = (tab: string) => new URL(`http://x/reports/${tab}/csv?input=${encodeURIComponent("{}")}`);
    const mainIds = await csvColumn(
      await reportCsvResponse(t.db, viewer, "user-compliance", url("user-compliance")),
      "Main ID",
    );
    const mains = allUsers()
      .filter((u) => expected.users.includes(u.id))
      .map((u) => String(u.main));
    expect(mainIds.sort()).toEqual(mains.sort());
    const skillIds = await csvColumn(
      await reportCsvResponse(t.db, viewer, "skill-sets", url("skill-sets")),
      "Character ID",
    );
    expect(skillIds.map(Number).sort(ascending)).toEqual(expected.listable);
  });
});

// API tokens over the same matrix: a token acts as its holder narrowed to its own
// permissions, through the real procedure ladder (the context a bearer token builds).
// It sees exactly what the holder's permissions AND the token's allow: never more than
// either, whatever the token claims.
describe("API tokens over the matrix", () => {
  const TOKEN_NARROWINGS: Record<string, Permission[]> = {
    "everything the holder holds": [...PERMISSION_NAMES],
    "basic only": ["basic_access"],
    "shared only": ["basic_access", "view_shared_characters"],
    "corporation scope": ["basic_access", "characters_access", "view_same_corporation"],
    "claims view_everything": ["basic_access", "characters_access", "view_everything"],
  };

  function tokenCaller(tokenPerms: Permission[]) {
    const deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
    const grant = { tokenId: "t", userId: "viewer", permissions: new Set(tokenPerms), procedures: [] };
    const caller = appRouter.createCaller({
      deps,
      user: { id: "viewer" } as CurrentUser,
      auth: { via: "token", address: null, grant },
    });
    return (path: string, input: unknown) =>
      (path.split(".").reduce<any>((node, key) => node[key], caller)(input) as Promise<unknown>).then(
        () => "ok",
        (error: unknown) => (error instanceof TRPCError ? error.code : `threw ${String(error)}`),
      );
  }

  const registered = () => [
    ...USERS.flatMap((u) => u.chars.filter((c) => c.registered).map((c) => c.id)),
    VIEWER_CHAR,
    ORPHAN.id,
  ];

  it.each(Object.keys(ROLES))("holder %s: each token narrowing opens exactly the intersection", async (role) => {
    const holderPerms = [...ROLES[role]!, "api_access" as const];
    await setViewer(CORP.A1, holderPerms);
    const leaks: string[] = [];
    for (const [narrowing, tokenPerms] of Object.entries(TOKEN_NARROWINGS)) {
      const both = new Set(tokenPerms.filter((p) => holderPerms.includes(p)));
      const allowed = new Set(oracle(both, CORP.A1).viewable);
      const call = tokenCaller(tokenPerms);
      for (const id of registered()) {
        const outcome = await call("sheet.industry.get", { characterId: id });
        const expected = allowed.has(id) ? "ok" : both.has("basic_access") ? "NOT_FOUND" : "FORBIDDEN";
        if (outcome !== expected)
          leaks.push(`${narrowing}: sheet.industry.get(${id}) ${outcome}, expected ${expected}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it("a superuser's token is no superuser: admin and superuser procedures refuse it", async () => {
    await setViewer(CORP.A1, ["basic_access", "api_access"], true);
    const call = tokenCaller([...PERMISSION_NAMES]);
    expect(await call("admin.groups", undefined)).toBe("FORBIDDEN");
    expect(await call("audit.list", {})).toBe("FORBIDDEN");
    // Superuser rights are not permissions a token can carry: it sees what view_everything shows.
    expect(await call("sheet.industry.get", { characterId: ORPHAN.id })).toBe("ok");
    await setViewer(CORP.A1, []);
  });
});
