// The LDAP sign-in through next-auth itself (its framework-free AuthHandler, the code under
// /api/auth): the Credentials provider's POST either sets a session cookie naming a live
// Session row of the LDAP user, or sends the browser to /signin with the refusal's code.
// Then the LDAP user, who has no EVE character yet, adds one like anyone else.
import { decode } from "next-auth/jwt";
// next-auth 4 keeps its framework-free handler out of its exports map; the file is the same one the route runs.
import { AuthHandler } from "../../node_modules/next-auth/core/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthOptions } from "~/server/auth/options";
import { findSessionUser } from "~/server/auth/session";
import { registerCharacter } from "~/server/characters/registration";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createDb, type Db } from "~/server/db/client";
import { checkedSender } from "~/server/jobs/events";
import type { LdapSettings } from "~/server/ldap/settings";
import { createTestDatabase, databaseUrl, type TestDatabase } from "../support/database";
import { BASE_ENV, ldapSettings } from "../support/ldap-env";
import { type Slapd, startSlapd } from "../support/slapd";
import { captureLogs } from "../support/log-capture";

const APP_URL = "http://localhost:3000";
const cipher = createTokenCipher({ current: BASE_ENV.TOKEN_ENCRYPTION_KEY });
let t: TestDatabase;
let slapd: Slapd;

function options(ldap: LdapSettings | undefined, db: Db = t.db) {
  return createAuthOptions(
    {
      appUrl: APP_URL,
      authSecret: BASE_ENV.AUTH_SECRET,
      sso: { clientId: "c", clientSecret: "s", baseUrl: APP_URL, issuer: "localhost" },
      ldap,
    },
    { deps: { db, cipher, sendEvents: checkedSender(async () => undefined) }, signedInUserId: async () => null },
  );
}

/** The browser's side of next-auth's credentials flow: fetch a CSRF token, then post the form. */
async function postCredentials(ldap: LdapSettings | undefined, username: string, password: string, db?: Db) {
  const opts = options(ldap, db);
  const base = { origin: APP_URL, headers: { "x-forwarded-for": "198.51.100.77" }, query: {} };
  const csrf = await AuthHandler<{ csrfToken: string }>({
    req: { ...base, action: "csrf", method: "GET", cookies: {} },
    options: opts,
  });
  const cookies = Object.fromEntries((csrf.cookies ?? []).map((c) => [c.name, c.value]));
  const answer = await AuthHandler({
    req: {
      ...base,
      action: "callback",
      providerId: "ldap",
      method: "POST",
      cookies,
      body: { csrfToken: csrf.body!.csrfToken, username, password, callbackUrl: `${APP_URL}/launcher` },
    },
    options: opts,
  });
  const session = answer.cookies?.find((c) => c.name.endsWith("session-token") && c.value);
  let redirect = answer.redirect ?? "";
  // A refusal goes through next-auth's error route, which sends the browser on to pages.error (/signin).
  const error = new URL(redirect).pathname === "/api/auth/error" ? new URL(redirect).searchParams.get("error") : null;
  if (error !== null) {
    const page = await AuthHandler({
      req: { ...base, action: "error", method: "GET", cookies, error },
      options: opts,
    });
    redirect = page.redirect ?? "";
  }
  return { redirect, sessionCookie: session?.value };
}

beforeAll(async () => {
  [t, slapd] = await Promise.all([createTestDatabase(), startSlapd()]);
});
afterAll(async () => {
  await Promise.all([t?.drop(), slapd?.stop()]);
});

describe("LDAP sign-in through next-auth", () => {
  it("sets a session cookie for the LDAP user and lands on the launcher", async () => {
    const { redirect, sessionCookie } = await postCredentials(ldapSettings(slapd.url), "alice", "alice-pw");
    expect(redirect).toBe(`${APP_URL}/launcher`);
    const jwt = await decode({ token: sessionCookie, secret: BASE_ENV.AUTH_SECRET });
    const user = await findSessionUser(t.db, jwt?.sid as string);
    expect(user).toMatchObject({ ldapUsername: "alice", displayName: "Alice Archer", mainCharacter: null });
  });

  it.each([
    ["a wrong password", "alice", "wrong", "LdapInvalidCredentials"],
    ["a user outside the active group", "carol", "carol-pw", "LdapNotActive"],
  ])("sends %s back to /signin with its code and no session", async (_, username, password, code) => {
    const { redirect, sessionCookie } = await postCredentials(ldapSettings(slapd.url), username, password);
    expect(redirect).toBe(`/signin?error=${code}`);
    expect(sessionCookie).toBeUndefined();
  });

  it("says the directory is unavailable when LDAP is down", async () => {
    const { redirect } = await postCredentials(ldapSettings("ldap://127.0.0.1:1"), "alice", "alice-pw");
    expect(redirect).toBe("/signin?error=LdapUnavailable");
  });

  it("answers our own failure with a code and a logged reference, never the database's message", async () => {
    const broken = createDb(databaseUrl("ma_test_never_created"), 1);
    const logs = captureLogs();
    try {
      const { redirect } = await postCredentials(ldapSettings(slapd.url), "alice", "alice-pw", broken);
      expect(redirect).toBe("/signin?error=LdapFailed");
      expect(logs.lines().some((l) => /^\[error [0-9a-f]{12}\] LDAP sign-in:/.test(l))).toBe(true);
      expect(logs.raw.join("\n")).not.toContain("alice-pw");
    } finally {
      logs.restore();
      await broken.$disconnect();
    }
  });

  it("offers no LDAP provider unless LDAP is configured", async () => {
    // A Credentials provider carries its id in its options until next-auth merges them at request time.
    const ids = (ldap: LdapSettings | undefined) =>
      options(ldap).providers.map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id);
    expect(ids(undefined)).toEqual(["eveonline"]);
    expect(ids(ldapSettings(slapd.url))).toEqual(["eveonline", "ldap"]);
  });
});

describe("an LDAP user adding an EVE character", () => {
  it("registers it to the LDAP user, who then has it as main", async () => {
    const user = await t.db.user.findFirstOrThrow({ where: { ldapUsername: "alice" } });
    const identity = {
      characterId: 2112300001,
      characterName: "Alice's Pilot",
      ownerHash: "oh-1",
      scopes: [],
      expiresAt: new Date(),
    };
    await registerCharacter({ db: t.db, cipher }, user.id, identity, {
      refreshToken: "r",
      accessToken: "a",
      accessTokenExpiresAt: new Date(Date.now() + 60_000),
    });
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id }, include: { mainCharacter: true } });
    expect(after.mainCharacter?.name).toBe("Alice's Pilot");
    expect(after.ldapDn).toBe(user.ldapDn);
  });
});
