// What every route handler may use: the simulator's clock, keys, stores and
// settings, plus the request it is answering. One shared object keeps handler
// signatures uniform across SSO, ESI and control routes.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { JWTPayload } from "jose";
import type { SimClock } from "./clock";
import type { RouteParams } from "./http/router";
import type { ClientRegistry } from "./sso/clients";
import type { CodeStore } from "./sso/codes";
import type { GrantStore } from "./sso/grants";
import type { SigningKey } from "./sso/keys";
import type { OwnerRegistry } from "./sso/owners";

export interface SimServices {
  readonly clock: SimClock;
  readonly keys: SigningKey;
  readonly owners: OwnerRegistry;
  readonly grants: GrantStore;
  readonly codes: CodeStore;
  readonly clients: ClientRegistry;
  /** JWT `iss`. */
  readonly issuer: string;
  readonly rotateRefreshTokens: boolean;
  /** Base URL the simulator advertises in metadata. */
  baseUrl(): string;
  issueAccessToken(
    characterId: number,
    scopes: readonly string[],
    clientId: string,
    overrides?: Readonly<Record<string, unknown>>,
  ): Promise<string>;
  /** Signature, issuer and expiry checked against the simulated clock; throws on failure. */
  verifyAccessToken(token: string): Promise<JWTPayload>;
}

export interface RequestContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** Path after normalisation (no trailing slash; for ESI, no version prefix). */
  readonly path: string;
  readonly params: RouteParams;
  readonly services: SimServices;
  /** The raw request body, read once and memoised. */
  body(): Promise<string>;
}

export type Handler = (ctx: RequestContext) => void | Promise<void>;
