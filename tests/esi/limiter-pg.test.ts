// The shared limiter on a real PostgreSQL: reservations are atomic across
// independent connection pools (as across processes), pauses recorded by one are
// honoured by all, the error-limit threshold counts requests in flight, and late
// (out-of-order) responses never make a bucket look fuller than it is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "~/server/db/client";
import { type BucketRef, DEFAULT_LIMITER_SETTINGS, PgLimiterStore, type Ticket } from "~/server/esi/limiter";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let other: Db;
let a: PgLimiterStore;
let b: PgLimiterStore;
const settings = { ...DEFAULT_LIMITER_SETTINGS, probeIntervalMs: 60_000 };

const bucket = (group: string, subject = "42"): BucketRef => ({
  key: `${group}:${subject}`,
  group,
  subject,
  metered: true,
});

async function go(store: PgLimiterStore, ref: BucketRef | undefined): Promise<Ticket> {
  const admission = await store.admit(ref, 2);
  if (admission.kind !== "go") throw new Error(`expected admission, got ${JSON.stringify(admission)}`);
  return admission.ticket;
}

/** A bucket measured by one response: limit and remaining as ESI reported them. */
async function measured(ref: BucketRef, limit: number, remaining: number): Promise<void> {
  const ticket = await go(a, ref);
  await a.settle(
    ticket,
    { status: 200, rate: { group: ref.group, limit, windowSeconds: 900, remaining, used: 2 } },
    ref,
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  // A second pool stands in for a second process.
  other = createDb(t.url, 8);
  a = new PgLimiterStore(t.db, settings);
  b = new PgLimiterStore(other, settings);
});
afterAll(async () => {
  await other?.$disconnect();
  await t?.drop();
});

describe("PostgreSQL limiter", () => {
  it("an unknown bucket admits one probe at a time, then learns limit and remaining", async () => {
    const ref = bucket("char-probe");
    const probe = await go(a, ref);
    expect(probe.probe).toBe(true);
    const second = await b.admit(ref, 2);
    expect(second).toMatchObject({ kind: "blocked", reason: "probe" });
    await a.settle(
      probe,
      { status: 200, rate: { group: "char-probe", limit: 150, windowSeconds: 900, remaining: 148, used: 2 } },
      ref,
    );
    const row = await t.db.esiRateBucket.findUniqueOrThrow({ where: { key: ref.key } });
    expect(row).toMatchObject({ limit: 150, remaining: 148, inFlight: 0, probeAt: null });
    expect((await go(b, ref)).probe).toBe(false);
  });

  it("concurrent reservations from two pools never overspend a bucket", async () => {
    const ref = bucket("char-small");
    await measured(ref, 20, 20);
    // 60 requests at once, half through each pool: 20 tokens, 5 kept in reserve, 2 per request.
    const admissions = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).admit(ref, 2)));
    const admitted = admissions.filter((x) => x.kind === "go");
    expect(admitted).toHaveLength(7);
    const row = await t.db.esiRateBucket.findUniqueOrThrow({ where: { key: ref.key } });
    expect(row.remaining).toBe(6);
    expect(row.inFlight).toBe(14);
    const refused = admissions.find((x) => x.kind === "blocked");
    expect(refused).toMatchObject({ limit: "rate-limit", reason: "budget" });
  });

  it("a 429 pauses the bucket for every process until Retry-After, and only that bucket", async () => {
    const ref = bucket("char-wallet");
    await measured(ref, 150, 100);
    const ticket = await go(a, ref);
    await a.settle(ticket, { status: 429, retryAfterSeconds: 40, rate: { group: "char-wallet" } }, ref);
    const blocked = await b.admit(ref, 2);
    expect(blocked).toMatchObject({ kind: "blocked", reason: "paused", limit: "rate-limit", bucket: ref.key });
    if (blocked.kind === "blocked") expect(blocked.untilMs - blocked.nowMs).toBeGreaterThan(38_000);
    expect((await b.admit(bucket("char-wallet", "43"), 2)).kind).toBe("go");
  });

  it("a 429 on a route without a known group pauses that route for the character", async () => {
    const route: BucketRef = { key: "route:GET /x:42", group: "route:GET /x", subject: "42", metered: false };
    const ticket = await go(a, route);
    await a.settle(ticket, { status: 429, retryAfterSeconds: 5 }, route);
    expect(await b.admit(route, 2)).toMatchObject({ kind: "blocked", reason: "paused" });
  });

  it("the error limit: stops at the threshold counting the process's requests in flight; a 420 pauses everyone", async () => {
    // Fresh stores: the earlier tests left reservations unsettled on purpose.
    const own = new PgLimiterStore(t.db, settings);
    const peer = new PgLimiterStore(other, settings);
    // 11 errors left: one request may go (should it fail, 10 are left); a second in flight could leave 9.
    const first = await go(own, undefined);
    await own.settle(first, { status: 200, errorLimit: { remain: 11, resetSeconds: 50 } }, undefined);
    const inFlight = await go(own, undefined);
    const refused = await own.admit(undefined, 2);
    expect(refused).toMatchObject({ kind: "blocked", limit: "error-limit", reason: "budget" });
    if (refused.kind === "blocked") expect(refused.untilMs - refused.nowMs).toBeGreaterThan(45_000);
    await own.settle(inFlight, { status: 200, errorLimit: { remain: 11, resetSeconds: 50 } }, undefined);
    // An error takes one off for everyone: 10 left, nobody may send until the reset.
    const failing = await go(peer, undefined);
    await peer.settle(failing, { status: 500 }, undefined);
    expect(await own.admit(bucket("char-x"), 2)).toMatchObject({
      kind: "blocked",
      limit: "error-limit",
      reason: "budget",
    });
    // A 420 pauses every process until its reset.
    await t.db.esiErrorLimit.update({ where: { id: 1 }, data: { remain: null, resetAt: null } });
    const again = await go(peer, undefined);
    await peer.settle(again, { status: 420, errorLimit: { remain: 0, resetSeconds: 30 } }, undefined);
    const blocked = await own.admit(bucket("char-anything"), 2);
    expect(blocked).toMatchObject({ kind: "blocked", limit: "error-limit", reason: "paused" });
    if (blocked.kind === "blocked") expect(blocked.untilMs - blocked.nowMs).toBeGreaterThan(28_000);
    // Clean up for the other tests: the window is over.
    await t.db.esiErrorLimit.update({ where: { id: 1 }, data: { pausedUntil: null, remain: null, resetAt: null } });
  });

  it("a response older than the last measurement cannot refill the bucket", async () => {
    const ref = bucket("char-order");
    await measured(ref, 100, 100);
    const early = await go(a, ref); // sent first, answered last
    const late = await go(b, ref);
    // ESI processed `early` first (remaining 98) and `late` second (96); `late` is answered first.
    await b.settle(late, { status: 200, rate: { group: "char-order", remaining: 96, used: 2 } }, ref);
    await a.settle(early, { status: 200, rate: { group: "char-order", remaining: 98, used: 2 } }, ref);
    const row = await t.db.esiRateBucket.findUniqueOrThrow({ where: { key: ref.key } });
    expect(row.remaining).toBeLessThanOrEqual(96);
    expect(row.inFlight).toBe(0);
  });
});
