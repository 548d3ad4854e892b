// The webhook procedures (admin.webhooks.*) are the admin area's: every one answers
// FORBIDDEN to every viewer who is not a superuser, whatever permissions they hold,
// and a superuser gets answers. They return no character data, only the masked URLs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
const esi = createEsiClient({ baseUrl: "http://127.0.0.1:9" });
const URL = "https://discord.com/api/webhooks/123/abc";

const CASES: { name: string; permissions: Permission[]; superuser?: boolean }[] = [
  { name: "member", permissions: ["basic_access"] },
  { name: "corp leadership", permissions: ["basic_access", "reports_access", "view_same_corporation"] },
  { name: "every permission", permissions: [...PERMISSION_NAMES] },
  { name: "superuser", permissions: [], superuser: true },
];

type Caller = ReturnType<typeof appRouter.createCaller>;
const PROCEDURES: Record<string, (caller: Caller) => Promise<unknown>> = {
  list: (c) => c.admin.webhooks.list(),
  set: (c) => c.admin.webhooks.set({ eventType: "character_removed", url: URL }),
  sendTest: (c) => c.admin.webhooks.sendTest({ eventType: "character_removed" }),
  remove: (c) => c.admin.webhooks.remove({ eventType: "character_removed" }),
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
afterAll(async () => {
  await esi.close();
  await t?.drop();
});

describe("admin.webhooks access", () => {
  it("covers every webhook procedure", () => {
    expect(Object.keys(PROCEDURES).sort()).toEqual(Object.keys(appRouter._def.record.admin.webhooks).sort());
  });

  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: ${c.superuser ? "answered" : "FORBIDDEN"} on every procedure`, async () => {
      const caller = appRouter.createCaller({
        deps: testAppDeps({ db: t.db, esi }),
        user: { id: `u${i}` } as CurrentUser,
      });
      for (const [name, call] of Object.entries(PROCEDURES)) {
        const outcome = await call(caller).then(
          () => "ok",
          (error: { code?: string }) => error.code,
        );
        expect([name, outcome]).toEqual([name, c.superuser ? "ok" : "FORBIDDEN"]);
      }
    });
  }
});
