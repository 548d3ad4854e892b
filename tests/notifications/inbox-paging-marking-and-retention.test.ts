// A user's notification centre over real PostgreSQL, through the tRPC router the pages
// use: paging unread first and newest first, the unread filter and count, marking read
// one by one and all at once, dedupe keys, another user's notifications never seen or
// marked, and the retention purge (also as its daily job).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { createJobs } from "~/server/jobs/definitions";
import { notify } from "~/server/notifications/notify";
import { purgeOldNotifications } from "~/server/notifications/retention";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
const esi = createEsiClient({ baseUrl: "http://127.0.0.1:9" });
const callerFor = (userId: string) =>
  appRouter.createCaller({ deps: testAppDeps({ db: t.db, esi }), user: { id: userId } as CurrentUser });
const base = Date.now();
const minutesAgo = (m: number) => new Date(base - m * 60_000);

/** Every row of the list, page by page, as titles. */
async function walk(userId: string, input: { order?: "unreadFirst" | "newest"; unreadOnly?: boolean; limit: number }) {
  const titles: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await callerFor(userId).notifications.list({ ...input, cursor });
    titles.push(...page.rows.map((r) => r.title));
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor && pages < 50);
  return { titles, pages };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.createMany({ data: [{ id: "alice" }, { id: "bob" }] });
  // n0 newest … n6 oldest; n1, n3 and n4 are read. Two share a timestamp, so the id breaks the tie.
  for (let i = 0; i < 7; i++)
    await notify(
      t.db,
      ["alice"],
      { event: "character_removed", level: "info", title: `n${i}`, message: "m" },
      minutesAgo(i === 3 ? 2 : i),
    );
  await t.db.notification.updateMany({ where: { title: { in: ["n1", "n3", "n4"] } }, data: { readAt: new Date() } });
  await notify(t.db, ["bob"], { event: "character_removed", level: "warning", title: "bob's", message: "m" });
});
afterAll(async () => {
  await esi.close();
  await t?.drop();
});

describe("the notification list", () => {
  it("pages unread first, each part newest first, without repeats or gaps", async () => {
    const { titles, pages } = await walk("alice", { limit: 2 });
    expect(titles.slice(0, 4)).toEqual(["n0", "n2", "n5", "n6"]);
    // Read ones after: n1 (1 min), n3 (2 min, same time as n2), n4.
    expect(titles.slice(4)).toEqual(["n1", "n3", "n4"]);
    expect(pages).toBe(4);
  });

  it("pages newest first across read and unread, and filters unread", async () => {
    const newest = await walk("alice", { order: "newest", limit: 3 });
    const [n2, n3] = await Promise.all(
      ["n2", "n3"].map((title) => t.db.notification.findFirstOrThrow({ where: { title } })),
    );
    const tie = n2!.id > n3!.id ? ["n2", "n3"] : ["n3", "n2"];
    expect(newest.titles).toEqual(["n0", "n1", ...tie, "n4", "n5", "n6"]);
    expect((await walk("alice", { unreadOnly: true, limit: 3 })).titles).toEqual(["n0", "n2", "n5", "n6"]);
  });

  it("refuses a cursor of the other order or a forged one as BAD_INPUT on cursor", async () => {
    const first = await callerFor("alice").notifications.list({ limit: 1, order: "newest" });
    await expect(
      callerFor("alice").notifications.list({ limit: 1, order: "unreadFirst", cursor: first.nextCursor! }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cursor") });
    await expect(callerFor("alice").notifications.list({ cursor: "bm90IGpzb24" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(callerFor("alice").notifications.list({ limit: 500 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("takes a null cursor as the first page (what the centre's refetch after marking sends)", async () => {
    const first = await callerFor("alice").notifications.list({ limit: 2 });
    const refetched = await callerFor("alice").notifications.list({ limit: 2, cursor: null });
    expect(refetched.rows.map((r) => r.title)).toEqual(first.rows.map((r) => r.title));
  });

  it("shows a user only their own notifications", async () => {
    expect((await walk("bob", { limit: 50 })).titles).toEqual(["bob's"]);
    expect((await walk("alice", { limit: 50 })).titles).not.toContain("bob's");
  });

  it("refuses callers who are not signed in", async () => {
    const anonymous = appRouter.createCaller({ deps: testAppDeps({ db: t.db, esi }), user: null });
    await expect(anonymous.notifications.unreadCount()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("marking read", () => {
  it("marks the user's own notifications read and counts the unread ones", async () => {
    const alice = callerFor("alice");
    expect(await alice.notifications.unreadCount()).toEqual({ unread: 4 });
    const n0 = await t.db.notification.findFirstOrThrow({ where: { title: "n0" } });
    expect(await alice.notifications.markRead({ ids: [n0.id, n0.id] })).toEqual({ marked: 1 });
    // Already read: nothing more to mark, and no error.
    expect(await alice.notifications.markRead({ ids: [n0.id] })).toEqual({ marked: 0 });
    expect(await alice.notifications.unreadCount()).toEqual({ unread: 3 });
  });

  it("refuses another user's notification as NOT_FOUND and marks nothing of the call", async () => {
    const bobs = await t.db.notification.findFirstOrThrow({ where: { userId: "bob" } });
    const n2 = await t.db.notification.findFirstOrThrow({ where: { title: "n2" } });
    await expect(callerFor("alice").notifications.markRead({ ids: [n2.id, bobs.id] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerFor("alice").notifications.markRead({ ids: ["no-such-id"] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: bobs.id } })).readAt).toBeNull();
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: n2.id } })).readAt).toBeNull();
    expect(await callerFor("bob").notifications.unreadCount()).toEqual({ unread: 1 });
  });

  it("refuses ids that are not bounded text as BAD_INPUT naming the field", async () => {
    await expect(callerFor("alice").notifications.markRead({ ids: [] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor("alice").notifications.markRead({ ids: ["x".repeat(65)] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("ids"),
    });
  });

  it("marks all of the user's notifications read and none of another's", async () => {
    expect(await callerFor("alice").notifications.markAllRead()).toEqual({ marked: 3 });
    expect(await callerFor("alice").notifications.unreadCount()).toEqual({ unread: 0 });
    expect(await callerFor("bob").notifications.unreadCount()).toEqual({ unread: 1 });
    expect((await walk("alice", { unreadOnly: true, limit: 5 })).titles).toEqual([]);
  });
});

describe("notify", () => {
  it("writes one row per user and drops a repeated dedupe key for the same user only", async () => {
    const notice = {
      event: "compliance_gained" as const,
      level: "success" as const,
      title: "compliant",
      message: "m",
      dedupeKey: "compliance:gained:1",
    };
    expect(await notify(t.db, ["alice", "bob", "alice"], notice)).toBe(2);
    expect(await notify(t.db, ["alice", "bob"], notice)).toBe(0);
    expect(await notify(t.db, ["alice"], { ...notice, dedupeKey: "compliance:gained:2" })).toBe(1);
    // Without a key the same facts may be told again.
    expect(
      await notify(t.db, ["bob"], { event: "character_removed", level: "info", title: "again", message: "m" }),
    ).toBe(1);
    expect(
      await notify(t.db, ["bob"], { event: "character_removed", level: "info", title: "again", message: "m" }),
    ).toBe(1);
    expect(await t.db.notification.count({ where: { title: "compliant" } })).toBe(3);
  });
});

describe("retention", () => {
  it("purges notifications older than the retention days, read or not, and keeps the rest", async () => {
    const day = 24 * 60;
    await notify(
      t.db,
      ["alice"],
      { event: "character_removed", level: "info", title: "old unread", message: "m" },
      minutesAgo(31 * day),
    );
    await notify(
      t.db,
      ["bob"],
      { event: "character_removed", level: "info", title: "old read", message: "m" },
      minutesAgo(40 * day),
    );
    await notify(
      t.db,
      ["alice"],
      { event: "character_removed", level: "info", title: "recent", message: "m" },
      minutesAgo(29 * day),
    );
    await t.db.notification.updateMany({ where: { title: "old read" }, data: { readAt: new Date() } });
    const before = await t.db.notification.count();
    expect(await purgeOldNotifications(t.db, 30)).toEqual({ deleted: 2 });
    expect(await t.db.notification.count()).toBe(before - 2);
    expect(await t.db.notification.count({ where: { title: { startsWith: "old" } } })).toBe(0);
    expect(await t.db.notification.count({ where: { title: "recent" } })).toBe(1);
  });

  it("runs daily as the purge-notifications job with the configured days", async () => {
    await notify(
      t.db,
      ["alice"],
      { event: "character_removed", level: "info", title: "a week old", message: "m" },
      minutesAgo(8 * 24 * 60),
    );
    const job = createJobs(() => ({ db: t.db, esi }), {
      sharingTimeoutMinutes: 0,
      notificationRetentionDays: 7,
      engine: DEFAULT_ENGINE_SETTINGS,
    }).find((j) => j.id === "purge-notifications")!;
    expect(job.trigger).toEqual({ cron: "23 3 * * *" });
    const result = await job.handler({
      event: { name: "inngest/scheduled.timer", data: {} },
      step: { run: (_id: string, fn: () => unknown) => Promise.resolve(fn()), sendEvent: async () => undefined },
      attempt: 0,
    } as never);
    expect(result).toMatchObject({ deleted: 2 }); // "a week old" and "recent" (29 days)
    expect(await t.db.notification.count({ where: { title: { in: ["a week old", "recent"] } } })).toBe(0);
  });
});
