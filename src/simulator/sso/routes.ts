// The SSO's HTTP surface (login.eveonline.com): discovery, keys, the OAuth
// endpoints and the deprecated-but-still-used verify endpoint that next-auth's
// stock EVE provider calls for the profile.
import type { JWTPayload } from "jose";
import { mediaType, sendJson } from "../http/io";
import type { Route } from "../http/router";
import type { Handler } from "../services";
import { scopesOf } from "./access-token";
import { selectCharacter, showLoginPage } from "./authorize";
import { authenticateClient } from "./clients";
import { sendOAuthError, tokenEndpoint } from "./token";

// Field set and values as CCP published them in 2026, with our base URL.
const metadata: Handler = (ctx) => {
  const base = ctx.services.baseUrl();
  sendJson(
    ctx.res,
    200,
    {
      issuer: ctx.services.issuer,
      authorization_endpoint: `${base}/v2/oauth/authorize`,
      token_endpoint: `${base}/v2/oauth/token`,
      userinfo_endpoint: `${base}/v2/oauth/verify`,
      response_types_supported: ["code", "token"],
      jwks_uri: `${base}/oauth/jwks`,
      revocation_endpoint: `${base}/v2/oauth/revoke`,
      subject_types_supported: ["public"],
      revocation_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "client_secret_jwt"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "client_secret_jwt"],
      id_token_signing_alg_values_supported: ["HS256"],
      token_endpoint_auth_signing_alg_values_supported: ["HS256"],
      code_challenge_methods_supported: ["S256"],
    },
    { "Cache-Control": "public, max-age=300" },
  );
};

const jwks: Handler = (ctx) => {
  sendJson(ctx.res, 200, ctx.services.keys.jwks(), { "Cache-Control": "public, max-age=300" });
};

// RFC 7009: 200 whatever the token, so callers learn nothing about other clients' tokens.
const revoke: Handler = async (ctx) => {
  if (mediaType(ctx.req) !== "application/x-www-form-urlencoded") {
    return sendOAuthError(ctx.res, 400, "invalid_request", "The request must be application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(await ctx.body());
  const auth = authenticateClient(ctx.services.clients, ctx.req.headers.authorization, form);
  if (auth.kind === "failed") return sendOAuthError(ctx.res, 401, "invalid_client", auth.description);
  const token = form.get("token");
  const hint = form.get("token_type_hint");
  if (token && (hint === null || hint === "refresh_token")) {
    const grant = ctx.services.grants.findByRefreshToken(token);
    if (grant && grant.clientId === auth.client.clientId) ctx.services.grants.revoke(grant, ctx.services.clock.now());
  }
  ctx.res.writeHead(200, { "Content-Length": 0, "Cache-Control": "no-store" });
  ctx.res.end();
};

const verify: Handler = async (ctx) => {
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? "")?.[1];
  const unauthorized = (description: string) =>
    sendJson(
      ctx.res,
      401,
      { error: "invalid_token", error_description: description },
      {
        "WWW-Authenticate": `Bearer error="invalid_token"`,
        "Cache-Control": "no-store",
      },
    );
  if (!bearer) return unauthorized("A Bearer access token is required");
  let payload: JWTPayload;
  try {
    payload = await ctx.services.verifyAccessToken(bearer);
  } catch (error) {
    return unauthorized(error instanceof Error ? error.message : "The token is invalid");
  }
  const characterId = Number(/^CHARACTER:EVE:(\d+)$/.exec(String(payload.sub ?? ""))?.[1]);
  if (!Number.isSafeInteger(characterId) || typeof payload.exp !== "number")
    return unauthorized("The token is not a character token");
  sendJson(
    ctx.res,
    200,
    {
      CharacterID: characterId,
      CharacterName: payload.name,
      // v1 verify wrote a zone-less UTC timestamp.
      ExpiresOn: new Date(payload.exp * 1000).toISOString().replace(/Z$/, ""),
      Scopes: scopesOf(payload).join(" "),
      TokenType: "Character",
      CharacterOwnerHash: payload.owner,
      IntellectualProperty: "EVE",
    },
    { "Cache-Control": "no-store" },
  );
};

export const ssoRoutes: readonly Route<Handler>[] = [
  { method: "GET", path: "/.well-known/oauth-authorization-server", handler: metadata },
  { method: "GET", path: "/.well-known/openid-configuration", handler: metadata },
  { method: "GET", path: "/oauth/jwks", handler: jwks },
  { method: "GET", path: "/v2/oauth/authorize", handler: showLoginPage },
  { method: "POST", path: "/v2/oauth/authorize", handler: selectCharacter },
  { method: "POST", path: "/v2/oauth/token", handler: tokenEndpoint },
  { method: "POST", path: "/v2/oauth/revoke", handler: revoke },
  { method: "GET", path: "/oauth/verify", handler: verify },
  { method: "GET", path: "/v2/oauth/verify", handler: verify },
];
