// How ESI treats the Bearer token on a request: verified against the SSO's key
// on the simulated clock (401 when missing, forged or expired), then checked
// against the route: scope, path character and corporation roles (403s with
// CCP's messages). Grants are not consulted, so a revoked login keeps working
// until its access token expires, as with CCP.
import type { IncomingMessage } from "node:http";
import type { JWTPayload } from "jose";
import type { SimClock } from "../clock";
import type { EsiRoute } from "../esi/route";
import { esiError, type HttpError } from "../http/io";
import type { RouteParams } from "../http/router";
import { findAnyCharacter } from "../data/characters";
import { scopesOf } from "../sso/access-token";
import type { SimServices } from "../services";

export interface EsiAuth {
  readonly characterId: number;
  readonly scopes: readonly string[];
  readonly clientId: string;
}

export const AUTH_FAILURE = "authentication failure";
export const MISMATCH = "Character ID mismatch between request path and auth token";
export const MISSING_ROLES = "Character does not have required role(s)";
export const NOT_IN_CORPORATION = "Character is not in the corporation";
export const scopeMessage = (scope: string) => `Token is not valid for scope: ${scope}`;

export type TokenCheck = { kind: "none" } | { kind: "valid"; auth: EsiAuth } | { kind: "invalid" };

interface Verified {
  auth: EsiAuth;
  expSeconds: number;
}

const SUBJECT = /^CHARACTER:EVE:(\d+)$/;
const MAX_REMEMBERED = 10_000;

/** The token from `Authorization: Bearer` or, as old ESI allowed, the `token` query parameter. */
export function bearerToken(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const header = req.headers.authorization;
  if (header !== undefined) return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] ?? "";
  return query.get("token") ?? undefined;
}

/**
 * Signature checks cost far more than the rest of a request, and clients send the
 * same token for 20 minutes, so verified tokens are remembered until their exp.
 */
export class TokenVerifier {
  private readonly verified = new Map<string, Verified>();

  constructor(
    private readonly services: SimServices,
    private readonly clock: SimClock,
  ) {}

  async check(token: string | undefined): Promise<TokenCheck> {
    if (token === undefined) return { kind: "none" };
    if (token === "") return { kind: "invalid" };
    const known = this.verified.get(token);
    if (known)
      return this.clock.nowSeconds() < known.expSeconds ? { kind: "valid", auth: known.auth } : { kind: "invalid" };
    let payload: JWTPayload;
    try {
      payload = await this.services.verifyAccessToken(token);
    } catch {
      return { kind: "invalid" };
    }
    const characterId = Number(SUBJECT.exec(payload.sub ?? "")?.[1]);
    if (!Number.isSafeInteger(characterId) || typeof payload.exp !== "number") return { kind: "invalid" };
    const auth: EsiAuth = {
      characterId,
      scopes: scopesOf(payload),
      clientId: typeof payload.azp === "string" ? payload.azp : "",
    };
    if (this.verified.size >= MAX_REMEMBERED) this.verified.clear();
    this.verified.set(token, { auth, expSeconds: payload.exp });
    return { kind: "valid", auth };
  }
}

/** Roster CEOs hold every corporation role, everyone else none: enough to exercise both answers. */
function holdsRoles(characterId: number): boolean {
  return findAnyCharacter(characterId)?.corporationTitle === "CEO";
}

function corporationOf(characterId: number): number | undefined {
  return findAnyCharacter(characterId)?.corporationId;
}

/** The 401/403 ESI gives this token on this route, or undefined when it may proceed. */
export function authError(route: EsiRoute, params: RouteParams, check: TokenCheck): HttpError | undefined {
  if (!route.scope) return undefined;
  if (check.kind !== "valid") return esiError(401, AUTH_FAILURE);
  const { auth } = check;
  if (!auth.scopes.includes(route.scope)) return esiError(403, scopeMessage(route.scope));
  if (route.characterParam !== undefined && Number(params[route.characterParam]) !== auth.characterId)
    return esiError(403, MISMATCH);
  const corporationParam = params.corporation_id;
  const inCorporation = corporationParam === undefined || Number(corporationParam) === corporationOf(auth.characterId);
  if (route.requiredRoles && route.requiredRoles.length > 0 && (!inCorporation || !holdsRoles(auth.characterId)))
    return esiError(403, MISSING_ROLES);
  if (!inCorporation) return esiError(403, NOT_IN_CORPORATION);
  return undefined;
}
