// User input is only ever a value in an LDAP filter (RFC 4515): a username carrying filter
// syntax cannot widen the search to someone else's entry, and a real username with such
// characters still signs in. Against a real slapd.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithLdap } from "~/server/characters/ldap-sign-in";
import { ldapDirectory } from "~/server/ldap/directory";
import { fillFilter } from "~/server/ldap/dn";
import type { LdapSettings } from "~/server/ldap/settings";
import { FailureThrottle } from "~/server/ldap/throttle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ldapSettings } from "../support/ldap-env";
import { type Slapd, startSlapd } from "../support/slapd";

let t: TestDatabase;
let slapd: Slapd;
let settings: LdapSettings;

function signIn(username: string, password: string) {
  const throttle = new FailureThrottle({ userFailures: 100, addressFailures: 100, windowSeconds: 60 });
  return signInWithLdap(
    { db: t.db, directory: ldapDirectory(settings), throttle, settings },
    { username, password, clientAddress: "192.0.2.30" },
  );
}

beforeAll(async () => {
  [t, slapd] = await Promise.all([createTestDatabase(), startSlapd()]);
  settings = ldapSettings(slapd.url);
});
afterAll(async () => {
  await Promise.all([t?.drop(), slapd?.stop()]);
});

describe("filter escaping", () => {
  it("escapes *, parentheses, backslash and NUL in the username", () => {
    expect(fillFilter("(uid={username})", "{username}", "*)(uid=*")).toBe("(uid=\\2a\\29\\28uid=\\2a)");
    expect(fillFilter("(uid={username})", "{username}", "a\\b\0")).toBe("(uid=a\\5cb\\00)");
  });

  it("does not let a username with *)( reach alice's entry, even with her password", async () => {
    // Unescaped, each of these filters would find exactly alice's entry, and her password would sign in.
    for (const username of ["ali*", "nobody*)(|(uid=alice)", "x)(uid=alice"])
      expect(await signIn(username, "alice-pw")).toEqual({ kind: "refused", reason: "invalid-credentials" });
    expect(await t.db.user.count()).toBe(0);
  });

  it("does not let a username with *)( become the whole people branch", async () => {
    expect(await signIn("*)(uid=*", "bob-pw")).toEqual({ kind: "refused", reason: "invalid-credentials" });
  });

  it("signs in a real username that contains parentheses", async () => {
    expect(await signIn("erin(ops)", "erin-pw")).toMatchObject({ kind: "signed-in" });
  });
});
