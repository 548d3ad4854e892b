// Access tokens are verified locally against the SSO's JWKS, served over HTTP by the simulator.
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyEveAccessToken } from "~/server/identity/eve-jwt";

const rejected = { code: "UNAUTHORIZED", details: { reason: "invalid-eve-token" } };
import { ssoEndpoints } from "~/server/identity/sso-endpoints";
import { createSimulator, type Simulator } from "~/simulator/server";

let sim: Simulator;
let config: { jwksUrl: string; clientId: string; issuer: string };
const characterId = 2112000001;

beforeAll(async () => {
  sim = createSimulator({ clients: [{ clientId: "app", clientSecret: "s", redirectUris: ["http://localhost/cb"] }] });
  const url = await sim.listen(0, "127.0.0.1");
  config = { jwksUrl: ssoEndpoints(url).jwks, clientId: "app", issuer: "login.eveonline.com" };
});
afterAll(async () => sim?.close());

const issue = (
  overrides: Record<string, unknown> = {},
  scopes = ["esi-skills.read_skills.v1", "esi-wallet.read_character_wallet.v1"],
) => sim.issueAccessToken(characterId, scopes, "app", overrides);

describe("EVE access token verification", () => {
  it("accepts a genuine token and reads identity, owner hash and scopes", async () => {
    const identity = await verifyEveAccessToken(await issue(), config);
    expect(identity).toMatchObject({
      characterId,
      characterName: "Aura Vexlin",
      ownerHash: sim.ownerHash(characterId),
    });
    expect(identity.scopes).toEqual(["esi-skills.read_skills.v1", "esi-wallet.read_character_wallet.v1"]);
  });

  it("reads a single scope given as a string", async () => {
    expect((await verifyEveAccessToken(await issue({}, ["publicData"]), config)).scopes).toEqual(["publicData"]);
  });

  it("accepts the issuer with or without https://", async () => {
    await expect(verifyEveAccessToken(await issue({ iss: "login.eveonline.com" }), config)).resolves.toBeTruthy();
    await expect(
      verifyEveAccessToken(await issue({ iss: "https://login.eveonline.com" }), config),
    ).resolves.toBeTruthy();
  });

  it.each([
    ["a wrong issuer", { iss: "https://evil.example.org" }, /claim iss/],
    ["an audience without EVE Online", { aud: ["app"] }, /audience/],
    ["an audience without our client id", { aud: ["other-app", "EVE Online"] }, /audience/],
    ["a non-character subject", { sub: "CORPORATION:EVE:98000001" }, /subject/],
  ])("refuses %s", async (_, overrides, message) => {
    await expect(verifyEveAccessToken(await issue(overrides), config)).rejects.toThrow(message);
  });

  it("refuses an expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expect(verifyEveAccessToken(await issue({ iat: past - 1200, exp: past }), config)).rejects.toThrow(/expired/);
  });

  it("refuses a token signed with another key, even with the SSO's key id", async () => {
    const { privateKey, publicKey } = await generateKeyPair("RS256");
    expect((await exportJWK(publicKey)).kty).toBe("RSA");
    const forged = await new SignJWT({ name: "Aura Vexlin", owner: sim.ownerHash(characterId), scp: ["publicData"] })
      .setProtectedHeader({ alg: "RS256", kid: "JWT-Signature-Key" })
      .setSubject(`CHARACTER:EVE:${characterId}`)
      .setAudience(["app", "EVE Online"])
      .setIssuer("https://login.eveonline.com")
      .setIssuedAt()
      .setExpirationTime("20m")
      .sign(privateKey);
    await expect(verifyEveAccessToken(forged, config)).rejects.toMatchObject(rejected);
    await expect(verifyEveAccessToken(forged, config)).rejects.toThrow(/signature/);
  });

  it("refuses garbage", async () => {
    await expect(verifyEveAccessToken("not-a-jwt", config)).rejects.toMatchObject(rejected);
  });
});
