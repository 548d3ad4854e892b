// LDAP_START_TLS against a real slapd offering a self-signed certificate: with the certificate
// given as LDAP_TLS_CA_FILE the sign-in works over TLS; without it the certificate is not
// trusted and the directory is "unavailable" (no silent fallback to plain text).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInWithLdap } from "~/server/characters/ldap-sign-in";
import { ldapDirectory } from "~/server/ldap/directory";
import type { LdapSettings } from "~/server/ldap/settings";
import { FailureThrottle } from "~/server/ldap/throttle";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { ldapSettings } from "../support/ldap-env";
import { type Slapd, startSlapd } from "../support/slapd";

let t: TestDatabase;
let slapd: Slapd;

function signIn(settings: LdapSettings, lines: string[] = []) {
  const throttle = new FailureThrottle(settings.throttle);
  return signInWithLdap(
    { db: t.db, directory: ldapDirectory(settings), throttle, settings, warn: (l) => lines.push(l) },
    { username: "alice", password: "alice-pw", clientAddress: "192.0.2.40" },
  );
}

beforeAll(async () => {
  [t, slapd] = await Promise.all([createTestDatabase(), startSlapd({ tls: true })]);
});
afterAll(async () => {
  await Promise.all([t?.drop(), slapd?.stop()]);
});

describe("StartTLS", () => {
  it("signs in over TLS when the directory's CA is given", async () => {
    const settings = ldapSettings(slapd.url, { LDAP_START_TLS: "1", LDAP_TLS_CA_FILE: slapd.caFile });
    expect(await signIn(settings)).toMatchObject({ kind: "signed-in" });
  });

  it("refuses a certificate it cannot verify, as unavailable", async () => {
    const lines: string[] = [];
    expect(await signIn(ldapSettings(slapd.url, { LDAP_START_TLS: "1" }), lines)).toEqual({
      kind: "refused",
      reason: "unavailable",
    });
    expect(lines[0]).toMatch(/certificate/i);
  });

  it("names LDAP_TLS_CA_FILE when the file is not there", () => {
    expect(() => ldapSettings(slapd.url, { LDAP_TLS_CA_FILE: "/nonexistent/ca.pem" })).toThrow(
      "Invalid setting LDAP_TLS_CA_FILE: must be the path of a readable PEM file",
    );
  });
});
