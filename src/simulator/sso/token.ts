// POST /v2/oauth/token: authorization_code and refresh_token grants, with CCP's
// error bodies. Since SSO v2 only form-encoded requests are accepted.
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { mediaType, sendJson } from "../http/io";
import { findAnyCharacter } from "../data/characters";
import type { Handler, RequestContext } from "../services";
import { ACCESS_TOKEN_EXPIRES_IN } from "./access-token";
import { parseScopeParam } from "./authorize";
import { authenticateClient, type SimClientConfig } from "./clients";
import type { Grant } from "./grants";

const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" };
const DEAD_REFRESH_TOKEN = "Invalid refresh token. Token missing/expired.";
const DEAD_CODE = "Authorization code is invalid or has expired";

export function sendOAuthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description }, NO_STORE);
}

function pkceMatches(challenge: string, verifier: string): boolean {
  return createHash("sha256").update(verifier).digest("base64url") === challenge;
}

async function issueTokens(
  ctx: RequestContext,
  grantScopes: readonly string[],
  clientId: string,
  characterId: number,
  refreshToken: string | undefined,
) {
  const accessToken = await ctx.services.issueAccessToken(characterId, grantScopes, clientId);
  const body: Record<string, unknown> = {
    access_token: accessToken,
    expires_in: ACCESS_TOKEN_EXPIRES_IN,
    token_type: "Bearer",
  };
  if (refreshToken !== undefined) body.refresh_token = refreshToken;
  sendJson(ctx.res, 200, body, NO_STORE);
}

async function authorizationCodeGrant(
  ctx: RequestContext,
  form: URLSearchParams,
  client: SimClientConfig,
  confidential: boolean,
): Promise<void> {
  const { services } = ctx;
  const value = form.get("code");
  if (!value) return sendOAuthError(ctx.res, 400, "invalid_request", "The code parameter is missing");

  const redemption = services.codes.redeem(value, services.clock.nowMs());
  if (redemption.kind === "replayed") {
    // The code leaked or the client retried: either way the grant it produced is no longer trustworthy.
    const grant = redemption.code.grantId ? services.grants.find(redemption.code.grantId) : undefined;
    if (grant) services.grants.revoke(grant, services.clock.now());
    return sendOAuthError(ctx.res, 400, "invalid_grant", DEAD_CODE);
  }
  if (
    redemption.kind === "invalid" ||
    redemption.code.clientId !== client.clientId ||
    redemption.code.ownerHash !== services.owners.hash(redemption.code.characterId)
  ) {
    return sendOAuthError(ctx.res, 400, "invalid_grant", DEAD_CODE);
  }
  const { code } = redemption;
  const redirectUri = form.get("redirect_uri");
  if (redirectUri !== null && redirectUri !== code.redirectUri) {
    return sendOAuthError(
      ctx.res,
      400,
      "invalid_grant",
      "The redirect_uri does not match the one used to obtain the code",
    );
  }
  const verifier = form.get("code_verifier");
  if (code.codeChallenge !== undefined) {
    if (!verifier) return sendOAuthError(ctx.res, 400, "invalid_grant", "The code_verifier parameter is missing");
    if (!pkceMatches(code.codeChallenge, verifier))
      return sendOAuthError(ctx.res, 400, "invalid_grant", "The code_verifier does not match the code_challenge");
  } else if (!confidential) {
    return sendOAuthError(ctx.res, 401, "invalid_client", "Client authentication is required");
  }

  let refreshToken: string | undefined;
  if (code.scopes.length > 0) {
    const created = services.grants.create(
      {
        clientId: client.clientId,
        characterId: code.characterId,
        scopes: code.scopes,
        ownerHash: code.ownerHash,
        pkce: code.codeChallenge !== undefined,
      },
      services.clock.now(),
    );
    code.grantId = created.grant.grantId;
    refreshToken = created.refreshToken;
  }
  await issueTokens(ctx, code.scopes, client.clientId, code.characterId, refreshToken);
}

function isAlive(ctx: RequestContext, grant: Grant): boolean {
  return (
    !grant.revokedAt &&
    findAnyCharacter(grant.characterId) !== undefined &&
    ctx.services.owners.hash(grant.characterId) === grant.ownerHash
  );
}

async function refreshTokenGrant(
  ctx: RequestContext,
  form: URLSearchParams,
  client: SimClientConfig,
  confidential: boolean,
): Promise<void> {
  const { services } = ctx;
  const token = form.get("refresh_token");
  if (!token) return sendOAuthError(ctx.res, 400, "invalid_request", "The refresh_token parameter is missing");
  const grant = services.grants.findByRefreshToken(token);
  if (!grant || !isAlive(ctx, grant)) return sendOAuthError(ctx.res, 400, "invalid_grant", DEAD_REFRESH_TOKEN);
  if (grant.clientId !== client.clientId) {
    return sendOAuthError(ctx.res, 400, "invalid_grant", "The refresh token does not match the client specified.");
  }
  if (!confidential && !grant.pkce)
    return sendOAuthError(ctx.res, 401, "invalid_client", "Client authentication is required");

  let scopes = grant.scopes;
  if (form.has("scope")) {
    const requested = parseScopeParam(form.get("scope"));
    const extra = requested.find((s) => !grant.scopes.includes(s));
    if (extra !== undefined)
      return sendOAuthError(ctx.res, 400, "invalid_scope", `The requested '${extra}' scope is not valid.`);
    if (requested.length > 0) scopes = requested;
  }
  const refreshToken = services.rotateRefreshTokens ? services.grants.rotate(grant) : token;
  await issueTokens(ctx, scopes, client.clientId, grant.characterId, refreshToken);
}

export const tokenEndpoint: Handler = async (ctx) => {
  if (mediaType(ctx.req) !== "application/x-www-form-urlencoded") {
    return sendOAuthError(ctx.res, 400, "invalid_request", "The request must be application/x-www-form-urlencoded");
  }
  const form = new URLSearchParams(await ctx.body());
  const grantType = form.get("grant_type");
  if (grantType !== "authorization_code" && grantType !== "refresh_token") {
    return sendOAuthError(
      ctx.res,
      400,
      "unsupported_grant_type",
      `Grant type ${grantType ?? "(none)"} is not supported.`,
    );
  }
  const auth = authenticateClient(ctx.services.clients, ctx.req.headers.authorization, form);
  if (auth.kind === "failed") return sendOAuthError(ctx.res, 401, "invalid_client", auth.description);
  const confidential = auth.kind === "confidential";
  if (grantType === "authorization_code") return authorizationCodeGrant(ctx, form, auth.client, confidential);
  return refreshTokenGrant(ctx, form, auth.client, confidential);
};
