// The authorization-code flow end to end over HTTP: login page, character pick,
// redirect, code exchange (Basic auth and PKCE), and the access token's claims.
import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simCharacters } from "~/simulator/roster";
import type { Simulator } from "~/simulator/server";
import {
  authorizeUrl,
  basic,
  CLIENT,
  characterForm,
  DEAD_REFRESH_TOKEN,
  decodeJwtPart,
  exchangeCode,
  login,
  loginForCode,
  pkcePair,
  postToken,
  REDIRECT_URI,
  refresh,
  SCOPES,
  startSimulator,
} from "../support/sso-flow";

let sim: Simulator;
let url: string;
let jwks: ReturnType<typeof createRemoteJWKSet>;

beforeAll(async () => {
  ({ sim, url } = await startSimulator());
  jwks = createRemoteJWKSet(new URL(`${url}/oauth/jwks`));
});
afterAll(async () => sim?.close());

const verify = (token: string) =>
  jwtVerify(token, jwks, { issuer: "https://login.eveonline.com", audience: "EVE Online", currentDate: sim.now() });

describe("login page", () => {
  it("lists every roster character as its own form with a button named after it", async () => {
    const response = await fetch(authorizeUrl(url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain("Log in to EVE Online (simulator)");
    for (const character of simCharacters) {
      const form = characterForm(html, character.name);
      expect(form.method).toBe("post");
      expect(form.action).toBe("/v2/oauth/authorize");
      expect(form.fields.get("character_id")).toBe(String(character.characterId));
      expect(form.fields.get("state")).toBe("state-123");
      expect(form.fields.get("redirect_uri")).toBe(REDIRECT_URI);
    }
    expect(html.match(/<button type="submit">/g)).toHaveLength(simCharacters.length);
    for (const scope of SCOPES) expect(html).toContain(scope);
  });

  it("answers with and without the trailing slash", async () => {
    const response = await fetch(authorizeUrl(url).replace("/authorize?", "/authorize/?"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Aura Vexlin");
  });
});

describe("authorization code with client secret", () => {
  it("redirects back with code and state, and the code buys tokens", async () => {
    const callback = await login(url, "Aura Vexlin");
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("state")).toBe("state-123");
    const code = callback.searchParams.get("code")!;
    expect(code.length).toBeGreaterThanOrEqual(32);

    const { status, body } = await exchangeCode(url, code);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "refresh_token", "token_type"]);
    expect(body.expires_in).toBe(1199);
    expect(body.token_type).toBe("Bearer");
    // 16 random bytes in base64, like CCP's.
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("issues an RS256 JWT with exactly CCP's claims, verifiable through the JWKS", async () => {
    const { body } = await exchangeCode(url, await loginForCode(url, "Torvan Kessari"));
    const token = String(body.access_token);
    const { payload, protectedHeader } = await verify(token);
    expect(protectedHeader).toEqual({ alg: "RS256", kid: "JWT-Signature-Key", typ: "JWT" });
    expect(Object.keys(payload)).toEqual([
      "scp",
      "jti",
      "kid",
      "sub",
      "azp",
      "tenant",
      "tier",
      "region",
      "aud",
      "name",
      "owner",
      "exp",
      "iat",
      "iss",
    ]);
    expect(payload).toMatchObject({
      scp: SCOPES,
      kid: "JWT-Signature-Key",
      sub: "CHARACTER:EVE:2112000002",
      azp: CLIENT.clientId,
      tenant: "tranquility",
      tier: "live",
      region: "world",
      aud: [CLIENT.clientId, "EVE Online"],
      name: "Torvan Kessari",
      owner: sim.ownerHash(2112000002),
      iss: "https://login.eveonline.com",
    });
    expect(payload.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(payload.exp! - payload.iat!).toBe(1200);
    expect(Math.abs(payload.iat! - sim.now().getTime() / 1000)).toBeLessThan(5);
    expect(String(payload.owner)).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });

  it("puts a single scope in scp as a string", async () => {
    const { body } = await exchangeCode(url, await loginForCode(url, "Ilsa Marrow", { scope: "publicData" }));
    expect((await verify(String(body.access_token))).payload.scp).toBe("publicData");
    expect(typeof body.refresh_token).toBe("string");
  });

  it("omits scp and the refresh token when no scope was requested", async () => {
    const { status, body } = await exchangeCode(url, await loginForCode(url, "Ilsa Marrow", { scope: undefined }));
    expect(status).toBe(200);
    expect(body).not.toHaveProperty("refresh_token");
    expect((await verify(String(body.access_token))).payload).not.toHaveProperty("scp");
  });

  it("refuses a replayed code and revokes the refresh token it produced", async () => {
    const code = await loginForCode(url, "Daren Holtz");
    const first = await exchangeCode(url, code);
    expect(first.status).toBe(200);
    const second = await exchangeCode(url, code);
    expect(second.status).toBe(400);
    expect(second.body.error).toBe("invalid_grant");
    expect(second.body.error_description).toBe("Authorization code is invalid or has expired");
    const refreshed = await refresh(url, String(first.body.refresh_token));
    expect(refreshed).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
  });

  it("refuses an unknown code and a code older than five minutes", async () => {
    expect((await exchangeCode(url, "no-such-code")).body.error).toBe("invalid_grant");
    const code = await loginForCode(url, "Kaelen Ostrava");
    sim.advanceClock(301);
    const late = await exchangeCode(url, code);
    expect(late.status).toBe(400);
    expect(late.body.error).toBe("invalid_grant");
  });

  it("refuses a code redeemed by another client or with another redirect_uri", async () => {
    const other = await startSimulator({
      clients: [CLIENT, { clientId: "other-app", clientSecret: "other-secret", redirectUris: [REDIRECT_URI] }],
    });
    try {
      const code = await loginForCode(other.url, "Aura Vexlin");
      expect((await exchangeCode(other.url, code, {}, basic("other-app", "other-secret"))).body.error).toBe(
        "invalid_grant",
      );
      const code2 = await loginForCode(other.url, "Aura Vexlin");
      const mismatch = await exchangeCode(other.url, code2, { redirect_uri: CLIENT.redirectUris[1]! });
      expect(mismatch.body.error).toBe("invalid_grant");
    } finally {
      await other.sim.close();
    }
  });

  it("answers a wrong secret with 401 invalid_client", async () => {
    const code = await loginForCode(url, "Mira Tenshaw");
    const result = await exchangeCode(url, code, {}, basic(CLIENT.clientId, "wrong"));
    expect(result).toEqual({ status: 401, body: { error: "invalid_client", error_description: "Unknown client" } });
  });

  it("accepts only form-encoded token requests", async () => {
    const code = await loginForCode(url, "Mira Tenshaw");
    const response = await fetch(`${url}/v2/oauth/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: basic() },
      body: JSON.stringify({ grant_type: "authorization_code", code }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("invalid_request");
    // The refused request did not use up the code.
    expect((await exchangeCode(url, code)).status).toBe(200);
  });

  it("refuses an unsupported grant type", async () => {
    const result = await postToken(url, { grant_type: "password", username: "a", password: "b" });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("unsupported_grant_type");
  });

  it("requires client authentication when the code has no PKCE challenge", async () => {
    const code = await loginForCode(url, "Mira Tenshaw");
    const result = await exchangeCode(url, code, { client_id: CLIENT.clientId }, null);
    expect(result.status).toBe(401);
    expect(result.body.error).toBe("invalid_client");
  });
});

describe("authorization code with PKCE", () => {
  it("exchanges with client_id and code_verifier, no secret, and refreshes the same way", async () => {
    const { verifier, challenge } = pkcePair();
    const code = await loginForCode(url, "Jorund Vale", { code_challenge: challenge, code_challenge_method: "S256" });
    const { status, body } = await exchangeCode(
      url,
      code,
      { client_id: CLIENT.clientId, code_verifier: verifier },
      null,
    );
    expect(status).toBe(200);
    expect((await verify(String(body.access_token))).payload.sub).toBe("CHARACTER:EVE:2112000007");
    const refreshed = await refresh(url, String(body.refresh_token), { client_id: CLIENT.clientId }, null);
    expect(refreshed.status).toBe(200);
  });

  it("refuses a wrong verifier", async () => {
    const { challenge } = pkcePair();
    const code = await loginForCode(url, "Jorund Vale", { code_challenge: challenge, code_challenge_method: "S256" });
    const result = await exchangeCode(
      url,
      code,
      { client_id: CLIENT.clientId, code_verifier: pkcePair().verifier },
      null,
    );
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("invalid_grant");
  });

  it("requires the verifier even when the client also sends its secret", async () => {
    const { challenge } = pkcePair();
    const code = await loginForCode(url, "Seren Ackerly", { code_challenge: challenge, code_challenge_method: "S256" });
    const result = await exchangeCode(url, code);
    expect(result.status).toBe(400);
    expect(result.body.error).toBe("invalid_grant");
  });

  it("does not let a secret-less client refresh a grant that was not born from PKCE", async () => {
    const { body } = await exchangeCode(url, await loginForCode(url, "Seren Ackerly"));
    const result = await refresh(url, String(body.refresh_token), { client_id: CLIENT.clientId }, null);
    expect(result.status).toBe(401);
    expect(result.body.error).toBe("invalid_client");
  });

  it("accepts only S256", async () => {
    const callback = await fetch(
      authorizeUrl(url, { code_challenge: "a".repeat(43), code_challenge_method: "plain" }),
      { redirect: "manual" },
    );
    expect(callback.status).toBe(302);
    const location = new URL(callback.headers.get("location")!);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("state")).toBe("state-123");
  });
});

describe("authorize request validation", () => {
  it("shows an error page and does not redirect when the callback is not registered", async () => {
    const response = await fetch(authorizeUrl(url, { redirect_uri: "http://evil.example.org/cb" }), {
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    const html = await response.text();
    expect(html).toContain("invalid_request");
    expect(html).toContain("The callback URI doesn&#39;t match the value stored for this client");
  });

  it("shows an error page for an unknown client", async () => {
    const response = await fetch(authorizeUrl(url, { client_id: "nobody" }), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
  });

  it("redirects back with invalid_scope for a scope the client may not request", async () => {
    const restricted = await startSimulator({ clients: [{ ...CLIENT, scopes: ["publicData"] }] });
    try {
      const response = await fetch(authorizeUrl(restricted.url, { scope: "publicData esi-skills.read_skills.v1" }), {
        redirect: "manual",
      });
      expect(response.status).toBe(302);
      const location = new URL(response.headers.get("location")!);
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
      expect(location.searchParams.get("error")).toBe("invalid_scope");
      expect(location.searchParams.get("error_description")).toBe(
        "The requested 'esi-skills.read_skills.v1' scope is not valid.",
      );
      expect(location.searchParams.get("state")).toBe("state-123");
      expect((await fetch(authorizeUrl(restricted.url, { scope: "publicData" }))).status).toBe(200);
    } finally {
      await restricted.sim.close();
    }
  });

  it("refuses scopes that are not ESI scopes for an unrestricted client", async () => {
    const response = await fetch(authorizeUrl(url, { scope: "openid" }), { redirect: "manual" });
    expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe("invalid_scope");
  });

  it.each([
    ["state", { state: undefined }, "invalid_request"],
    ["response_type=code", { response_type: "token" }, "unsupported_response_type"],
  ])("redirects back with an error when %s is missing", async (_, params, error) => {
    const response = await fetch(authorizeUrl(url, params), { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location")!).searchParams.get("error")).toBe(error);
  });

  it("re-validates on POST and refuses a character outside the roster", async () => {
    const html = await (await fetch(authorizeUrl(url))).text();
    const form = characterForm(html, "Aura Vexlin");
    form.fields.set("character_id", "1");
    const response = await fetch(`${url}/v2/oauth/authorize`, {
      method: "POST",
      body: form.fields,
      redirect: "manual",
    });
    expect(response.status).toBe(400);

    const tampered = characterForm(html, "Aura Vexlin");
    tampered.fields.set("redirect_uri", "http://evil.example.org/cb");
    const refused = await fetch(`${url}/v2/oauth/authorize`, {
      method: "POST",
      body: tampered.fields,
      redirect: "manual",
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("location")).toBeNull();
  });
});

describe("issueAccessToken", () => {
  it("signs with the simulator's key and applies overrides", async () => {
    const token = await sim.issueAccessToken(2112000010, ["publicData"], CLIENT.clientId, {
      aud: ["other"],
      owner: undefined,
    });
    const payload = decodeJwtPart(token, 1);
    expect(payload.aud).toEqual(["other"]);
    expect(payload).not.toHaveProperty("owner");
    await expect(verify(token)).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
    const genuine = await sim.issueAccessToken(2112000010, [], CLIENT.clientId);
    expect((await verify(genuine)).payload.name).toBe("Nyx Caldor");
  });
});
