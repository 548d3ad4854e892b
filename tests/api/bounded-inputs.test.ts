// The inputs issue 11 (finding 1) found answered 500, tried as written over HTTP: each is
// now the caller's 400 naming the field, or a 404 for an id that is not there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/server/auth/session";
import { registerCharacter, signInWithCharacter } from "~/server/characters/registration";
import { createEsiClient } from "~/server/esi/client";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startTrpcServer, type TrpcHttpServer } from "../support/trpc-http";

const ADMIN = 1;
const PILOT = 2;
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
const OUT_OF_RANGE_CURSOR = cursorOf(["-271821-04-20T00:00:00.000Z", "1"]);

let t: TestDatabase;
let server: TrpcHttpServer;
const users: Record<string, CurrentUser> = {};
const identity = (id: number): EveIdentity => ({
  characterId: id,
  characterName: `P${id}`,
  ownerHash: `o${id}`,
  scopes: [],
  expiresAt: new Date(),
});

async function answer(as: string, path: string, input: unknown, kind: "query" | "mutation" = "query") {
  const { status, text } = await server.call(as, path, kind, input);
  const error = (JSON.parse(text) as { error?: { json: { message: string; data: { fields?: string[] } } } }).error;
  return { status, message: error?.json.message, fields: error?.json.data.fields };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  for (const [name, id] of [
    ["admin", ADMIN],
    ["pilot", PILOT],
  ] as const) {
    const { userId } = await signInWithCharacter(deps, identity(id));
    await registerCharacter(deps, userId, identity(id), {
      refreshToken: "r",
      accessToken: "a",
      accessTokenExpiresAt: new Date(),
    });
    users[name] = (await t.db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { mainCharacter: true },
    })) as CurrentUser;
  }
  server = await startTrpcServer(deps, users);
});
afterAll(async () => {
  await server?.close();
  await t?.drop();
});

describe("bounded inputs", () => {
  it("refuse character ids past 32 bits with 400 naming characterId", async () => {
    for (const characterId of [2147483648, 9007199254740991]) {
      const refused = await answer("pilot", "sheet.overview.get", { characterId });
      expect(refused).toMatchObject({ status: 400, fields: ["characterId"] });
      expect(refused.message).toMatch(/^Invalid input: characterId: /);
    }
  });

  it("refuse a NUL byte and a lone surrogate in search text with 400 naming search", async () => {
    expect(await answer("admin", "admin.users", { search: "a\u0000b" })).toEqual({
      status: 400,
      message: "Invalid input: search: must not contain a NUL character",
      fields: ["search"],
    });
    expect(await answer("admin", "finder.search", { search: "\ud800x" })).toEqual({
      status: 400,
      message: "Invalid input: search: must not contain an unpaired surrogate",
      fields: ["search"],
    });
  });

  it("refuse dates out of range in wallet filters and in cursors", async () => {
    const from = await answer("pilot", "sheet.wallet.journal", { characterId: PILOT, from: new Date(-8.64e15) });
    expect(from).toMatchObject({ status: 400, fields: ["from"] });
    for (const path of ["sheet.wallet.journal", "sheet.mail.headers", "sheet.contracts.list"]) {
      const cursor = await answer("pilot", path, { characterId: PILOT, cursor: OUT_OF_RANGE_CURSOR });
      expect(cursor, path).toMatchObject({ status: 400, fields: ["cursor"] });
    }
  });

  it("refuse mail ids past 64 bits with 400 naming mailId", async () => {
    expect(await answer("pilot", "sheet.mail.read", { characterId: PILOT, mailId: "99999999999999999999" })).toEqual({
      status: 400,
      message: "Invalid input: mailId: must be a whole number between 0 and 9223372036854775807",
      fields: ["mailId"],
    });
  });

  it("answer unknown users and groups in the admin mutations with 404, and change nothing", async () => {
    const group = await t.db.group.findFirstOrThrow();
    const pilot = users.pilot!.id;
    const unknown = "c0000000000000000000000000";
    const calls: [string, object][] = [
      ["admin.setMembership", { groupId: unknown, userId: pilot, member: true }],
      ["admin.setMembership", { groupId: group.id, userId: unknown, member: true }],
      ["admin.setMembership", { groupId: unknown, userId: pilot, member: false }],
      ["admin.setSuperuser", { userId: unknown, isSuperuser: true }],
      ["admin.setActive", { userId: unknown, isActive: false }],
      ["admin.updateGroup", { id: unknown, name: "Nobody", permissions: [] }],
      ["admin.deleteGroup", { id: unknown }],
    ];
    const answers = [];
    for (const [path, input] of calls) answers.push({ path, ...(await answer("admin", path, input, "mutation")) });
    expect(answers.map((a) => [a.path, a.status, a.message])).toEqual([
      ["admin.setMembership", 404, "Group not found."],
      ["admin.setMembership", 404, "User not found."],
      ["admin.setMembership", 404, "Group not found."],
      ["admin.setSuperuser", 404, "User not found."],
      ["admin.setActive", 404, "User not found."],
      ["admin.updateGroup", 404, "Group not found."],
      ["admin.deleteGroup", 404, "Group not found."],
    ]);
    expect(await t.db.groupMembership.count({ where: { userId: pilot, groupId: group.id } })).toBe(1);
  });

  it("answer unknown skill sets and groups with 404, and a missing group a set names with 400", async () => {
    const set = { name: "Fitted", skills: [{ skillTypeId: 3300, requiredLevel: 1 }] };
    const unknownSet = await answer("admin", "skillSets.update", { id: 999_999, ...set }, "mutation");
    expect([unknownSet.status, unknownSet.message]).toEqual([404, "Skill set not found."]);
    const unknownGroup = await answer("admin", "skillSets.updateGroup", { id: 999_999, name: "Doctrine" }, "mutation");
    expect([unknownGroup.status, unknownGroup.message]).toEqual([404, "Skill set group not found."]);
    const naming = await answer("admin", "skillSets.create", { ...set, groupIds: [999_999] }, "mutation");
    expect(naming.status).toBe(400);
  });

  it("answer an input that is not JSON with 400, in words of our own", async () => {
    const broken = await server.callRaw("pilot", "sheet.overview.get", "query", "{");
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.text).error.json.message).toBe("Invalid input: input: not the JSON a tRPC client sends.");
  });
});
