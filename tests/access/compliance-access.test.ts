// Every procedure of the compliance admin refuses (FORBIDDEN) whoever is not a superuser,
// whatever permissions they hold, and changes nothing for them; superusers get answers,
// 400 naming the field for bad rules, 404 for an unknown group.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { PERMISSION_NAMES } from "~/server/identity/permissions";
import { testAppDeps, type TestAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let deps: TestAppDeps;
let groupId: string;

const paths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("compliance."));
const inputs = (): Record<string, unknown> => ({
  "compliance.groups": undefined,
  "compliance.preview": { groupId, rules: {} },
  "compliance.save": { groupId, rules: {} },
});

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
  const everything = await t.db.group.create({ data: { name: "Everything", permissions: PERMISSION_NAMES } });
  groupId = everything.id;
  await t.db.user.create({ data: { id: "holder", memberships: { create: { groupId } } } });
  await t.db.user.create({ data: { id: "nobody" } });
  await t.db.user.create({ data: { id: "admin", isSuperuser: true } });
});
afterAll(async () => t?.drop());

describe("compliance admin access", () => {
  it("has an input for every procedure", () => {
    expect(paths.sort()).toEqual(Object.keys(inputs()).sort());
  });

  for (const userId of ["nobody", "holder"]) {
    it(`${userId === "holder" ? "a holder of every permission" : "a user without permissions"}: every procedure is FORBIDDEN and designates nothing`, async () => {
      for (const path of paths)
        expect({ path, outcome: await call(userId, path, inputs()[path]) }).toEqual({ path, outcome: "FORBIDDEN" });
      expect(await t.db.complianceGroup.count()).toBe(0);
    });
  }

  it("signed out: UNAUTHORIZED", async () => {
    const caller = appRouter.createCaller({ deps, user: null });
    await expect(caller.compliance.groups()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("a superuser gets answers, BAD_REQUEST naming the field for a bad rule, NOT_FOUND for an unknown group", async () => {
    for (const path of paths)
      expect({ path, outcome: await call("admin", path, inputs()[path]) }).toEqual({ path, outcome: "ok" });
    expect(await t.db.complianceGroup.count()).toBe(1);
    const caller = appRouter.createCaller({ deps, user: { id: "admin" } as CurrentUser });
    const bad = await caller.compliance
      .preview({ groupId, rules: { corporationAnyOf: [2 ** 31] } })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
    expect((bad as TRPCError).message).toContain("rules.corporationAnyOf.0");
    await expect(caller.compliance.preview({ groupId: "missing", rules: {} })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
