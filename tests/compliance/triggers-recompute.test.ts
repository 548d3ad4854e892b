// What recomputes compliance groups: a registration and a removal queue the owner's
// recompute (the event the job takes), so do dead tokens (tests/updates/update-engine.test.ts
// checks the update job sends it), and the hourly job recomputes everyone. The per-user
// job moves only the users its event names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeCharacter } from "~/server/characters/removal";
import { completeSsoRoundTrip } from "~/server/characters/sign-in";
import { saveDesignation } from "~/server/compliance/designation";
import { createEsiClient } from "~/server/esi/client";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { recomputeAllComplianceJob, recomputeUserComplianceJob } from "~/server/jobs/definitions/recompute-compliance";
import { complianceRecompute } from "~/server/jobs/events";
import type { JobDefinition, JobEventPayload } from "~/server/jobs/job";
import { testAppDeps, type TestAppDeps } from "../support/app-deps";
import { addPilot, addUnregisteredAlt, membersOf } from "../support/compliance-users";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
let deps: TestAppDeps;
let group: string;

/** Runs a job's handler as a driver would, each step once. */
async function run(job: JobDefinition<any>, data: unknown = {}): Promise<unknown> {
  return job.handler({
    event: { name: "test", data },
    step: { run: async (_id, fn) => fn(), sendEvent: async () => undefined },
    attempt: 0,
  });
}

const jobDeps = () => ({ db: t.db });
const complianceEvents = () => deps.sentEvents.filter((e: JobEventPayload) => e.name === complianceRecompute.name);
const identity = (id: number): EveIdentity => ({
  characterId: id,
  characterName: `Pilot ${id}`,
  ownerHash: `h${id}`,
  scopes: ["esi-skills.read_skills.v1"],
  expiresAt: new Date(Date.now() + 1_200_000),
});

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  // Signed in with the main, registered nothing yet.
  await addPilot(t.db, { id: "late", characters: [701], unregistered: [701] });
  await addPilot(t.db, { id: "steady", characters: [801] });
  await addPilot(t.db, { id: "other", characters: [901] });
  group = (await t.db.group.create({ data: { name: "Fleet" } })).id;
  await saveDesignation({ db: t.db, graceHours: 0 }, { groupId: group, rules: {} });
});
afterAll(async () => t?.drop());

describe("compliance triggers", () => {
  it("a registration queues its owner's recompute, which adds them once they are compliant", async () => {
    expect(await membersOf(t.db, group)).toEqual(["other", "steady"]);
    const outcome = await completeSsoRoundTrip(
      deps,
      { identity: identity(701), accessToken: "a", refreshToken: "r" },
      "late",
    );
    expect(outcome.kind).toBe("registered");
    expect(complianceEvents()).toEqual([{ name: complianceRecompute.name, data: { userIds: ["late"] } }]);
    await run(recomputeUserComplianceJob(jobDeps, {}), complianceEvents()[0]!.data);
    expect(await membersOf(t.db, group)).toEqual(["late", "other", "steady"]);
  });

  it("a removal queues its owner's recompute, which removes them once they are no longer compliant", async () => {
    deps.sentEvents.length = 0;
    // Removing the main keeps its ownership (it signs the user in): signed in, not registered.
    await removeCharacter(deps, "late", 701);
    expect(complianceEvents()).toEqual([{ name: complianceRecompute.name, data: { userIds: ["late"] } }]);
    await run(recomputeUserComplianceJob(jobDeps, {}), complianceEvents()[0]!.data);
    expect(await membersOf(t.db, group)).toEqual(["other", "steady"]);
  });

  it("the per-user job (registration, removal, token change) moves only the users it names", async () => {
    await addUnregisteredAlt(t.db, "steady", 802);
    await addUnregisteredAlt(t.db, "other", 902);
    await run(recomputeUserComplianceJob(jobDeps, {}), { userIds: ["steady"] });
    expect(await membersOf(t.db, group)).toEqual(["other"]);
  });

  it("two triggers at once add a user once and tell them once", async () => {
    await addPilot(t.db, { id: "twice", characters: [1101] });
    const job = recomputeUserComplianceJob(jobDeps, {});
    await Promise.all([run(job, { userIds: ["twice"] }), run(job, { userIds: ["twice"] })]);
    expect(await membersOf(t.db, group)).toContain("twice");
    expect(await t.db.notification.count({ where: { userId: "twice" } })).toBe(1);
  });

  it("the hourly job recomputes every group over every user, with the grace period from the settings", async () => {
    await addPilot(t.db, { id: "newcomer", characters: [1001] });
    const graced = await run(recomputeAllComplianceJob(jobDeps, { complianceGraceHours: 48 }));
    // "other" stopped being compliant: with 48 hours of grace they stay for now; the newcomer joins.
    expect(graced).toEqual({ groups: 1, joined: 1, left: 0 });
    expect(await membersOf(t.db, group)).toEqual(["newcomer", "other", "twice"]);
    expect(await t.db.complianceLapse.findMany({ select: { userId: true } })).toEqual([{ userId: "other" }]);
    expect(await run(recomputeAllComplianceJob(jobDeps, {}))).toEqual({ groups: 1, joined: 0, left: 1 });
    expect(await membersOf(t.db, group)).toEqual(["newcomer", "twice"]);
  });
});
