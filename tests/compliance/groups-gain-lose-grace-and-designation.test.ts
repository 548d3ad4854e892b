// Compliance groups on real PostgreSQL: designating adds the compliant users (the preview
// said exactly who), a member who stops being compliant leaves at once with no grace or
// after it, a lapse ends when they qualify again, recomputing twice changes nothing, hand
// edits are refused, and removing the designation empties the group without telling anyone
// they lost compliance. Each member is told of a join or a loss once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushAudit } from "~/server/audit/record";
import { previewDesignation, saveDesignation } from "~/server/compliance/designation";
import { type ComplianceDeps, recomputeCompliance } from "~/server/compliance/recompute";
import { isAppError } from "~/server/errors/app-error";
import { setMembership, updateGroup } from "~/server/groups/admin";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { addPilot, addUnregisteredAlt, membersOf } from "../support/compliance-users";

let t: TestDatabase;
let group: string;
const HOUR = 3600 * 1000;
const T0 = new Date("2026-12-01T12:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);
const deps = (graceHours: number, now: Date): ComplianceDeps => ({ db: t.db, graceHours, now: () => now });
const notices = (userId: string) =>
  t.db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { level: true, title: true },
  });

beforeAll(async () => {
  t = await createTestDatabase();
  await addPilot(t.db, { id: "full", characters: [101, 102] });
  await addPilot(t.db, { id: "partly", characters: [201, 202], unregistered: [202] });
  await addPilot(t.db, { id: "none", characters: [301], unregistered: [301] });
  await addPilot(t.db, { id: "guest", characters: [401], basicAccess: false });
  await addPilot(t.db, { id: "inactive", characters: [501], isActive: false });
  await addPilot(t.db, { id: "manual", characters: [601], unregistered: [601] });
  group = (
    await t.db.group.create({ data: { name: "Pilots", permissions: ["view_shared_characters"], isDefault: true } })
  ).id;
  // A member from before the designation who is not compliant: the app takes over the group.
  await t.db.groupMembership.create({ data: { groupId: group, userId: "manual" } });
});
afterAll(async () => t?.drop());

describe("designating a group", () => {
  it("previews who would join and leave, writing nothing", async () => {
    const plan = await previewDesignation(deps(0, T0), { groupId: group, rules: {} });
    expect(plan).toMatchObject({ join: ["full"], leave: ["manual"], lapsing: [], recovered: [] });
    expect(await t.db.complianceGroup.count()).toBe(0);
    expect(await membersOf(t.db, group)).toEqual(["manual"]);
  });

  it("adds exactly the users the preview named, removes the rest, tells the joiner once, and stops being a default group", async () => {
    const preview = await previewDesignation(deps(0, T0), { groupId: group, rules: {} });
    const saved = await saveDesignation(deps(0, T0), { groupId: group, rules: {} });
    expect(saved).toEqual(preview);
    expect(await membersOf(t.db, group)).toEqual(["full"]);
    expect(await notices("full")).toEqual([{ level: "success", title: "You joined Pilots" }]);
    expect(await t.db.group.findUniqueOrThrow({ where: { id: group } })).toMatchObject({ isDefault: false });
    await flushAudit(t.db);
    const audit = await t.db.auditEvent.findMany({ where: { via: "system" }, orderBy: { action: "asc" } });
    expect(audit.map((a) => [a.action, a.actorUserId, a.targetUserId, a.detail])).toEqual([
      ["membership.add", null, "full", group],
      ["membership.remove", null, "manual", group],
    ]);
  });

  it("recomputed again with nothing changed, moves nobody and tells nobody again", async () => {
    const before = await t.db.notification.count();
    const [plan] = await recomputeCompliance(deps(0, at(1)));
    expect(plan).toMatchObject({ join: [], leave: [], lapsing: [], recovered: [] });
    expect(await membersOf(t.db, group)).toEqual(["full"]);
    expect(await t.db.notification.count()).toBe(before);
  });

  it("refuses adding or removing a member by hand, and making it a default group, as CONFLICT", async () => {
    for (const attempt of [
      () => setMembership(t.db, group, "partly", true),
      () => setMembership(t.db, group, "full", false),
      () => updateGroup(t.db, group, { name: "Pilots", description: "", permissions: [], isDefault: true }),
    ]) {
      const error = await attempt().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAppError(error) && [error.code, error.details.reason]).toEqual(["CONFLICT", "compliance-group"]);
    }
    expect(await membersOf(t.db, group)).toEqual(["full"]);
  });
});

describe("without a grace period", () => {
  it("removes a member who stops being compliant at once and tells them; back in compliance, they rejoin and are told again", async () => {
    await addUnregisteredAlt(t.db, "full", 103);
    const [lost] = await recomputeCompliance(deps(0, at(2)), { userIds: ["full"] });
    expect(lost).toMatchObject({ leave: ["full"], join: [] });
    expect(await membersOf(t.db, group)).toEqual([]);
    await recomputeCompliance(deps(0, at(2)), { userIds: ["full"] });
    await t.db.character.create({ data: { id: 103 } });
    const [gained] = await recomputeCompliance(deps(0, at(3)));
    expect(gained).toMatchObject({ join: ["full"], leave: [] });
    expect(await notices("full")).toEqual([
      { level: "success", title: "You joined Pilots" },
      { level: "warning", title: "You left Pilots" },
      { level: "success", title: "You joined Pilots" },
    ]);
  });
});

describe("with a grace period", () => {
  const GRACE = 24;

  it("keeps a member who stops being compliant until the grace period has passed, warning them once, then removes them", async () => {
    await addUnregisteredAlt(t.db, "full", 104);
    const [start] = await recomputeCompliance(deps(GRACE, at(10)));
    expect(start).toMatchObject({ lapsing: ["full"], leave: [] });
    expect(await membersOf(t.db, group)).toEqual(["full"]);
    expect((await t.db.complianceLapse.findFirstOrThrow()).since).toEqual(at(10));
    const [during] = await recomputeCompliance(deps(GRACE, at(10 + GRACE - 1)));
    expect(during).toMatchObject({ lapsing: [], leave: [] });
    expect(await membersOf(t.db, group)).toEqual(["full"]);
    const [after] = await recomputeCompliance(deps(GRACE, at(10 + GRACE)));
    expect(after).toMatchObject({ leave: ["full"] });
    expect(await membersOf(t.db, group)).toEqual([]);
    expect(await t.db.complianceLapse.count()).toBe(0);
    expect((await notices("full")).slice(-2)).toEqual([
      { level: "warning", title: "You are about to leave Pilots" },
      { level: "warning", title: "You left Pilots" },
    ]);
  });

  it("forgets the lapse of a member who is compliant again within the grace period", async () => {
    await t.db.character.create({ data: { id: 104 } });
    await recomputeCompliance(deps(GRACE, at(40)));
    expect(await membersOf(t.db, group)).toEqual(["full"]);
    await addUnregisteredAlt(t.db, "full", 105);
    await recomputeCompliance(deps(GRACE, at(41)));
    await t.db.character.create({ data: { id: 105 } });
    const [back] = await recomputeCompliance(deps(GRACE, at(42)));
    expect(back).toMatchObject({ recovered: ["full"], leave: [], join: [] });
    expect(await t.db.complianceLapse.count()).toBe(0);
    expect(await membersOf(t.db, group)).toEqual(["full"]);
  });
});

describe("removing the designation", () => {
  it("previews everyone leaving, then empties the group without a 'lost compliance' notice and ends the designation", async () => {
    const preview = await previewDesignation(deps(0, at(50)), { groupId: group, rules: null });
    expect(preview).toMatchObject({ leave: ["full"], join: [] });
    const before = await t.db.notification.count({ where: { userId: "full" } });
    const saved = await saveDesignation(deps(0, at(50)), { groupId: group, rules: null });
    expect(saved).toEqual(preview);
    expect(await membersOf(t.db, group)).toEqual([]);
    expect(await t.db.complianceGroup.count()).toBe(0);
    expect(await t.db.notification.count({ where: { userId: "full" } })).toBe(before);
    // An ordinary group again: members are edited by hand.
    await setMembership(t.db, group, "partly", true);
    expect(await membersOf(t.db, group)).toEqual(["partly"]);
  });

  it("refuses to remove a designation that is not there, and names an unknown group NOT_FOUND", async () => {
    const notDesignated = await saveDesignation(deps(0, at(51)), { groupId: group, rules: null }).catch((e) => e);
    expect(isAppError(notDesignated) && notDesignated.code).toBe("BAD_INPUT");
    const unknown = await previewDesignation(deps(0, at(51)), { groupId: "nope", rules: {} }).catch((e) => e);
    expect(isAppError(unknown) && unknown.code).toBe("NOT_FOUND");
  });
});
