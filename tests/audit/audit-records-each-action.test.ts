// The audit log over the app's tRPC HTTP handler and a real database: views of another
// user's character (session and token), changes of groups, memberships, superuser and
// active flags, token creation and revocation, sharing and removal each write a row;
// a look at one's own character does not; owners see who looked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/server/auth/session";
import { flushAudit } from "~/server/audit/record";
import { createEsiClient } from "~/server/esi/client";
import { type TestAppDeps, testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { bearerCall, createUser } from "../support/token-users";
import { startTrpcServer, type TrpcHttpServer } from "../support/trpc-http";

let t: TestDatabase;
let deps: TestAppDeps;
let server: TrpcHttpServer;
const users: Record<string, CurrentUser> = {};

const events = async (action: string) => {
  await flushAudit(t.db);
  return t.db.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });
};
const ok = async (as: string, path: string, kind: "query" | "mutation", input?: unknown) => {
  const answer = await bearerCall(server.url, as, path, kind, input);
  expect([path, answer.status]).toEqual([path, 200]);
  return answer.body.result?.data?.json as Record<string, unknown>;
};

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  users.root = await createUser(deps, 1, []);
  users.auditor = await createUser(deps, 2, ["basic_access", "api_access", "characters_access", "view_everything"]);
  users.owner = await createUser(deps, 3, ["basic_access", "share_characters"]);
  server = await startTrpcServer(deps, users);
});
afterAll(async () => {
  await server?.close();
  await t?.drop();
});

describe("the audit log records", () => {
  it("a view of another user's character, by session and by token, with procedure and address", async () => {
    await ok("user:auditor", "sheet.industry.get", "query", { characterId: 3 });
    await ok("user:auditor", "sheet.industry.get", "query", { characterId: 2 }); // own: not recorded
    const { token, id: tokenId } = (await ok("user:auditor", "apiTokens.create", "mutation", {
      name: "reader",
      expiresInDays: 1,
      permissions: ["basic_access", "characters_access", "view_everything"],
    })) as { token: string; id: string };
    await ok(token, "sheet.industry.get", "query", { characterId: 3 });
    const views = await events("character.view");
    expect(views.map((v) => [v.characterId, v.actorUserId, v.via, v.tokenId, v.detail, v.address])).toEqual([
      [3, users.auditor!.id, "session", null, "sheet.industry.get", "127.0.0.1"],
      [3, users.auditor!.id, "token", tokenId, "sheet.industry.get", "127.0.0.1"],
    ]);
  });

  it("shows the owner who looked, without the viewer's address", async () => {
    const seen = (await bearerCall(server.url, "user:owner", "audit.whoLookedAtMine", "query")).body.result!.data!
      .json as { actor: { name: string }; character: { id: number }; via: string }[];
    expect(seen.map((s) => [s.actor.name, s.character.id, s.via])).toEqual([
      ["P2", 3, "token"],
      ["P2", 3, "session"],
    ]);
    expect(JSON.stringify(seen)).not.toContain("127.0.0.1");
    const auditorSees = (await bearerCall(server.url, "user:auditor", "audit.whoLookedAtMine", "query")).body.result!
      .data!.json as unknown[];
    expect(auditorSees).toEqual([]);
  });

  it("token creation and revocation", async () => {
    const { id } = (await ok("user:auditor", "apiTokens.create", "mutation", {
      name: "short-lived",
      expiresInDays: 1,
      permissions: ["basic_access"],
    })) as { id: string };
    await ok("user:auditor", "apiTokens.revoke", "mutation", { id });
    expect((await events("token.create")).map((e) => e.detail)).toEqual([
      expect.stringMatching(/^reader \(/),
      expect.stringMatching(/^short-lived \(/),
    ]);
    expect((await events("token.revoke")).map((e) => [e.actorUserId, e.detail])).toEqual([
      [users.auditor!.id, expect.stringMatching(/^short-lived \(/)],
    ]);
  });

  it("changes of groups, memberships, superuser and active flags", async () => {
    const group = (await ok("user:root", "admin.createGroup", "mutation", {
      name: "Auditors",
      permissions: ["basic_access"],
    })) as { id: string };
    await ok("user:root", "admin.updateGroup", "mutation", {
      id: group.id,
      name: "Auditors",
      permissions: ["basic_access", "view_everything"],
    });
    await ok("user:root", "admin.setMembership", "mutation", {
      groupId: group.id,
      userId: users.owner!.id,
      member: true,
    });
    await ok("user:root", "admin.setMembership", "mutation", {
      groupId: group.id,
      userId: users.owner!.id,
      member: false,
    });
    await ok("user:root", "admin.setSuperuser", "mutation", { userId: users.owner!.id, isSuperuser: true });
    await ok("user:root", "admin.setSuperuser", "mutation", { userId: users.owner!.id, isSuperuser: false });
    await ok("user:root", "admin.setActive", "mutation", { userId: users.owner!.id, isActive: false });
    await ok("user:root", "admin.setActive", "mutation", { userId: users.owner!.id, isActive: true });
    await ok("user:root", "admin.deleteGroup", "mutation", { id: group.id });
    await flushAudit(t.db);
    const rows = await t.db.auditEvent.findMany({
      where: { actorUserId: users.root!.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.targetUserId, r.detail])).toEqual([
      ["group.create", null, "Auditors: basic_access"],
      ["group.update", null, "Auditors: basic_access, view_everything"],
      ["membership.add", users.owner!.id, group.id],
      ["membership.remove", users.owner!.id, group.id],
      ["user.superuser", users.owner!.id, "true"],
      ["user.superuser", users.owner!.id, "false"],
      ["user.active", users.owner!.id, "false"],
      ["user.active", users.owner!.id, "true"],
      ["group.delete", null, group.id],
    ]);
  });

  it("sharing and removal of a character", async () => {
    await ok("user:owner", "characters.setShared", "mutation", { characterId: 3, shared: true });
    await ok("user:owner", "characters.setShared", "mutation", { characterId: 3, shared: false });
    await ok("user:owner", "characters.remove", "mutation", { characterId: 3 });
    await flushAudit(t.db);
    const rows = await t.db.auditEvent.findMany({ where: { actorUserId: users.owner!.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.characterId])).toEqual([
      ["character.share", 3],
      ["character.unshare", 3],
      ["character.remove", 3],
    ]);
  });
});
