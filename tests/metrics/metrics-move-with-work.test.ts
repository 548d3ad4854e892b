// /api/metrics: off (404) without METRICS_TOKEN, 401 without the right bearer token, and
// with it the Prometheus text whose metrics (names and labels) move with real work: ESI
// requests to a stub server by route group and status, the error limit ESI reported, tRPC
// calls, a route handler's requests, job runs on a real embedded runner, a section run's
// recorded duration, and the database pool's connections in use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as health } from "~/app/api/health/route";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { poolCounts, sqlPoolOf } from "~/server/db/client";
import { createEsiClient, type EsiClient } from "~/server/esi/client";
import { defineEvent, defineJob } from "~/server/jobs/job";
import { metricsResponse } from "~/server/metrics/http";
import { setMetricSources } from "~/server/metrics/registry";
import { findSection } from "~/server/sections/registry";
import { recordFailure } from "~/server/updates/run-record";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { startStub, type Stub } from "../support/esi-stub";
import { testRunner } from "../support/job-runner";

const TOKEN = "metrics-token-for-tests-0123456789";
let t: TestDatabase;
let stub: Stub;
let esi: EsiClient;

async function scrape(): Promise<string> {
  const response = await metricsResponse(
    new Request("http://app/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }),
    TOKEN,
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
}

/** The sample's value, 0 when the series is absent; labels given in any order must all match. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split("\n")) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return 0;
}

beforeAll(async () => {
  t = await createTestDatabase();
  stub = await startStub(() => ({
    body: { players: 1, server_version: "1", start_time: "2026-12-07T11:00:00Z" },
    headers: {
      "X-Ratelimit-Group": "status",
      "X-Ratelimit-Limit": "600/15m",
      "X-Ratelimit-Remaining": "599",
      "X-Ratelimit-Used": "1",
      "X-ESI-Error-Limit-Remain": "93",
      "X-ESI-Error-Limit-Reset": "40",
    },
  }));
  esi = createEsiClient({ baseUrl: stub.url, db: t.db });
  setMetricSources({
    pool: () => poolCounts(t.db),
    errorLimitRemaining: async () => (await esi.limiterState?.())?.errorLimit.remain ?? null,
  });
});
afterAll(async () => {
  await esi?.close();
  await stub?.close();
  await t?.drop();
});

describe("/api/metrics", () => {
  it("is off without METRICS_TOKEN and refuses a missing or wrong bearer token", async () => {
    const at = (headers: Record<string, string>) => new Request("http://app/api/metrics", { headers });
    expect((await metricsResponse(at({ authorization: `Bearer ${TOKEN}` }), undefined)).status).toBe(404);
    expect((await metricsResponse(at({}), TOKEN)).status).toBe(401);
    expect((await metricsResponse(at({ authorization: "Bearer wrong" }), TOKEN)).status).toBe(401);
    expect((await metricsResponse(at({ authorization: `Basic ${TOKEN}` }), TOKEN)).status).toBe(401);
    const refused = await metricsResponse(at({ authorization: "Bearer wrong" }), TOKEN);
    expect(await refused.text()).not.toContain("memberaudit_");
  });

  it("names every metric with its help and type", async () => {
    const text = await scrape();
    for (const name of [
      "memberaudit_http_request_duration_seconds",
      "memberaudit_trpc_procedure_duration_seconds",
      "memberaudit_esi_requests_total",
      "memberaudit_esi_error_limit_remaining",
      "memberaudit_job_runs_total",
      "memberaudit_section_update_duration_seconds",
      "memberaudit_db_pool_in_use",
      "memberaudit_db_pool_waiting",
    ]) {
      expect(text).toContain(`# HELP ${name} `);
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it("counts ESI requests by group and status, and the error limit ESI reported", async () => {
    const before = sample(await scrape(), "memberaudit_esi_requests_total", { group: "status", status: "200" });
    await esi.getData("/status");
    await esi.getData("/status");
    const text = await scrape();
    // The first call learns the route's group from the response; both are counted under it from then on.
    expect(sample(text, "memberaudit_esi_requests_total", { status: "200" })).toBeGreaterThan(before);
    expect(
      sample(text, "memberaudit_esi_requests_total", { group: "status", status: "200" }) +
        sample(text, "memberaudit_esi_requests_total", { group: "none", status: "200" }),
    ).toBeGreaterThanOrEqual(before + 2);
    expect(sample(text, "memberaudit_esi_error_limit_remaining")).toBe(93);
  });

  it("times tRPC calls by procedure and outcome, and route handlers by route and status", async () => {
    const name = "memberaudit_trpc_procedure_duration_seconds_count";
    const before = await scrape();
    const deps = testAppDeps({ db: t.db, esi });
    await appRouter
      .createCaller({ deps, user: null })
      .status.overview()
      .catch(() => undefined);
    await t.db.user.create({ data: { id: "root", isSuperuser: true } });
    await appRouter.createCaller({ deps, user: { id: "root" } as CurrentUser }).status.overview();
    expect((await health(new Request("http://app/api/health"))).status).toBe(200);
    const after = await scrape();
    for (const outcome of ["UNAUTHORIZED", "ok"]) {
      const labels = { procedure: "status.overview", type: "query", outcome };
      expect(sample(after, name, labels) - sample(before, name, labels)).toBe(1);
    }
    const route = { method: "GET", route: "/api/health", status: "200" };
    const http = "memberaudit_http_request_duration_seconds_count";
    expect(sample(after, http, route) - sample(before, http, route)).toBe(1);
  });

  it("counts job runs by function and outcome", async () => {
    const event = defineEvent("test/metrics", z.object({ ok: z.boolean() }));
    const job = defineJob({
      id: "metrics-job",
      trigger: event,
      retries: 1,
      async handler({ event }) {
        if (!event.data.ok) throw new Error("no");
      },
    });
    const runner = testRunner(t.db, [job]);
    await runner.start();
    await runner.send([
      { name: "test/metrics", data: { ok: true } },
      { name: "test/metrics", data: { ok: false } },
    ]);
    await runner.idle();
    await runner.stop();
    const text = await scrape();
    expect(sample(text, "memberaudit_job_runs_total", { function: "metrics-job", outcome: "completed" })).toBe(1);
    expect(sample(text, "memberaudit_job_runs_total", { function: "metrics-job", outcome: "retried" })).toBe(1);
    expect(sample(text, "memberaudit_job_runs_total", { function: "metrics-job", outcome: "failed" })).toBe(1);
  }, 60_000);

  it("observes a section run's duration from its start to its recorded end", async () => {
    const id = 90_000_001;
    await t.db.eveCharacter.create({ data: { id, name: "Metered" } });
    await t.db.character.create({ data: { id } });
    await t.db.sectionUpdateStatus.create({
      data: { characterId: id, section: "wallet_balance", startedAt: new Date(Date.now() - 2500) },
    });
    const labels = { section: "wallet_balance", outcome: "failed" };
    const before = await scrape();
    await recordFailure({ db: t.db, esi }, id, findSection("wallet_balance")!, new Error("ESI said no"));
    const after = await scrape();
    const count = "memberaudit_section_update_duration_seconds_count";
    const sum = "memberaudit_section_update_duration_seconds_sum";
    expect(sample(after, count, labels) - sample(before, count, labels)).toBe(1);
    expect(sample(after, sum, labels) - sample(before, sum, labels)).toBeGreaterThanOrEqual(2.5);
  });

  it("reports the database pool's connections in use while one is held", async () => {
    const connection = await sqlPoolOf(t.db).connect();
    try {
      expect(sample(await scrape(), "memberaudit_db_pool_in_use")).toBeGreaterThanOrEqual(1);
    } finally {
      connection.release();
    }
    expect(sample(await scrape(), "memberaudit_db_pool_waiting")).toBe(0);
  });
});
