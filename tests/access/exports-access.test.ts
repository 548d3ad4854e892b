// Every procedure of the data exports refuses (FORBIDDEN) whoever lacks exports_access
// (with basic_access), whatever else they hold, and queues nothing for them; holders
// and superusers get answers, and a topic that does not exist is 400 naming the field.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";
import { testAppDeps, type TestAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let deps: TestAppDeps;

const withoutExports = PERMISSION_NAMES.filter((p) => p !== "exports_access");
const CASES: { name: string; permissions: Permission[]; superuser?: boolean; allowed: boolean }[] = [
  { name: "nothing", permissions: [], allowed: false },
  ...withoutExports.map((p) => ({ name: `only ${p}`, permissions: [p], allowed: false })),
  { name: "every other permission", permissions: withoutExports, allowed: false },
  { name: "exports_access without basic_access", permissions: ["exports_access"], allowed: false },
  { name: "exports_access", permissions: ["basic_access", "exports_access"], allowed: true },
  { name: "superuser", permissions: [], superuser: true, allowed: true },
];

const INPUTS: Record<string, unknown> = {
  "exports.overview": undefined,
  "exports.progress": undefined,
  "exports.build": { topic: "wallet_journal" },
};
const paths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("exports."));

function call(userId: string, path: string, input: unknown): Promise<string> {
  const caller = appRouter.createCaller({ deps, user: { id: userId } as CurrentUser });
  const procedure = path.split(".").reduce<any>((node, key) => node[key], caller);
  return (procedure(input) as Promise<unknown>).then(
    () => "ok",
    (error: unknown) => (error instanceof TRPCError ? error.code : `threw ${String(error)}`),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  for (const [i, c] of CASES.entries()) {
    const group = await t.db.group.create({ data: { name: `g${i}`, permissions: c.permissions } });
    await t.db.user.create({
      data: { id: `u${i}`, isSuperuser: c.superuser ?? false, memberships: { create: { groupId: group.id } } },
    });
  }
});
afterAll(async () => t?.drop());

describe("data exports access", () => {
  it("has an input for every procedure", () => {
    expect(paths.sort()).toEqual(Object.keys(INPUTS).sort());
  });

  for (const [i, c] of CASES.entries()) {
    if (c.allowed) continue;
    it(`${c.name}: every procedure is FORBIDDEN and nothing is built`, async () => {
      for (const path of paths)
        expect({ path, outcome: await call(`u${i}`, path, INPUTS[path]) }).toEqual({ path, outcome: "FORBIDDEN" });
      expect(await t.db.exportFile.count()).toBe(0);
      expect(deps.sentEvents).toEqual([]);
    });
  }

  it("holders of exports_access and superusers get answers; an unknown topic is 400 on topic", async () => {
    for (const [i, c] of CASES.entries()) {
      if (!c.allowed) continue;
      for (const path of ["exports.overview", "exports.progress"])
        expect({ who: c.name, path, outcome: await call(`u${i}`, path, INPUTS[path]) }).toMatchObject({
          outcome: "ok",
        });
    }
    const holder = `u${CASES.findIndex((c) => c.name === "exports_access")}`;
    expect(await call(holder, "exports.build", INPUTS["exports.build"])).toBe("ok");
    expect(deps.sentEvents.map((e) => e.name)).toEqual(["memberaudit/export.build"]);
    const caller = appRouter.createCaller({ deps, user: { id: holder } as CurrentUser });
    await expect(caller.exports.build({ topic: "passwords" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("topic"),
    });
  });
});
