// Failed binds are throttled per username and per client address (docs/ldap.md,
// "Throttling"): the window's arithmetic on a fake clock, then the sign-in service against a
// real slapd, where a throttled attempt is refused before the directory is asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithLdap } from "~/server/characters/ldap-sign-in";
import { type Directory, ldapDirectory } from "~/server/ldap/directory";
import type { LdapSettings } from "~/server/ldap/settings";
import { FailureThrottle } from "~/server/ldap/throttle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ldapSettings } from "../support/ldap-env";
import { type Slapd, startSlapd } from "../support/slapd";

describe("the failure throttle", () => {
  it("counts failures per username (any case) over a sliding window", () => {
    let now = 1_000_000;
    const throttle = new FailureThrottle({ userFailures: 3, addressFailures: 100, windowSeconds: 60 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter("Alice", "a1")).toBe(0);
      throttle.recordFailure(i % 2 ? "alice" : "ALICE", `a${i}`);
      now += 1000;
    }
    expect(throttle.retryAfter("alice", "elsewhere")).toBe(57);
    expect(throttle.retryAfter("bob", "elsewhere")).toBe(0);
    now += 57_000;
    expect(throttle.retryAfter("alice", "elsewhere")).toBe(0);
  });

  it("counts failures per address whatever the usernames", () => {
    let now = 0;
    const throttle = new FailureThrottle({ userFailures: 100, addressFailures: 4, windowSeconds: 30 }, () => now);
    for (let i = 0; i < 4; i++) throttle.recordFailure(`user${i}`, "198.51.100.7");
    expect(throttle.retryAfter("someone-new", "198.51.100.7")).toBe(30);
    expect(throttle.retryAfter("someone-new", "198.51.100.8")).toBe(0);
    now += 30_001;
    expect(throttle.retryAfter("someone-new", "198.51.100.7")).toBe(0);
  });

  it("forgets a username's failures after a good password, not the address's", () => {
    const throttle = new FailureThrottle({ userFailures: 2, addressFailures: 3, windowSeconds: 60 });
    throttle.recordFailure("carol", "203.0.113.1");
    throttle.recordFailure("carol", "203.0.113.1");
    throttle.recordSuccess("carol");
    expect(throttle.retryAfter("carol", "203.0.113.2")).toBe(0);
    throttle.recordFailure("dan", "203.0.113.1");
    expect(throttle.retryAfter("carol", "203.0.113.1")).toBeGreaterThan(0);
  });
});

describe("throttled LDAP sign-in", () => {
  let t: TestDatabase;
  let slapd: Slapd;
  let settings: LdapSettings;
  beforeAll(async () => {
    [t, slapd] = await Promise.all([createTestDatabase(), startSlapd()]);
    settings = ldapSettings(slapd.url, { LDAP_THROTTLE_USER_FAILURES: "3", LDAP_THROTTLE_ADDRESS_FAILURES: "5" });
  });
  afterAll(async () => {
    await Promise.all([t?.drop(), slapd?.stop()]);
  });

  it("refuses even the right password once a username failed too often, without asking the directory", async () => {
    const throttle = new FailureThrottle(settings.throttle);
    let asked = 0;
    const real = ldapDirectory(settings);
    const directory: Directory = (u, p) => {
      asked++;
      return real(u, p);
    };
    const signIn = (username: string, password: string, clientAddress: string) =>
      signInWithLdap({ db: t.db, directory, throttle, settings }, { username, password, clientAddress });

    for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"])
      expect(await signIn("bob", "guess", address)).toMatchObject({ reason: "invalid-credentials" });
    const refused = await signIn("bob", "bob-pw", "192.0.2.4");
    expect(refused).toMatchObject({ kind: "refused", reason: "throttled" });
    expect(refused.kind === "refused" && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(asked).toBe(3);
    // Another user is not held back by bob's failures.
    expect(await signIn("alice", "alice-pw", "192.0.2.4")).toMatchObject({ kind: "signed-in" });
  });

  it("refuses an address that failed for many usernames, and only that address", async () => {
    const throttle = new FailureThrottle(settings.throttle);
    const directory = ldapDirectory(settings);
    const signIn = (username: string, password: string, clientAddress: string) =>
      signInWithLdap({ db: t.db, directory, throttle, settings }, { username, password, clientAddress });
    for (const username of ["u1", "u2", "u3", "u4", "u5"]) await signIn(username, "guess", "198.51.100.9");
    expect(await signIn("alice", "alice-pw", "198.51.100.9")).toMatchObject({ reason: "throttled" });
    expect(await signIn("alice", "alice-pw", "198.51.100.10")).toMatchObject({ kind: "signed-in" });
  });
});
