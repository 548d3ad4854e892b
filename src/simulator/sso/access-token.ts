// The claim set of an EVE SSO v2 access token, in CCP's order and with CCP's
// quirks: `scp` is a string for one scope, an array for several and absent for
// none; `aud` always pairs the client id with "EVE Online".
import { randomUUID } from "node:crypto";
import type { JWTPayload } from "jose";
import type { SimCharacter } from "../roster";
import { SIGNING_KEY_ID } from "./keys";

/** CCP's tokens live 1200 s while the token response says 1199. */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 1200;
export const ACCESS_TOKEN_EXPIRES_IN = 1199;
export const EVE_AUDIENCE = "EVE Online";

export interface AccessTokenInput {
  character: SimCharacter;
  scopes: readonly string[];
  clientId: string;
  ownerHash: string;
  issuer: string;
  issuedAtSeconds: number;
}

export function accessTokenClaims(input: AccessTokenInput): JWTPayload {
  const { character, scopes } = input;
  const scp = scopes.length === 0 ? {} : { scp: scopes.length === 1 ? scopes[0] : [...scopes] };
  return {
    ...scp,
    jti: randomUUID(),
    kid: SIGNING_KEY_ID,
    sub: `CHARACTER:EVE:${character.characterId}`,
    azp: input.clientId,
    tenant: "tranquility",
    tier: "live",
    region: "world",
    aud: [input.clientId, EVE_AUDIENCE],
    name: character.name,
    owner: input.ownerHash,
    exp: input.issuedAtSeconds + ACCESS_TOKEN_LIFETIME_SECONDS,
    iat: input.issuedAtSeconds,
    iss: input.issuer,
  };
}

/** Overrides replace claims; an override of `undefined` removes the claim. */
export function applyClaimOverrides(
  claims: JWTPayload,
  overrides: Readonly<Record<string, unknown>> | undefined,
): JWTPayload {
  if (!overrides) return claims;
  const result: Record<string, unknown> = { ...claims };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result as JWTPayload;
}

/** Granted scopes as the `scp` claim carries them, normalised to a list. */
export function scopesOf(payload: JWTPayload): string[] {
  const scp = payload.scp;
  if (typeof scp === "string") return [scp];
  if (Array.isArray(scp)) return scp.filter((s): s is string => typeof s === "string");
  return [];
}
