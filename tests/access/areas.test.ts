// Who may use an area is written once (access/areas.ts): the header's links come from
// usableAreas, and each area's router refuses exactly the viewers the rule refuses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AREAS, type Area, mayUse, usableAreas } from "~/server/access/areas";
import { loadViewer } from "~/server/access/viewer";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import type { Permission } from "~/server/identity/permissions";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;

const CASES: { name: string; permissions: Permission[]; superuser?: boolean }[] = [
  { name: "nothing", permissions: [] },
  { name: "member", permissions: ["basic_access"] },
  // The header once showed the finder to this viewer while page and router refused it.
  { name: "finder without basic access", permissions: ["finder_access"] },
  { name: "recruiter", permissions: ["basic_access", "finder_access"] },
  { name: "skill set reader", permissions: ["view_skill_sets"] },
  { name: "character manager", permissions: ["manage_characters"] },
  { name: "status viewer", permissions: ["view_status"] },
  { name: "reports without basic access", permissions: ["reports_access"] },
  { name: "corp leadership", permissions: ["basic_access", "reports_access", "view_same_corporation"] },
  { name: "exporter", permissions: ["basic_access", "exports_access"] },
  { name: "superuser", permissions: [], superuser: true },
];

/** One procedure of each area, called with input its schema accepts. */
const PROBES: Record<Area, (caller: ReturnType<typeof appRouter.createCaller>) => Promise<unknown>> = {
  finder: (caller) => caller.finder.filterOptions(),
  search: (caller) => caller.search.types({ query: "Rorqual" }),
  reports: (caller) => caller.reports.filterOptions(),
  skillSets: (caller) => caller.skillSets.list(),
  characters: (caller) => caller.adminCharacters.filterOptions(),
  status: (caller) => caller.status.overview(),
  exports: (caller) => caller.exports.progress(),
  admin: (caller) => caller.admin.groups(),
};

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [i, c] of CASES.entries()) {
    const group = await t.db.group.create({ data: { name: `g${i}`, permissions: c.permissions } });
    await t.db.user.create({
      data: { id: `u${i}`, isSuperuser: c.superuser ?? false, memberships: { create: { groupId: group.id } } },
    });
  }
});
afterAll(async () => t?.drop());

describe("areas", () => {
  it("cover every area with a probe", () => {
    expect(Object.keys(PROBES).sort()).toEqual(Object.keys(AREAS).sort());
  });

  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: the routers admit exactly the areas the rule and the header give`, async () => {
      const viewer = (await loadViewer(t.db, `u${i}`))!;
      const deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
      const caller = appRouter.createCaller({ deps, user: { id: `u${i}` } as CurrentUser });
      const admitted: Area[] = [];
      for (const area of Object.keys(PROBES) as Area[]) {
        const outcome = await PROBES[area](caller).then(
          () => "ok",
          (error: { code?: string }) => error.code,
        );
        if (outcome === "ok") admitted.push(area);
        else expect(outcome).toBe("FORBIDDEN");
      }
      expect(admitted).toEqual(usableAreas(viewer));
      expect(admitted).toEqual((Object.keys(AREAS) as Area[]).filter((a) => mayUse(viewer, a)));
    });
  }

  it("give the finder to recruiters only, not to holders of finder_access alone", async () => {
    const alone = (await loadViewer(t.db, "u2"))!;
    const recruiter = (await loadViewer(t.db, "u3"))!;
    expect([mayUse(alone, "finder"), mayUse(recruiter, "finder")]).toEqual([false, true]);
  });
});
