// LDAP sign-in against a real slapd (support/slapd.ts) and a real PostgreSQL: who gets in,
// who does not and why, and what the app records about them.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flushAudit } from "~/server/audit/record";
import { signInWithLdap } from "~/server/characters/ldap-sign-in";
import { ldapDirectory } from "~/server/ldap/directory";
import type { LdapSettings } from "~/server/ldap/settings";
import { FailureThrottle } from "~/server/ldap/throttle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ldapSettings } from "../support/ldap-env";
import { type Slapd, startSlapd, userDn } from "../support/slapd";

let t: TestDatabase;
let slapd: Slapd;
let settings: LdapSettings;

function signIn(
  username: string,
  password: string,
  options: { settings?: LdapSettings; warn?: (l: string) => void } = {},
) {
  const s = options.settings ?? settings;
  const throttle = new FailureThrottle({ userFailures: 100, addressFailures: 100, windowSeconds: 60 });
  return signInWithLdap(
    { db: t.db, directory: ldapDirectory(s), throttle, settings: s, warn: options.warn ?? (() => undefined) },
    { username, password, clientAddress: "192.0.2.10" },
  );
}

beforeAll(async () => {
  [t, slapd] = await Promise.all([createTestDatabase(), startSlapd()]);
  settings = ldapSettings(slapd.url);
});
afterAll(async () => {
  await Promise.all([t?.drop(), slapd?.stop()]);
});

describe("LDAP sign-in", () => {
  it("signs a directory user in, keyed by DN, with the directory's name and email", async () => {
    const outcome = await signIn("bob", "bob-pw");
    expect(outcome).toMatchObject({ kind: "signed-in", isNewUser: true });
    const user = await t.db.user.findUniqueOrThrow({ where: { ldapDn: userDn("bob") } });
    expect(user).toMatchObject({
      ldapUsername: "bob",
      displayName: "Bob Builder",
      email: "bob@example.org",
      isActive: true,
      mainCharacterId: null,
    });
    expect(outcome.kind === "signed-in" && outcome.userId).toBe(user.id);
    // The same person next time is the same user, not a second one.
    expect(await signIn("bob", "bob-pw")).toMatchObject({ kind: "signed-in", userId: user.id, isNewUser: false });
  });

  it("refuses a wrong password and an unknown user with the same answer, storing nothing", async () => {
    const before = await t.db.user.count();
    expect(await signIn("alice", "not-her-password")).toEqual({ kind: "refused", reason: "invalid-credentials" });
    expect(await signIn("nobody", "alice-pw")).toEqual({ kind: "refused", reason: "invalid-credentials" });
    expect(await t.db.user.count()).toBe(before);
  });

  it("records every sign-in and refusal in the audit log, with the address and never the password", async () => {
    await flushAudit(t.db);
    await t.db.auditEvent.deleteMany({ where: { via: "ldap" } });
    const ok = await signIn("bob", "bob-pw");
    await signIn("alice", "a-wrong-password");
    await flushAudit(t.db);
    const rows = await t.db.auditEvent.findMany({ where: { via: "ldap" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.action, r.actorUserId, r.detail, r.address])).toEqual([
      ["ldap.signin", ok.kind === "signed-in" ? ok.userId : "?", "username bob", "192.0.2.10"],
      ["ldap.failure", null, "username alice: invalid-credentials", "192.0.2.10"],
    ]);
    expect(JSON.stringify(rows.map((r) => ({ ...r, id: String(r.id) })))).not.toContain("a-wrong-password");
  });

  it("refuses a username the filter finds on several entries, instead of guessing one", async () => {
    const loose = ldapSettings(slapd.url, {
      LDAP_USER_FILTER: "(&(objectClass=inetOrgPerson)(|(uid={username})(employeeType={username})))",
    });
    expect(await signIn("staff", "alice-pw", { settings: loose })).toEqual({
      kind: "refused",
      reason: "invalid-credentials",
    });
  });

  it("refuses an empty password instead of making it an unauthenticated bind", async () => {
    expect(await signIn("alice", "")).toEqual({ kind: "refused", reason: "invalid-credentials" });
  });

  it("refuses a user outside the group mapped to active, and creates no user", async () => {
    // carol's password is right and she is in a mapped group (recruiters), but not in staff.
    expect(await signIn("carol", "carol-pw")).toEqual({ kind: "refused", reason: "not-active" });
    expect(await t.db.user.findUnique({ where: { ldapDn: userDn("carol") } })).toBeNull();
  });

  it("refuses a user the extra filter excludes, with a right password", async () => {
    const strict = ldapSettings(slapd.url, { LDAP_USER_FILTER_EXTRA: "(employeeType=staff)" });
    expect(await signIn("dave", "dave-pw", { settings: strict })).toEqual({ kind: "refused", reason: "not-allowed" });
    expect(await signIn("dave", "dave-pw")).toMatchObject({ kind: "signed-in" });
    expect(await signIn("alice", "alice-pw", { settings: strict })).toMatchObject({ kind: "signed-in" });
  });

  it("makes members of the group mapped to superuser superusers, and nobody else", async () => {
    await signIn("alice", "alice-pw");
    await signIn("bob", "bob-pw");
    const flags = await t.db.user.findMany({
      where: { ldapUsername: { in: ["alice", "bob"] } },
      select: { ldapUsername: true, isSuperuser: true },
      orderBy: { ldapUsername: "asc" },
    });
    expect(flags).toEqual([
      { ldapUsername: "alice", isSuperuser: true },
      { ldapUsername: "bob", isSuperuser: false },
    ]);
  });

  it("deactivates a known user who left the active group, and lets them back when they return", async () => {
    expect(await signIn("dave", "dave-pw")).toMatchObject({ kind: "signed-in" });
    await slapd.setMember("staff", "dave", false);
    expect(await signIn("dave", "dave-pw")).toEqual({ kind: "refused", reason: "not-active" });
    expect((await t.db.user.findUniqueOrThrow({ where: { ldapDn: userDn("dave") } })).isActive).toBe(false);
    await slapd.setMember("staff", "dave", true);
    expect(await signIn("dave", "dave-pw")).toMatchObject({ kind: "signed-in" });
  });

  it("without a mapping, keeps a deactivated user out", async () => {
    const unmapped = ldapSettings(slapd.url, { LDAP_GROUP_MAPPING: undefined });
    expect(await signIn("erin(ops)", "erin-pw", { settings: unmapped })).toMatchObject({ kind: "signed-in" });
    await t.db.user.update({ where: { ldapDn: userDn("erin(ops)") }, data: { isActive: false } });
    expect(await signIn("erin(ops)", "erin-pw", { settings: unmapped })).toEqual({
      kind: "refused",
      reason: "account-inactive",
    });
  });
});

describe("simultaneous sign-ins", () => {
  it("of one new person create one user", async () => {
    await t.db.user.deleteMany({ where: { ldapDn: userDn("bob") } });
    const outcomes = await Promise.all([signIn("bob", "bob-pw"), signIn("bob", "bob-pw"), signIn("bob", "bob-pw")]);
    const ids = new Set(outcomes.map((o) => (o.kind === "signed-in" ? o.userId : o.reason)));
    expect(ids.size).toBe(1);
    expect(await t.db.user.count({ where: { ldapDn: userDn("bob") } })).toBe(1);
  });
});

describe("LDAP unreachable", () => {
  it("answers unavailable, with a line for the operator that never carries the password", async () => {
    const lines: string[] = [];
    const down = ldapSettings("ldap://127.0.0.1:1");
    const outcome = await signIn("alice", "alice-pw-secret", { settings: down, warn: (l) => lines.push(l) });
    expect(outcome).toEqual({ kind: "refused", reason: "unavailable" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^LDAP directory unavailable: /);
    expect(lines[0]).not.toContain("alice-pw-secret");
  });

  it("answers unavailable when the server accepts the connection but never answers (LDAP_TIMEOUT_MS)", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const hung = ldapSettings(`ldap://127.0.0.1:${port}`, { LDAP_TIMEOUT_MS: "300", LDAP_CONNECT_TIMEOUT_MS: "300" });
      // Without the timeouts ldapts would wait for good, and the test would hit its own time limit instead.
      expect(await signIn("alice", "alice-pw", { settings: hung })).toEqual({ kind: "refused", reason: "unavailable" });
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("answers unavailable when the service account is refused, naming LDAP_BIND_DN", async () => {
    const lines: string[] = [];
    const badBind = ldapSettings(slapd.url, { LDAP_BIND_PASSWORD: "wrong-reader-secret" });
    expect(await signIn("alice", "alice-pw", { settings: badBind, warn: (l) => lines.push(l) })).toEqual({
      kind: "refused",
      reason: "unavailable",
    });
    expect(lines[0]).toContain("LDAP_BIND_DN");
    expect(lines[0]).not.toContain("wrong-reader-secret");
  });
});
