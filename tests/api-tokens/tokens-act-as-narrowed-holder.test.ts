// API tokens over the app's real tRPC HTTP handler and a real database: a token acts
// as its holder narrowed to its permissions and procedure list; expired, revoked,
// malformed and deactivated-holder tokens are 401; session-only procedures refuse
// tokens; the rate limit answers 429 with Retry-After; only the hash is stored.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "~/server/api-tokens/rate-limit";
import { hashSecret } from "~/server/api-tokens/secret";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { type TestAppDeps, testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { allColumnsText, bearerCall, createUser } from "../support/token-users";
import { startTrpcServer, type TrpcHttpServer } from "../support/trpc-http";
import { captureLogs } from "../support/log-capture";

let t: TestDatabase;
let deps: TestAppDeps;
let server: TrpcHttpServer;
let limited: TrpcHttpServer;
const users: Record<string, CurrentUser> = {};
const logged: string[] = [];
let logs: ReturnType<typeof captureLogs>;

async function mint(as: string, input: Record<string, unknown>, on = server) {
  const answer = await bearerCall(on.url, `user:${as}`, "apiTokens.create", "mutation", {
    name: "client",
    expiresInDays: 30,
    ...input,
  });
  if (answer.status !== 200) throw new Error(`mint failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.result!.data!.json as { id: string; token: string; prefix: string };
}

beforeAll(async () => {
  for (const level of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(" ")));
  logs = captureLogs();
  t = await createTestDatabase();
  deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  users.root = await createUser(deps, 1, []); // first user: superuser
  users.lead = await createUser(deps, 2, ["basic_access", "api_access", "characters_access", "view_everything"]);
  users.member = await createUser(deps, 3, ["basic_access"]);
  users.client = await createUser(deps, 4, ["basic_access", "api_access"]);
  server = await startTrpcServer(deps, users);
  limited = await startTrpcServer(deps, users, createRateLimiter(2));
});
afterAll(async () => {
  await server?.close();
  await limited?.close();
  await t?.drop();
  vi.restoreAllMocks();
  logs?.restore();
});

describe("API tokens", () => {
  it("acts as the holder: the holder's own rules reach another member's character", async () => {
    const { token } = await mint("lead", { permissions: ["basic_access", "characters_access", "view_everything"] });
    const answer = await bearerCall(server.url, token, "sheet.industry.get", "query", { characterId: 3 });
    expect(answer.status).toBe(200);
    const mine = await bearerCall(server.url, token, "characters.mine", "query");
    expect((mine.body.result!.data!.json as { id: number }[]).map((c) => c.id)).toEqual([2]);
  });

  it("narrows to the token's permissions: without the scope the same character is 404", async () => {
    const { token } = await mint("lead", { permissions: ["basic_access"] });
    expect((await bearerCall(server.url, token, "sheet.industry.get", "query", { characterId: 3 })).status).toBe(404);
    expect((await bearerCall(server.url, token, "sheet.industry.get", "query", { characterId: 2 })).status).toBe(200);
  });

  it("narrows to the token's procedure list", async () => {
    const { token } = await mint("lead", {
      permissions: ["basic_access", "characters_access", "view_everything"],
      procedures: ["characters.mine"],
    });
    expect((await bearerCall(server.url, token, "characters.mine", "query")).status).toBe(200);
    const other = await bearerCall(server.url, token, "sheet.industry.get", "query", { characterId: 2 });
    expect(other.status).toBe(403);
    expect(other.body.error?.json.data.reason).toBe("token-procedure");
  });

  it("never grants more than the holder holds, at creation or later", async () => {
    const refused = await bearerCall(server.url, "user:client", "apiTokens.create", "mutation", {
      name: "x",
      expiresInDays: 1,
      permissions: ["basic_access", "view_everything"],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.json.data.fields).toEqual(["permissions"]);
    // A holder who loses a permission narrows their tokens with it; losing api_access ends them.
    const { token } = await mint("client", { permissions: ["basic_access", "api_access"] });
    expect((await bearerCall(server.url, token, "characters.mine", "query")).status).toBe(200);
    await t.db.group.update({ where: { name: "g4" }, data: { permissions: ["basic_access"] } });
    expect((await bearerCall(server.url, token, "characters.mine", "query")).status).toBe(401);
    await t.db.group.update({ where: { name: "g4" }, data: { permissions: ["basic_access", "api_access"] } });
  });

  it("refuses expired, revoked and malformed tokens with 401", async () => {
    const expired = await mint("client", { permissions: ["basic_access"] });
    await t.db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await bearerCall(server.url, expired.token, "characters.mine", "query")).status).toBe(401);

    const revoked = await mint("client", { permissions: ["basic_access"] });
    expect((await bearerCall(server.url, revoked.token, "characters.mine", "query")).status).toBe(200);
    const revoke = await bearerCall(server.url, "user:client", "apiTokens.revoke", "mutation", { id: revoked.id });
    expect(revoke.status).toBe(200);
    expect((await bearerCall(server.url, revoked.token, "characters.mine", "query")).status).toBe(401);

    const wrongSecret = `${revoked.token.slice(0, -4)}AAAA`;
    for (const bad of [wrongSecret, "not-a-token", `ma_${"x".repeat(10)}_${"y".repeat(43)}`])
      expect((await bearerCall(server.url, bad, "characters.mine", "query")).status).toBe(401);
  });

  it("refuses the tokens of a deactivated holder with 401", async () => {
    const { token } = await mint("client", { permissions: ["basic_access"] });
    expect((await bearerCall(server.url, token, "characters.mine", "query")).status).toBe(200);
    await bearerCall(server.url, "user:root", "admin.setActive", "mutation", {
      userId: users.client!.id,
      isActive: false,
    });
    expect((await bearerCall(server.url, token, "characters.mine", "query")).status).toBe(401);
    await t.db.user.update({ where: { id: users.client!.id }, data: { isActive: true } });
  });

  it("refuses admin and session-only procedures, even a superuser's token", async () => {
    await t.db.group.create({ data: { name: "root-api", permissions: ["api_access"] } });
    const { token } = await mint("root", { permissions: ["basic_access", "api_access", "view_everything"] });
    for (const [path, kind, input] of [
      ["admin.groups", "query", undefined],
      ["admin.setSuperuser", "mutation", { userId: users.member!.id, isSuperuser: true }],
      ["apiTokens.create", "mutation", { name: "y", expiresInDays: 1, permissions: ["basic_access"] }],
      ["apiTokens.list", "query", undefined],
      ["characters.setShared", "mutation", { characterId: 1, shared: true }],
      ["characters.remove", "mutation", { characterId: 1 }],
      ["adminCharacters.delete", "mutation", { characterIds: [3] }],
    ] as const) {
      const answer = await bearerCall(server.url, token, path, kind, input);
      expect([path, answer.status, answer.body.error?.json.data.reason]).toEqual([path, 403, "session-only"]);
    }
    expect((await t.db.user.findUniqueOrThrow({ where: { id: users.member!.id } })).isSuperuser).toBe(false);
    expect(await t.db.character.count({ where: { id: 3 } })).toBe(1);
  });

  it("answers 429 with Retry-After past the token's rate", async () => {
    const { token } = await mint("client", { permissions: ["basic_access"] }, limited);
    expect((await bearerCall(limited.url, token, "characters.mine", "query")).status).toBe(200);
    expect((await bearerCall(limited.url, token, "characters.mine", "query")).status).toBe(200);
    const third = await bearerCall(limited.url, token, "characters.mine", "query");
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(third.body.error?.json.data.reason).toBe("token-rate-limit");
    // Another token has its own bucket; session callers are not limited.
    const other = await mint("client", { permissions: ["basic_access"] }, limited);
    expect((await bearerCall(limited.url, other.token, "characters.mine", "query")).status).toBe(200);
  });

  it("stores only the hash: the secret is in no column and no log line; last use is shown", async () => {
    const { token, id } = await mint("client", { permissions: ["basic_access"] });
    await bearerCall(server.url, token, "characters.mine", "query");
    const secret = token.slice("ma_".length + 10 + 1);
    expect(await allColumnsText(t.db)).not.toContain(secret);
    expect([...logged, ...logs.raw].join("\n")).not.toContain(secret);
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.secretHash).toBe(hashSecret(secret));
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.lastUsedAddress).toBe("127.0.0.1");
    const listed = await bearerCall(server.url, "user:client", "apiTokens.list", "query");
    expect(JSON.stringify(listed.body)).not.toContain(row.secretHash);
  });

  it("keeps tokens to holders of api_access", async () => {
    const answer = await bearerCall(server.url, "user:member", "apiTokens.create", "mutation", {
      name: "z",
      expiresInDays: 1,
      permissions: ["basic_access"],
    });
    expect(answer.status).toBe(403);
  });
});
