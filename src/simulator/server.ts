// Composes the simulator: one node:http server that answers as both
// login.eveonline.com (SSO v2) and esi.evetech.net (ESI), plus /_sim control
// routes. The app points its SSO and ESI base URLs here and cannot tell the
// difference for the flows it uses.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SimClock } from "./clock";
import { controlRoutes, type SimControl } from "./control/routes";
import { mutateCharacter } from "./data";
import { characterEsiRoutes } from "./esi/character-routes";
import { marketEsiRoutes } from "./esi/market-routes";
import { EsiHealthSwitch, metaStatusRoute } from "./esi/meta-status";
import { publicEsiRoutes } from "./esi/public-routes";
import { universeEsiRoutes } from "./esi/universe-routes";
import type { EsiRoute } from "./esi/route";
import { EsiGateway } from "./gateway/esi-gateway";
import { esiError, HttpError, readBody, sendJson } from "./http/io";
import { RouteTable, stripEsiVersionPrefix, stripTrailingSlash } from "./http/router";
import { imageRoutes } from "./images/portrait";
import { findAnyCharacter } from "./data/characters";
import type { Handler, RequestContext, SimServices } from "./services";
import { accessTokenClaims, applyClaimOverrides } from "./sso/access-token";
import { ClientRegistry, type SimClientConfig } from "./sso/clients";
import { CodeStore } from "./sso/codes";
import { GrantStore } from "./sso/grants";
import { type JwksDocument, SigningKey } from "./sso/keys";
import { OwnerRegistry } from "./sso/owners";
import { ssoRoutes } from "./sso/routes";
import { loadState, saveState } from "./state-file";

export type { SimClientConfig } from "./sso/clients";
export type { FaultRule } from "./faults/rule";
export type { SimStats } from "./control/stats";
export type { EsiHealthState } from "./esi/meta-status";
export type { MutationKind, MutationResult } from "./data";

/** Every ESI route the simulator serves, for contract tests that must cover them all. */
export const simulatorEsiRoutes: readonly EsiRoute[] = [
  ...publicEsiRoutes,
  ...characterEsiRoutes,
  ...universeEsiRoutes,
  ...marketEsiRoutes,
];

export interface SimulatorOptions {
  clients: SimClientConfig[];
  /** Base URL used in metadata; defaults to http://<host>:<port> once listening. */
  publicUrl?: string;
  /** JWT `iss`; default "https://login.eveonline.com". */
  issuer?: string;
  /** Default true: each refresh returns a new refresh token and the old one stays valid. */
  rotateRefreshTokens?: boolean;
  /** JSON file that keeps signing key, grants, owner hashes and clock offset across restarts. */
  stateFile?: string;
  /** Default 1; owner hashes and the fault dice derive from it. */
  seed?: number;
  /** Errors per IP per window before ESI answers 420 (legacy error limit); default 100. */
  errorLimit?: number;
  /** Length of the error-limit window in simulated seconds; default 60. */
  errorWindowSeconds?: number;
  /** Multiplies every rate-limit group's max tokens (0.01 makes tiny buckets for tests); default 1. */
  rateLimitScale?: number;
  /** Served after the built-in ESI routes, through the same gateway (tests). */
  extraEsiRoutes?: readonly EsiRoute[];
}

export interface Simulator extends SimControl {
  /** Resolves to the URL the server is reachable at (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** publicUrl if configured, else the listening URL; throws before listen(). */
  readonly url: string;
  /** New owner hash; revokes all of the character's refresh tokens. */
  transferCharacter(characterId: number): string;
  /** Number of the character's active grants (logins) revoked. */
  revokeCharacterTokens(characterId: number): number;
  advanceClock(seconds: number): void;
  now(): Date;
  ownerHash(characterId: number): string;
  /** Signed with the simulator's key; overrides replace claims (undefined removes one). */
  issueAccessToken(
    characterId: number,
    scopes: string[],
    clientId: string,
    overrides?: Record<string, unknown>,
  ): Promise<string>;
  jwks(): JwksDocument;
}

export const DEFAULT_ISSUER = "https://login.eveonline.com";

export function createSimulator(options: SimulatorOptions): Simulator {
  const { stateFile } = options;
  const issuer = options.issuer ?? DEFAULT_ISSUER;
  const stored = stateFile ? loadState(stateFile) : undefined;

  let restoring = true;
  const persist = () => {
    if (restoring || !stateFile) return;
    saveState(stateFile, {
      version: 1,
      signingKey: keys.toPrivateJwk(),
      clockOffsetSeconds: clock.offsetSeconds,
      transfers: owners.toJSON(),
      grants: grants.toJSON(),
    });
  };
  const clock = new SimClock(stored?.clockOffsetSeconds ?? 0);
  const keys = stored ? SigningKey.fromPrivateJwk(stored.signingKey) : SigningKey.generate();
  const owners = new OwnerRegistry(options.seed ?? 1, stored?.transfers, persist);
  const grants = new GrantStore(stored?.grants, persist);
  restoring = false;
  if (!stored) persist();

  const publicUrl = options.publicUrl?.replace(/\/+$/, "");
  let listeningUrl: string | undefined;
  const baseUrl = () => {
    const url = publicUrl ?? listeningUrl;
    if (!url) throw new Error("The simulator has no URL before listen(); pass publicUrl or await listen() first");
    return url;
  };

  const services: SimServices = {
    clock,
    keys,
    owners,
    grants,
    codes: new CodeStore(),
    clients: new ClientRegistry(options.clients),
    issuer,
    rotateRefreshTokens: options.rotateRefreshTokens ?? true,
    baseUrl,
    async issueAccessToken(characterId, scopes, clientId, overrides) {
      const character = findAnyCharacter(characterId);
      if (!character) throw new Error(`Character ${characterId} is not in the simulator's roster`);
      const claims = accessTokenClaims({
        character,
        scopes,
        clientId,
        ownerHash: owners.hash(characterId),
        issuer,
        issuedAtSeconds: clock.nowSeconds(),
      });
      return keys.sign(applyClaimOverrides(claims, overrides));
    },
    verifyAccessToken: (token) => keys.verify(token, clock.now(), issuer),
  };

  const health = new EsiHealthSwitch();
  const servedRoutes = [...simulatorEsiRoutes, ...(options.extraEsiRoutes ?? [])];
  const gateway = new EsiGateway({
    routes: [...servedRoutes, metaStatusRoute(health, () => servedRoutes)],
    services,
    errorLimit: options.errorLimit ?? 100,
    errorWindowSeconds: options.errorWindowSeconds ?? 60,
    rateLimitScale: options.rateLimitScale ?? 1,
    seed: options.seed ?? 1,
  });

  const control: SimControl = {
    transferCharacter(characterId) {
      const hash = owners.transfer(characterId);
      grants.revokeCharacter(characterId, clock.now());
      return hash;
    },
    revokeCharacterTokens: (characterId) => grants.revokeCharacter(characterId, clock.now()),
    advanceClock(seconds) {
      clock.advance(seconds);
      persist();
    },
    now: () => clock.now(),
    ownerHash: (characterId) => owners.hash(characterId),
    injectFault: (rule) => gateway.faults.add(rule),
    removeFault: (id) => gateway.faults.remove(id),
    clearFaults: () => gateway.faults.clear(),
    faults: () => gateway.faults.list(),
    mutateCharacter: (characterId, kind) => mutateCharacter(characterId, kind, clock.nowMs()),
    expireCaches: (characterId) => gateway.cache.expire(characterId),
    stats: () => gateway.stats.report(gateway.errorLimiter.tightest()),
    resetStats: () => gateway.stats.reset(),
    esiHealth: () => health.get(),
    setEsiHealth: (input) => health.set(input),
  };

  // SSO, control and image paths are matched as sent; everything else is ESI, also without its /latest|/vN prefix.
  const directRoutes = new RouteTable<Handler>([...controlRoutes(control), ...ssoRoutes, ...imageRoutes]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Clients compare Expires with Date, so Date must come from the simulated clock too.
    res.setHeader("Date", clock.now().toUTCString());
    try {
      let url: URL;
      try {
        url = new URL(`http://simulator.invalid${req.url ?? "/"}`);
      } catch {
        throw esiError(400, "Malformed request target");
      }
      const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
      const path = stripTrailingSlash(url.pathname);
      const match = directRoutes.match(method, path);
      if (match.kind === "not-found") return await gateway.handle(req, res, url, stripEsiVersionPrefix(path), method);
      if (match.kind === "method-not-allowed")
        throw new HttpError(405, { error: "Method not allowed" }, { Allow: match.allow.join(", ") });

      let body: Promise<string> | undefined;
      const ctx: RequestContext = {
        req,
        res,
        url,
        path,
        params: match.params,
        services,
        body: () => (body ??= readBody(req)),
      };
      await match.route.handler(ctx);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        sendJson(res, error.status, error.body, error.headers);
        return;
      }
      console.error("[simulator] unhandled error:", error);
      sendJson(res, 500, { error: "Internal server error" });
    }
  }

  const server = createServer((req, res) => void handle(req, res));

  return {
    ...control,
    get url() {
      return baseUrl();
    },
    listen(port = 0, host = "127.0.0.1") {
      return new Promise<string>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address() as AddressInfo;
          const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
          listeningUrl = `http://${reachable.includes(":") ? `[${reachable}]` : reachable}:${address.port}`;
          resolve(listeningUrl);
        });
      });
    },
    close() {
      gateway.shutdown();
      return new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
    issueAccessToken: (characterId, scopes, clientId, overrides) =>
      services.issueAccessToken(characterId, scopes, clientId, overrides),
    jwks: () => keys.jwks(),
  };
}
