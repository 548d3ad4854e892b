// Every procedure of the administrators' character list refuses (FORBIDDEN) whoever lacks
// manage_characters, whatever else they hold, and does nothing for them; holders and
// superusers get answers, 400 naming the field for bad input, 404 for unknown ids.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";
import { testAppDeps, type TestAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";

const CHARACTER = 90000001;
let t: TestDatabase;
let deps: TestAppDeps;

const withoutManage = PERMISSION_NAMES.filter((p) => p !== "manage_characters");
const CASES: { name: string; permissions: Permission[]; superuser?: boolean; allowed: boolean }[] = [
  { name: "nothing", permissions: [], allowed: false },
  ...withoutManage.map((p) => ({ name: `only ${p}`, permissions: [p], allowed: false })),
  { name: "every other permission", permissions: withoutManage, allowed: false },
  { name: "manage_characters", permissions: ["manage_characters"], allowed: true },
  { name: "superuser", permissions: [], superuser: true, allowed: true },
];

/** Input each procedure's schema accepts. */
const INPUTS: Record<string, unknown> = {
  "adminCharacters.list": {},
  "adminCharacters.filterOptions": undefined,
  "adminCharacters.sections": { characterId: CHARACTER },
  "adminCharacters.updateNow": { characterIds: [CHARACTER] },
  "adminCharacters.enable": { characterIds: [CHARACTER] },
  "adminCharacters.disable": { characterIds: [CHARACTER] },
  "adminCharacters.resetTokenNotification": { characterIds: [CHARACTER] },
  "adminCharacters.delete": { characterIds: [CHARACTER] },
};
const paths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("adminCharacters."));

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
  await t.db.eveCharacter.create({ data: { id: CHARACTER, name: "Target" } });
  await t.db.character.create({ data: { id: CHARACTER } });
});
afterAll(async () => t?.drop());

describe("administrators' character list access", () => {
  it("has an input for every procedure", () => {
    expect(paths.sort()).toEqual(Object.keys(INPUTS).sort());
  });

  for (const [i, c] of CASES.entries()) {
    if (c.allowed) continue;
    it(`${c.name}: every procedure is FORBIDDEN and changes nothing`, async () => {
      for (const path of paths)
        expect({ path, outcome: await call(`u${i}`, path, INPUTS[path]) }).toEqual({ path, outcome: "FORBIDDEN" });
      const character = await t.db.character.findUnique({ where: { id: CHARACTER } });
      expect(character).toMatchObject({ isEnabled: true });
      expect(deps.sentEvents).toEqual([]);
    });
  }

  it("holders of manage_characters and superusers get answers", async () => {
    for (const [i, c] of CASES.entries()) {
      if (!c.allowed) continue;
      for (const path of ["adminCharacters.list", "adminCharacters.filterOptions", "adminCharacters.sections"])
        expect({ who: c.name, path, outcome: await call(`u${i}`, path, INPUTS[path]) }).toEqual({
          who: c.name,
          path,
          outcome: "ok",
        });
    }
    const manager = `u${CASES.findIndex((c) => c.name === "manage_characters")}`;
    expect(await call(manager, "adminCharacters.disable", INPUTS["adminCharacters.disable"])).toBe("ok");
    expect((await t.db.character.findUnique({ where: { id: CHARACTER } }))!.isEnabled).toBe(false);
  });

  it("answers bad input with 400 naming the field, unknown ids with 404", async () => {
    const manager = `u${CASES.findIndex((c) => c.name === "manage_characters")}`;
    const caller = appRouter.createCaller({ deps, user: { id: manager } as CurrentUser });
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: TRPCError) => ({ code: e.code, message: e.message }),
      );
    expect(await refusal(caller.adminCharacters.sections({ characterId: 2 ** 31 }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("characterId"),
    });
    expect(await refusal(caller.adminCharacters.updateNow({ characterIds: [] }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("characterIds"),
    });
    expect(await refusal(caller.adminCharacters.list({ search: "a\u0000b" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("search"),
    });
    expect(await refusal(caller.adminCharacters.list({ cursor: "nonsense" }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("cursor"),
    });
    expect(await refusal(caller.adminCharacters.sections({ characterId: 12345 }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
