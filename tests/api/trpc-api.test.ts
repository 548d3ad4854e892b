// The tRPC API over HTTP (the fetch adapter the app serves), with a real database:
// the procedure ladder, 400s naming the field, FORBIDDEN/NOT_FOUND, never a 500.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import type { CurrentUser } from "~/server/auth/session";
import { registerCharacter, signInWithCharacter } from "~/server/characters/registration";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import type { AppDeps } from "~/server/deps";
import { createEsiClient } from "~/server/esi/client";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testAppDeps } from "../support/app-deps";

let t: TestDatabase;
let deps: AppDeps;
const users: Record<string, CurrentUser> = {};
const identity = (id: number): EveIdentity => ({
  characterId: id,
  characterName: `P${id}`,
  ownerHash: `o${id}`,
  scopes: [],
  expiresAt: new Date(),
});

async function call(as: string | null, path: string, input: unknown, method: "GET" | "POST" = "POST") {
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
    createContext: async () => ({ deps, user: as ? users[as]! : null }),
  });
  const body = (await response.json()) as {
    error?: { json: { message: string; data: { httpStatus: number; fields?: string[] } } };
  };
  return { status: response.status, error: body.error?.json };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const cipher = createTokenCipher({ current: Buffer.alloc(32, 6).toString("base64") });
  deps = testAppDeps({
    db: t.db,
    cipher,
    esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }),
  });
  for (const [name, id] of [
    ["admin", 1],
    ["pilot", 2],
    ["other", 3],
  ] as const) {
    const { userId } = await signInWithCharacter({ db: t.db, cipher }, identity(id));
    await registerCharacter({ db: t.db, cipher }, userId, identity(id), {
      refreshToken: "r",
      accessToken: "a",
      accessTokenExpiresAt: new Date(),
    });
    users[name] = (await t.db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { mainCharacter: true },
    })) as CurrentUser;
  }
});
afterAll(async () => t?.drop());

describe("tRPC API", () => {
  it("refuses anonymous callers with 401", async () => {
    expect((await call(null, "characters.mine", undefined, "GET")).status).toBe(401);
  });

  it("answers invalid input with 400 naming the field", async () => {
    const bad = await call("pilot", "characters.remove", { characterId: "twelve" });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^Invalid input: characterId: /);
    expect(bad.error?.data.fields).toEqual(["characterId"]);
    const negative = await call("pilot", "characters.setShared", { characterId: -1, shared: "yes" });
    expect(negative.status).toBe(400);
    expect(negative.error?.data.fields).toEqual(["characterId", "shared"]);
  });

  it("answers a foreign or missing character with 404, the same for both", async () => {
    const foreign = await call("pilot", "characters.remove", { characterId: 3 });
    const missing = await call("pilot", "characters.remove", { characterId: 999999 });
    expect([foreign.status, missing.status]).toEqual([404, 404]);
    expect(foreign.error?.message).toBe(missing.error?.message);
    expect(await t.db.character.count({ where: { id: 3 } })).toBe(1);
  });

  it("keeps the admin area to superusers (403 otherwise)", async () => {
    expect((await call("pilot", "admin.groups", undefined, "GET")).status).toBe(403);
    expect((await call("admin", "admin.groups", undefined, "GET")).status).toBe(200);
    const dup = await call("admin", "admin.createGroup", { name: "Members", permissions: [] });
    expect(dup.status).toBe(400);
    expect(dup.error?.message).toContain("exists already");
    const badPermission = await call("admin", "admin.createGroup", { name: "X", permissions: ["root"] });
    expect(badPermission.status).toBe(400);
    expect(badPermission.error?.data.fields).toEqual(["permissions.0"]);
  });

  it("lets a member share own characters only", async () => {
    expect((await call("pilot", "characters.setShared", { characterId: 2, shared: true })).status).toBe(200);
    expect((await t.db.character.findUniqueOrThrow({ where: { id: 2 } })).isShared).toBe(true);
    expect((await call("pilot", "characters.setShared", { characterId: 3, shared: true })).status).toBe(404);
  });

  it("answers bad finder input with a clear 4xx", async () => {
    expect((await call("pilot", "finder.search", {}, "GET")).status).toBe(403);
    const oversized = await call("admin", "finder.search", { limit: 5000 }, "GET");
    expect(oversized.status).toBe(400);
    expect(oversized.error?.data.fields).toEqual(["limit"]);
    const cursor = await call("admin", "finder.search", { cursor: "not-a-cursor" }, "GET");
    expect(cursor.status).toBe(400);
    expect(cursor.error?.message).toMatch(/^Invalid input: cursor: /);
    expect((await call("admin", "finder.search", {}, "GET")).status).toBe(200);
  });
});
