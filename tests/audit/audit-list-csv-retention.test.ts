// Reading and keeping the audit log, on a real database: the superusers' list filters
// and pages by keyset, the CSV holds every matching row, others are refused, the purge
// keeps the retention window, and the write buffer is bounded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "~/server/audit/list";
import { AUDIT_BUFFER_MAX, closeAuditBuffer, droppedAuditEvents, flushAudit, recordAudit } from "~/server/audit/record";
import { purgeOldAuditEvents } from "~/server/audit/retention";
import type { CurrentUser } from "~/server/auth/session";
import { createDb } from "~/server/db/client";
import { createEsiClient } from "~/server/esi/client";
import { auditCsvResponse } from "~/server/reports/audit-csv";
import { loadViewer } from "~/server/access/viewer";
import { createJobs } from "~/server/jobs/definitions";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { type TestAppDeps, testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { bearerCall, createUser } from "../support/token-users";
import { startTrpcServer, type TrpcHttpServer } from "../support/trpc-http";

let t: TestDatabase;
let deps: TestAppDeps;
let server: TrpcHttpServer;
const users: Record<string, CurrentUser> = {};
const day = (d: number) => new Date(Date.UTC(2026, 10, d, 12));

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  users.root = await createUser(deps, 1, []);
  users.lead = await createUser(deps, 2, ["basic_access", "api_access", "characters_access", "view_everything"]);
  users.member = await createUser(deps, 3, ["basic_access"]);
  for (let d = 1; d <= 30; d++)
    recordAudit(t.db, {
      action: d % 3 === 0 ? "group.update" : "character.view",
      actorUserId: d % 2 === 0 ? users.lead!.id : users.root!.id,
      via: "session",
      characterId: d % 3 === 0 ? null : 3,
      detail: `d${d}`,
      at: day(d),
    });
  await flushAudit(t.db);
  server = await startTrpcServer(deps, users);
});
afterAll(async () => {
  await server?.close();
  await t?.drop();
});

describe("the audit list", () => {
  it("pages newest first by keyset, every row once", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents(t.db, { limit: 7, cursor });
      seen.push(...page.rows.map((r) => r.detail));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `d${30 - i}`));
  });

  it("filters by actor name, character, action and date range", async () => {
    const byActor = await listAuditEvents(t.db, { actor: "p2", limit: 200 });
    expect(byActor.rows.every((r) => r.actor?.userId === users.lead!.id)).toBe(true);
    expect(byActor.rows).toHaveLength(15);
    const byCharacter = await listAuditEvents(t.db, { character: "3", limit: 200 });
    expect(byCharacter.rows.map((r) => r.character?.name)).toEqual(Array(20).fill("P3"));
    const byAction = await listAuditEvents(t.db, { action: "group.update", limit: 200 });
    expect(byAction.rows).toHaveLength(10);
    const range = await listAuditEvents(t.db, { from: day(10), to: day(12), limit: 200 });
    expect(range.rows.map((r) => r.detail)).toEqual(["d12", "d11", "d10"]);
    expect((await listAuditEvents(t.db, { actor: "nobody-has-this-name", limit: 5 })).rows).toEqual([]);
  });

  it("is for superusers at the app only: members and tokens are refused", async () => {
    expect((await bearerCall(server.url, "user:member", "audit.list", "query", {})).status).toBe(403);
    expect((await bearerCall(server.url, "user:root", "audit.list", "query", {})).status).toBe(200);
    const minted = await bearerCall(server.url, "user:lead", "apiTokens.create", "mutation", {
      name: "x",
      expiresInDays: 1,
      permissions: ["basic_access"],
    });
    const token = (minted.body.result!.data!.json as { token: string }).token;
    expect((await bearerCall(server.url, token, "audit.list", "query", {})).status).toBe(403);
    const member = await loadViewer(t.db, users.member!.id);
    expect(() => auditCsvResponse(t.db, member, new URL("http://x/admin/audit/csv"))).toThrow(/Not found/);
  });

  it("downloads every matching row as CSV", async () => {
    const root = await loadViewer(t.db, users.root!.id);
    const input = encodeURIComponent(JSON.stringify({ action: "group.update" }));
    const response = auditCsvResponse(t.db, root, new URL(`http://x/admin/audit/csv?input=${input}`));
    const lines = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Time \(UTC\),Action,Actor,/);
    expect(lines.slice(1)).toHaveLength(10);
    expect(lines.slice(1).every((l) => l.includes(",group.update,"))).toBe(true);
    const bad = encodeURIComponent(JSON.stringify({ action: "nope" }));
    expect(() => auditCsvResponse(t.db, root, new URL(`http://x/admin/audit/csv?input=${bad}`))).toThrow(/action/);
  });

  it("names staff with no character by their directory name, finds them by it, and names the token", async () => {
    const staff = await t.db.user.create({
      data: { ldapDn: "uid=bob,ou=people,dc=example,dc=org", ldapUsername: "bob", displayName: "Bob Builder" },
    });
    const token = await t.db.apiToken.create({
      data: {
        userId: staff.id,
        name: "walk client",
        prefix: "b".repeat(10),
        secretHash: "not a real hash",
        permissions: ["characters_access"],
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    recordAudit(t.db, {
      action: "character.view",
      actorUserId: staff.id,
      via: "token",
      tokenId: token.id,
      characterId: 3,
      detail: "sheet.industry.get",
    });
    await flushAudit(t.db);
    const { rows } = await listAuditEvents(t.db, { actor: "builder", limit: 5 });
    expect(rows.map((r) => [r.actor?.name, r.via, r.token, r.character?.name, r.detail])).toEqual([
      ["Bob Builder", "token", { id: token.id, name: "walk client" }, "P3", "sheet.industry.get"],
    ]);
  });
});

describe("audit retention and the write buffer", () => {
  it("purges events older than the retention days, keeps the rest", async () => {
    const { deleted } = await purgeOldAuditEvents(t.db, 10, day(21));
    expect(deleted).toBe(10);
    const left = await t.db.auditEvent.findMany({ select: { detail: true }, orderBy: { at: "asc" } });
    expect(left[0]!.detail).toBe("d11");
  });

  it("runs daily as the purge-audit job with the configured days", async () => {
    const job = createJobs(() => ({ db: t.db, esi: deps.esi }), {
      sharingTimeoutMinutes: 0,
      auditRetentionDays: 1,
      engine: DEFAULT_ENGINE_SETTINGS,
    }).find((j) => j.id === "purge-audit")!;
    expect(job.trigger).toEqual({ cron: "41 3 * * *" });
    const result = await job.handler({
      event: { name: "inngest/scheduled.timer", data: {} },
      step: { run: (_id: string, fn: () => unknown) => Promise.resolve(fn()), sendEvent: async () => undefined },
      attempt: 0,
    } as never);
    expect(result).toMatchObject({ deleted: 20 }); // d11..d30 of November 2026, all older than a day
  });

  it("drops events past the bound instead of growing, and writes the rest", async () => {
    const db = createDb(t.url, 2);
    await flushAudit(t.db); // the earlier tests' events, buffered on the server's client
    const before = await db.auditEvent.count();
    // One synchronous burst: the first 1000 go to a flush; the next fill the buffer to its bound; the rest drop.
    for (let i = 0; i < AUDIT_BUFFER_MAX + 2000; i++)
      recordAudit(db, { action: "character.view", actorUserId: null, via: "system", detail: `burst ${i}` });
    expect(droppedAuditEvents(db)).toBe(1000);
    await closeAuditBuffer(db);
    expect((await db.auditEvent.count()) - before).toBe(AUDIT_BUFFER_MAX + 1000);
    await db.$disconnect();
  });
});
