// At each LDAP sign-in, memberships in the groups LDAP governs follow the directory (added and
// removed), and memberships in every other group stay as they are: mapped groups
// (LDAP_GROUP_MAPPING) and mirrored ones (LDAP_MIRROR_GROUPS), against a real slapd.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithLdap } from "~/server/characters/ldap-sign-in";
import { listUsers, permissionHolders } from "~/server/groups/admin";
import { ldapDirectory } from "~/server/ldap/directory";
import type { LdapSettings } from "~/server/ldap/settings";
import { FailureThrottle } from "~/server/ldap/throttle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ldapSettings } from "../support/ldap-env";
import { groupDn, type Slapd, startSlapd, userDn } from "../support/slapd";

let t: TestDatabase;
let slapd: Slapd;

async function signIn(settings: LdapSettings, username: string, password: string) {
  const throttle = new FailureThrottle({ userFailures: 100, addressFailures: 100, windowSeconds: 60 });
  const outcome = await signInWithLdap(
    { db: t.db, directory: ldapDirectory(settings), throttle, settings },
    { username, password, clientAddress: "192.0.2.20" },
  );
  if (outcome.kind !== "signed-in") throw new Error(`expected a sign-in, got ${outcome.reason}`);
  return outcome.userId;
}

async function groupsOf(userId: string): Promise<string[]> {
  const rows = await t.db.groupMembership.findMany({
    where: { userId },
    select: { group: { select: { name: true } } },
  });
  return rows.map((r) => r.group.name).sort();
}

beforeAll(async () => {
  [t, slapd] = await Promise.all([createTestDatabase(), startSlapd()]);
});
afterAll(async () => {
  await Promise.all([t?.drop(), slapd?.stop()]);
});

describe("mapped groups", () => {
  it("adds and removes memberships in mapped groups as the directory changes, leaving other groups alone", async () => {
    const settings = ldapSettings(slapd.url);
    const bob = await signIn(settings, "bob", "bob-pw");
    // First user of the install: the default group exists and bob joined it; Recruiters was made for the mapping.
    expect(await groupsOf(bob)).toEqual(["Members", "Recruiters"]);
    expect(await t.db.group.findUniqueOrThrow({ where: { name: "Recruiters" } })).toMatchObject({ permissions: [] });

    // An administrator puts bob into a local group by hand.
    const local = await t.db.group.create({ data: { name: "Fleet Logistics" } });
    await t.db.groupMembership.create({ data: { groupId: local.id, userId: bob } });

    await slapd.setMember("recruiters", "bob", false);
    await signIn(settings, "bob", "bob-pw");
    expect(await groupsOf(bob)).toEqual(["Fleet Logistics", "Members"]);

    await slapd.setMember("recruiters", "bob", true);
    await signIn(settings, "bob", "bob-pw");
    expect(await groupsOf(bob)).toEqual(["Fleet Logistics", "Members", "Recruiters"]);
  });

  it("removes a membership an administrator added by hand to a mapped group the user is not in", async () => {
    const settings = ldapSettings(slapd.url);
    const alice = await signIn(settings, "alice", "alice-pw");
    const recruiters = await t.db.group.findUniqueOrThrow({ where: { name: "Recruiters" } });
    await t.db.groupMembership.create({ data: { groupId: recruiters.id, userId: alice } });
    await signIn(settings, "alice", "alice-pw");
    expect(await groupsOf(alice)).toEqual(["Members"]);
  });

  it("ignores unmapped LDAP groups once a mapping exists", async () => {
    const alice = await signIn(ldapSettings(slapd.url), "alice", "alice-pw");
    // alice is in "Fleet Commanders" and "leadership" in LDAP: neither becomes an app group.
    expect(await t.db.group.findFirst({ where: { name: { in: ["Fleet Commanders", "leadership"] } } })).toBeNull();
    expect(await groupsOf(alice)).toEqual(["Members"]);
  });
});

describe("mirrored groups", () => {
  const mirror = () => ldapSettings(slapd.url, { LDAP_GROUP_MAPPING: undefined, LDAP_MIRROR_GROUPS: "1" });

  it("creates app groups named after the user's LDAP groups and keeps memberships in line", async () => {
    const alice = await signIn(mirror(), "alice", "alice-pw");
    expect(await groupsOf(alice)).toEqual(["Fleet Commanders", "Members", "leadership", "staff"].sort());
    const fc = await t.db.group.findUniqueOrThrow({ where: { name: "Fleet Commanders" } });
    expect(fc.ldapDn).toBe(groupDn("fleet commanders"));

    await slapd.setMember("fleet commanders", "alice", false);
    await slapd.setMember("recruiters", "alice", true);
    await signIn(mirror(), "alice", "alice-pw");
    expect(await groupsOf(alice)).toEqual(["Members", "leadership", "recruiters", "staff"].sort());
    // The mirrored group stays for the others in it; only alice's membership went.
    expect(await t.db.group.count({ where: { ldapDn: groupDn("fleet commanders") } })).toBe(1);
  });

  it("leaves a local group of the same name to the administrators, mirroring under another name", async () => {
    const bob = await signIn(mirror(), "bob", "bob-pw");
    // "Recruiters" (the mapped group of the test above) is a local group: the mirror of cn=recruiters is
    // "recruiters" (names are case-sensitive); bob's membership in the local one is not the mirror's to change.
    const names = await groupsOf(bob);
    expect(names).toContain("recruiters");
    expect(names).toContain("Recruiters");
    expect(names).toContain("Fleet Logistics");
    const user = await t.db.user.findUniqueOrThrow({ where: { ldapDn: userDn("bob") } });
    expect(user.id).toBe(bob);
  });
});

describe("LDAP users in the admin pages", () => {
  it("are found by directory name or username and named by it, having no character", async () => {
    const alice = await signIn(ldapSettings(slapd.url), "alice", "alice-pw");
    expect((await listUsers(t.db, "archer")).map((u) => u.id)).toEqual([alice]);
    expect((await listUsers(t.db, "ALIC")).map((u) => u.id)).toEqual([alice]);
    const holders = (await permissionHolders(t.db)).find((p) => p.permission === "basic_access")!.holders;
    expect(holders.find((h) => h.userId === alice)?.name).toBe("Alice Archer");
  });
});
