// What happens to a grant after login: refresh and rotation, revocation, character
// transfer, token expiry on the simulated clock, the verify endpoint and the
// /_sim control routes.
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "~/simulator/server";
import {
  basic,
  CLIENT,
  DEAD_REFRESH_TOKEN,
  decodeJwtPart,
  exchangeCode,
  loginForCode,
  loginTokens,
  REDIRECT_URI,
  refresh,
  SCOPES,
  startSimulator,
} from "../support/sso-flow";

let sim: Simulator;
let url: string;

beforeAll(async () => {
  ({ sim, url } = await startSimulator());
});
afterAll(async () => sim?.close());

async function revoke(token: string, authorization = basic()) {
  return fetch(`${url}/v2/oauth/revoke`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Authorization: authorization },
    body: new URLSearchParams({ token_type_hint: "refresh_token", token }),
  });
}

const post = (path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("refresh", () => {
  it("returns a new access token and a rotated refresh token; the old one keeps working", async () => {
    const first = await loginTokens(url, "Aura Vexlin");
    const { status, body } = await refresh(url, first.refresh_token);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type"]);
    expect(body.refresh_token).not.toBe(first.refresh_token);
    expect(body.access_token).not.toBe(first.access_token);
    expect(decodeJwtPart(String(body.access_token), 1).scp).toEqual(SCOPES);
    expect((await refresh(url, String(body.refresh_token))).status).toBe(200);
    expect((await refresh(url, first.refresh_token)).status).toBe(200);
  });

  it("keeps the refresh token when rotation is off", async () => {
    const fixed = await startSimulator({ rotateRefreshTokens: false });
    try {
      const first = await loginTokens(fixed.url, "Aura Vexlin");
      const { body } = await refresh(fixed.url, first.refresh_token);
      expect(body.refresh_token).toBe(first.refresh_token);
    } finally {
      await fixed.sim.close();
    }
  });

  it("narrows scopes on request and refuses scopes beyond the grant", async () => {
    const first = await loginTokens(url, "Aura Vexlin");
    const narrowed = await refresh(url, first.refresh_token, { scope: "esi-skills.read_skills.v1" });
    expect(decodeJwtPart(String(narrowed.body.access_token), 1).scp).toBe("esi-skills.read_skills.v1");
    const wider = await refresh(url, first.refresh_token, { scope: "esi-mail.read_mail.v1" });
    expect(wider.status).toBe(400);
    expect(wider.body.error).toBe("invalid_scope");
  });

  it("answers unknown refresh tokens with CCP's invalid_grant body", async () => {
    expect(await refresh(url, "MDEyMzQ1Njc4OWFiY2RlZg==")).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
  });

  it("does not let another client use the token", async () => {
    const shared = await startSimulator({
      clients: [CLIENT, { clientId: "other-app", clientSecret: "x", redirectUris: [REDIRECT_URI] }],
    });
    try {
      const { refresh_token } = await loginTokens(shared.url, "Aura Vexlin");
      const result = await refresh(shared.url, refresh_token, {}, basic("other-app", "x"));
      expect(result.status).toBe(400);
      expect(result.body.error).toBe("invalid_grant");
    } finally {
      await shared.sim.close();
    }
  });
});

describe("revocation", () => {
  it("answers 200 for any token and kills a known one together with its rotated siblings", async () => {
    expect((await revoke("unknown-token")).status).toBe(200);
    const first = await loginTokens(url, "Torvan Kessari");
    const rotated = String((await refresh(url, first.refresh_token)).body.refresh_token);
    const response = await revoke(first.refresh_token);
    expect(response.status).toBe(200);
    expect(await refresh(url, first.refresh_token)).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
    expect(await refresh(url, rotated)).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
  });

  it("requires the client's credentials", async () => {
    const { refresh_token } = await loginTokens(url, "Torvan Kessari");
    expect((await revoke(refresh_token, basic(CLIENT.clientId, "wrong"))).status).toBe(401);
    expect((await refresh(url, refresh_token)).status).toBe(200);
  });

  it("revokeCharacterTokens ends every grant of that character and counts them", async () => {
    const a = await loginTokens(url, "Ilsa Marrow");
    const b = await loginTokens(url, "Ilsa Marrow");
    const other = await loginTokens(url, "Daren Holtz");
    expect(sim.revokeCharacterTokens(2112000003)).toBe(2);
    expect(sim.revokeCharacterTokens(2112000003)).toBe(0);
    expect((await refresh(url, a.refresh_token)).body).toEqual(DEAD_REFRESH_TOKEN);
    expect((await refresh(url, b.refresh_token)).body).toEqual(DEAD_REFRESH_TOKEN);
    expect((await refresh(url, other.refresh_token)).status).toBe(200);
  });
});

describe("character transfer", () => {
  it("changes the owner hash, kills old refresh tokens, and a new login carries the new hash", async () => {
    const before = await loginTokens(url, "Kaelen Ostrava");
    const oldHash = sim.ownerHash(2112000005);
    expect(decodeJwtPart(before.access_token, 1).owner).toBe(oldHash);

    const newHash = sim.transferCharacter(2112000005);
    expect(newHash).not.toBe(oldHash);
    expect(newHash).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(sim.ownerHash(2112000005)).toBe(newHash);
    expect(await refresh(url, before.refresh_token)).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
    // The transfer itself revoked the grant: nothing is left to revoke.
    expect(sim.revokeCharacterTokens(2112000005)).toBe(0);

    const after = decodeJwtPart((await loginTokens(url, "Kaelen Ostrava")).access_token, 1);
    expect(after.sub).toBe("CHARACTER:EVE:2112000005");
    expect(after.owner).toBe(newHash);
  });

  it("makes a code issued before the transfer worthless", async () => {
    const code = await loginForCode(url, "Mira Tenshaw");
    sim.transferCharacter(2112000006);
    const result = await exchangeCode(url, code);
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("invalid_grant");
  });

  it("leaves other characters of the same account alone", async () => {
    const hash = sim.ownerHash(2112000001);
    sim.transferCharacter(2112000002);
    expect(sim.ownerHash(2112000001)).toBe(hash);
  });

  it("gives the same character different hashes under different seeds", async () => {
    const other = await startSimulator({ seed: 2 });
    try {
      expect(other.sim.ownerHash(2112000001)).not.toBe(sim.ownerHash(2112000001));
    } finally {
      await other.sim.close();
    }
  });
});

describe("simulated clock and the verify endpoint", () => {
  it("verify returns the v1 profile for a live token and 401 once the clock passes exp", async () => {
    const { access_token } = await loginTokens(url, "Nyx Caldor");
    const live = await fetch(`${url}/oauth/verify`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(live.status).toBe(200);
    const profile = (await live.json()) as Record<string, unknown>;
    const exp = Number(decodeJwtPart(access_token, 1).exp);
    expect(profile).toEqual({
      CharacterID: 2112000010,
      CharacterName: "Nyx Caldor",
      ExpiresOn: new Date(exp * 1000).toISOString().replace("Z", ""),
      Scopes: SCOPES.join(" "),
      TokenType: "Character",
      CharacterOwnerHash: sim.ownerHash(2112000010),
      IntellectualProperty: "EVE",
    });
    const v2 = await fetch(`${url}/v2/oauth/verify`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(await v2.json()).toEqual(profile);

    const before = sim.now().getTime();
    const advanced = await post("/_sim/clock/advance", { seconds: 1201 });
    expect(advanced.status).toBe(200);
    expect(Date.parse(((await advanced.json()) as { now: string }).now) - before).toBeGreaterThanOrEqual(1201_000);

    const expired = await fetch(`${url}/oauth/verify`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: string }).error).toBe("invalid_token");
    const jwks = createRemoteJWKSet(new URL(`${url}/oauth/jwks`));
    await expect(jwtVerify(access_token, jwks, { currentDate: sim.now() })).rejects.toBeInstanceOf(errors.JWTExpired);
  });

  it("issues tokens on the simulated clock", async () => {
    sim.advanceClock(86_400);
    const payload = decodeJwtPart((await loginTokens(url, "Nyx Caldor")).access_token, 1);
    expect(Number(payload.iat)).toBeGreaterThan(Date.now() / 1000 + 86_000);
  });

  it("refuses a missing or forged bearer token", async () => {
    expect((await fetch(`${url}/oauth/verify`)).status).toBe(401);
    const forged = await sim.issueAccessToken(2112000010, [], CLIENT.clientId, { iss: "https://evil.example.org" });
    expect((await fetch(`${url}/oauth/verify`, { headers: { Authorization: `Bearer ${forged}` } })).status).toBe(401);
  });

  it("refuses to move the clock backwards", async () => {
    expect(() => sim.advanceClock(-1)).toThrow(RangeError);
    expect((await post("/_sim/clock/advance", { seconds: -5 })).status).toBe(400);
    expect((await post("/_sim/clock/advance", { seconds: "10" })).status).toBe(400);
  });
});

describe("/_sim control routes", () => {
  it("reports health and the roster with current owner hashes", async () => {
    const health = (await (await fetch(`${url}/_sim/health`)).json()) as Record<string, unknown>;
    expect(health.status).toBe("ok");
    const roster = (await (await fetch(`${url}/_sim/characters/`)).json()) as Array<Record<string, unknown>>;
    expect(roster).toHaveLength(12);
    expect(roster[0]).toEqual({
      character_id: 2112000001,
      name: "Aura Vexlin",
      corporation_id: 98000001,
      alliance_id: 99000001,
      account: "A",
      owner_hash: sim.ownerHash(2112000001),
    });
  });

  it("transfers and revokes over HTTP", async () => {
    const { refresh_token } = await loginTokens(url, "Oskar Rhee");
    const revoked = await post("/_sim/characters/2112000011/revoke");
    expect(await revoked.json()).toEqual({ character_id: 2112000011, revoked: 1 });
    expect((await refresh(url, refresh_token)).body).toEqual(DEAD_REFRESH_TOKEN);

    const second = await loginTokens(url, "Oskar Rhee");
    const oldHash = sim.ownerHash(2112000011);
    const transferred = (await (await post("/_sim/characters/2112000011/transfer")).json()) as { owner_hash: string };
    expect(transferred.owner_hash).not.toBe(oldHash);
    expect(transferred.owner_hash).toBe(sim.ownerHash(2112000011));
    expect((await refresh(url, second.refresh_token)).body).toEqual(DEAD_REFRESH_TOKEN);
  });

  it("answers 404 for characters outside the roster", async () => {
    const response = await post("/_sim/characters/1/transfer");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Character not found" });
  });
});
