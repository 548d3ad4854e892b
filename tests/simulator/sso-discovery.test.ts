// Discovery: the metadata document and the JWKS, as apps find the SSO's endpoints and keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Simulator } from "~/simulator/server";
import { startSimulator } from "../support/sso-flow";

let sim: Simulator;
let url: string;

beforeAll(async () => {
  ({ sim, url } = await startSimulator());
});
afterAll(async () => sim?.close());

// The field set CCP published on 2026-03-12.
const CCP_METADATA_FIELDS = [
  "authorization_endpoint",
  "code_challenge_methods_supported",
  "id_token_signing_alg_values_supported",
  "issuer",
  "jwks_uri",
  "response_types_supported",
  "revocation_endpoint",
  "revocation_endpoint_auth_methods_supported",
  "subject_types_supported",
  "token_endpoint",
  "token_endpoint_auth_methods_supported",
  "token_endpoint_auth_signing_alg_values_supported",
  "userinfo_endpoint",
];

describe("SSO metadata", () => {
  it("serves CCP's field set with endpoints on the simulator's URL", async () => {
    const response = await fetch(`${url}/.well-known/oauth-authorization-server`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(metadata).sort()).toEqual(CCP_METADATA_FIELDS);
    expect(metadata).toMatchObject({
      issuer: "https://login.eveonline.com",
      authorization_endpoint: `${url}/v2/oauth/authorize`,
      token_endpoint: `${url}/v2/oauth/token`,
      revocation_endpoint: `${url}/v2/oauth/revoke`,
      userinfo_endpoint: `${url}/v2/oauth/verify`,
      jwks_uri: `${url}/oauth/jwks`,
      code_challenge_methods_supported: ["S256"],
    });
  });

  it("serves the same document at the OpenID path", async () => {
    const [a, b] = await Promise.all(
      ["/.well-known/oauth-authorization-server", "/.well-known/openid-configuration"].map((p) =>
        fetch(`${url}${p}`).then((r) => r.json()),
      ),
    );
    expect(b).toEqual(a);
  });

  it("uses the configured public URL and issuer", async () => {
    const other = await startSimulator({ publicUrl: "https://sso.example.test/", issuer: "login.eveonline.com" });
    try {
      const metadata = (await fetch(`${other.url}/.well-known/oauth-authorization-server`).then((r) =>
        r.json(),
      )) as Record<string, unknown>;
      expect(metadata.issuer).toBe("login.eveonline.com");
      expect(metadata.token_endpoint).toBe("https://sso.example.test/v2/oauth/token");
      expect(other.sim.url).toBe("https://sso.example.test");
    } finally {
      await other.sim.close();
    }
  });
});

describe("JWKS", () => {
  it("publishes one RS256 key under CCP's key id", async () => {
    const response = await fetch(`${url}/oauth/jwks`);
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as {
      keys: Array<Record<string, unknown>>;
      SkipUnresolvedJsonWebKeys: unknown;
    };
    expect(jwks.SkipUnresolvedJsonWebKeys).toBe(true);
    expect(jwks.keys).toHaveLength(1);
    const key = jwks.keys[0]!;
    expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(key).toMatchObject({ alg: "RS256", kid: "JWT-Signature-Key", kty: "RSA", use: "sig", e: "AQAB" });
    // 2048-bit modulus: 256 bytes, 342 base64url characters.
    expect(String(key.n)).toMatch(/^[A-Za-z0-9_-]{342}$/);
    expect(jwks).toEqual(sim.jwks());
  });

  it("has a different key in another simulator instance", async () => {
    const other = await startSimulator();
    try {
      expect(other.sim.jwks().keys[0]).not.toEqual(sim.jwks().keys[0]);
    } finally {
      await other.sim.close();
    }
  });

  it("answers unknown SSO paths with a JSON 404 and wrong methods with 405", async () => {
    const missing = await fetch(`${url}/v2/oauth/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "Not found" });
    const wrongMethod = await fetch(`${url}/v2/oauth/token`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });
});
