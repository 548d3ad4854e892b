// Verifies an EVE SSO v2 access token locally, as CCP asks (the v1 verify endpoint
// that next-auth's stock provider calls is deprecated): RS256 signature against
// the SSO's JWKS, issuer with or without https://, audience containing both our
// client id and "EVE Online", not expired.
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { AppError } from "~/server/errors/app-error";

export interface EveIdentity {
  characterId: number;
  characterName: string;
  ownerHash: string;
  scopes: string[];
  expiresAt: Date;
}

export interface JwtVerifierConfig {
  jwksUrl: string;
  clientId: string;
  /** Host form, e.g. "login.eveonline.com". */
  issuer: string;
}

/** A token that does not prove a character: UNAUTHORIZED, with the reason for the log. */
const rejected = (reason: string) =>
  new AppError("UNAUTHORIZED", `EVE SSO token rejected: ${reason}`, { reason: "invalid-eve-token" });

const keySets = new Map<string, JWTVerifyGetKey>();
function keySet(jwksUrl: string): JWTVerifyGetKey {
  let set = keySets.get(jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: 60 * 60 * 1000 });
    keySets.set(jwksUrl, set);
  }
  return set;
}

export function parseScopes(scp: unknown): string[] {
  if (typeof scp === "string") return [scp];
  if (Array.isArray(scp)) return scp.filter((s): s is string => typeof s === "string");
  return [];
}

export async function verifyEveAccessToken(
  token: string,
  config: JwtVerifierConfig,
  keys: JWTVerifyGetKey = keySet(config.jwksUrl),
): Promise<EveIdentity> {
  let payload: Awaited<ReturnType<typeof jwtVerify>>["payload"];
  try {
    ({ payload } = await jwtVerify(token, keys, {
      algorithms: ["RS256"],
      issuer: [config.issuer, `https://${config.issuer}`],
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw rejected("token has expired");
    if (error instanceof errors.JWTClaimValidationFailed) throw rejected(`claim ${error.claim} is invalid`);
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
      throw rejected("signature does not match the SSO's keys");
    }
    throw rejected(error instanceof Error ? error.message : "malformed token");
  }
  // jose accepts any one audience; CCP requires both to be present.
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!aud.includes(config.clientId) || !aud.includes("EVE Online")) {
    throw rejected('audience must contain this app\'s client id and "EVE Online"');
  }
  const match = /^CHARACTER:EVE:(\d+)$/.exec(String(payload.sub ?? ""));
  if (!match) throw rejected("subject is not an EVE character");
  if (typeof payload.name !== "string" || typeof payload.owner !== "string" || typeof payload.exp !== "number") {
    throw rejected("name, owner or exp claim missing");
  }
  return {
    characterId: Number(match[1]),
    characterName: payload.name,
    ownerHash: payload.owner,
    scopes: parseScopes(payload.scp),
    expiresAt: new Date(payload.exp * 1000),
  };
}
