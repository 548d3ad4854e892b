// The status page's procedure refuses (FORBIDDEN) whoever lacks view_status, whatever
// else they hold, and signed-out callers (UNAUTHORIZED); holders of view_status and
// superusers get the whole overview, its queue read from the real pg-boss tables.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { PERMISSION_NAMES, type Permission } from "~/server/identity/permissions";
import { defineEvent, defineJob } from "~/server/jobs/job";
import { testAppDeps, type TestAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testRunner } from "../support/job-runner";

let t: TestDatabase;
let deps: TestAppDeps;

const others = PERMISSION_NAMES.filter((p) => p !== "view_status");
const CASES: { name: string; permissions: Permission[]; superuser?: boolean; allowed: boolean }[] = [
  { name: "nothing", permissions: [], allowed: false },
  ...others.map((p) => ({ name: `only ${p}`, permissions: [p], allowed: false })),
  { name: "every other permission", permissions: others, allowed: false },
  { name: "view_status", permissions: ["view_status"], allowed: true },
  { name: "superuser", permissions: [], superuser: true, allowed: true },
];

const paths = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("status."));

function call(user: CurrentUser | null) {
  return appRouter
    .createCaller({ deps, user })
    .status.overview()
    .then(
      (overview) => ({ outcome: "ok" as const, overview }),
      (error: unknown) => ({ outcome: error instanceof TRPCError ? error.code : `threw ${String(error)}` }),
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
  // A queue with one finished run, so the overview has pg-boss rows to read.
  const job = defineJob({
    id: "status-access-ping",
    trigger: defineEvent("test/status-ping", z.object({})),
    retries: 0,
    async handler() {},
  });
  const runner = testRunner(t.db, [job]);
  await runner.start();
  await runner.send({ name: "test/status-ping", data: {} });
  await runner.idle();
  await runner.stop();
});
afterAll(async () => t?.drop());

describe("status page access", () => {
  it("has one procedure, the overview", () => {
    expect(paths).toEqual(["status.overview"]);
  });

  it("refuses signed-out callers", async () => {
    expect((await call(null)).outcome).toBe("UNAUTHORIZED");
  });

  for (const [i, c] of CASES.entries()) {
    if (c.allowed) continue;
    it(`${c.name}: FORBIDDEN`, async () => {
      expect((await call({ id: `u${i}` } as CurrentUser)).outcome).toBe("FORBIDDEN");
    });
  }

  it("holders of view_status and superusers get the overview", async () => {
    for (const [i, c] of CASES.entries()) {
      if (!c.allowed) continue;
      const answer = await call({ id: `u${i}` } as CurrentUser);
      expect({ who: c.name, outcome: answer.outcome }).toEqual({ who: c.name, outcome: "ok" });
      if (answer.outcome !== "ok") continue;
      const { overview } = answer as {
        overview: Awaited<ReturnType<ReturnType<typeof appRouter.createCaller>["status"]["overview"]>>;
      };
      expect(overview.engine).toEqual({ kind: "embedded" });
      expect(overview.queue.available).toBe(true);
      expect(overview.queue.functions).toEqual([
        expect.objectContaining({ name: "status-access-ping", waiting: 0, running: 0, failed: 0 }),
      ]);
      expect(overview.sections.length).toBeGreaterThan(20);
      expect(overview.failuresByHour).toHaveLength(24);
      expect(overview.tokens).toEqual({ valid: 0, invalid: 0, expiring: 0, withoutToken: 0 });
      expect(overview.esi.perMinute).toHaveLength(30);
    }
  });
});
