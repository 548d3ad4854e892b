// Everything between an ESI request and its route's handler, in the order CCP's
// gateway applies it: the error limit (420), the Bearer token, the route
// group's rate limit (429), injected faults, then the snapshot cache with
// paging and 304s. Every answer is accounted in one place (finish) so limit
// headers, costs and stats cannot disagree with the status that was sent.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { bearerToken, TokenVerifier } from "../auth/esi-auth";
import { type Outcome, ResponseCache } from "../esi/cache";
import type { EsiRoute } from "../esi/route";
import { driftBody, hasDrift } from "../faults/drift";
import { FaultInjector, type FaultTarget } from "../faults/injector";
import { DEFAULT_DELAY_MS, FAULT_STATUS_MESSAGES, type FaultKind } from "../faults/rule";
import { esiError, HttpError, JSON_CONTENT_TYPE } from "../http/io";
import { RouteTable } from "../http/router";
import { ERROR_LIMITED_MESSAGE, ErrorLimiter } from "../limits/error-limit";
import { RateLimiter, type RateLimitSubject, TOO_MANY_REQUESTS_MESSAGE, tokenCost } from "../limits/rate-limit";
import { StatsRecorder } from "../control/stats";
import type { SimServices } from "../services";
import { cachedAnswer, pathCharacter } from "./cached-answer";

export interface EsiGatewayOptions {
  readonly routes: readonly EsiRoute[];
  readonly services: SimServices;
  readonly errorLimit: number;
  readonly errorWindowSeconds: number;
  readonly rateLimitScale: number;
  readonly seed: number;
}

const REQUEST_FAULTS: ReadonlySet<FaultKind> = new Set(["status", "timeout", "slow", "420", "429", "revoke"]);
const BODY_FAULTS: ReadonlySet<FaultKind> = new Set(["truncated", "malformed"]);
/** A drift rule fires only where a drifted shape exists, so it never counts an unchanged body as injected. */
const DRIFTING_BODY_FAULTS: ReadonlySet<FaultKind> = new Set([...BODY_FAULTS, "drift"]);
const MALFORMED_BODY = Buffer.from(
  "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>",
);

interface Exchange {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly ip: string;
  readonly route: EsiRoute | undefined;
  rate?: RateLimitSubject;
}

interface Accounting {
  /** Injected 429s come from "the game server": no rate-limit headers, no cost. */
  skipRateLimit?: boolean;
}

function clientIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? "unknown";
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

/** Templates with fewer parameters first, so "/mail/labels" wins over "/mail/{mail_id}". */
const specificFirst = (routes: readonly EsiRoute[]) =>
  [...routes].sort((a, b) => a.path.split("{").length - b.path.split("{").length);

function errorOutcome(error: HttpError): Outcome {
  return {
    status: error.status,
    headers: { ...error.headers, "Content-Type": JSON_CONTENT_TYPE },
    body: Buffer.from(JSON.stringify(error.body)),
  };
}

function write(res: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: Buffer | undefined): void {
  if (body !== undefined) headers["Content-Length"] = body.length;
  else if (status !== 304 && status !== 204) headers["Content-Length"] = 0;
  res.writeHead(status, headers);
  res.end(body);
}

export class EsiGateway {
  readonly cache: ResponseCache;
  readonly errorLimiter: ErrorLimiter;
  readonly rateLimiter: RateLimiter;
  readonly faults: FaultInjector;
  readonly stats = new StatsRecorder();
  private readonly verifier: TokenVerifier;
  private readonly table: RouteTable<EsiRoute>;
  private readonly services: SimServices;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(options: EsiGatewayOptions) {
    const { services } = options;
    this.services = services;
    this.cache = new ResponseCache(services.clock);
    this.errorLimiter = new ErrorLimiter(services.clock, options.errorLimit, options.errorWindowSeconds);
    this.rateLimiter = new RateLimiter(services.clock, options.rateLimitScale);
    this.faults = new FaultInjector(options.seed);
    this.verifier = new TokenVerifier(services, services.clock);
    this.table = new RouteTable(
      specificFirst(options.routes).map((route) => ({ method: route.method, path: route.path, handler: route })),
    );
  }

  /** `path` is normalised (no version prefix, no trailing slash); HEAD arrives as GET. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string, method: string): Promise<void> {
    const ip = clientIp(req);
    const match = this.table.match(method, path);
    const route = match.kind === "found" ? match.route.handler : undefined;
    const x: Exchange = { req, res, ip, route };
    this.stats.request(route ? `${route.method} ${route.path}` : "unmatched");

    if (this.errorLimiter.exhausted(ip)) return this.finish(x, errorOutcome(esiError(420, ERROR_LIMITED_MESSAGE)));
    if (match.kind === "not-found") return this.finish(x, errorOutcome(esiError(404, "Not found")));
    if (match.kind === "method-not-allowed") {
      return this.finish(
        x,
        errorOutcome(new HttpError(405, { error: "Method not allowed" }, { Allow: match.allow.join(", ") })),
      );
    }
    const esiRoute = match.route.handler;
    const { params } = match;

    // Public routes only look at a token to pick the rate-limit bucket.
    const token = esiRoute.scope || esiRoute.rateLimit ? bearerToken(req, url.searchParams) : undefined;
    const check = await this.verifier.check(token);
    const auth = check.kind === "valid" ? check.auth : undefined;
    if (esiRoute.rateLimit) {
      const subject = auth ? (esiRoute.scope ? `${auth.clientId}:${auth.characterId}` : `${ip}:${auth.clientId}`) : ip;
      x.rate = { spec: esiRoute.rateLimit, subject };
      if (!this.rateLimiter.admits(x.rate)) {
        const retryAfter = String(this.rateLimiter.retryAfterSeconds(x.rate));
        return this.finish(
          x,
          errorOutcome(new HttpError(429, { error: TOO_MANY_REQUESTS_MESSAGE }, { "Retry-After": retryAfter })),
        );
      }
    }

    const target: FaultTarget = {
      method: esiRoute.method,
      template: esiRoute.path,
      path,
      characterId: pathCharacter(params) ?? auth?.characterId,
    };
    const fault = this.faults.active ? this.faults.pick(target, REQUEST_FAULTS) : undefined;
    if (fault) {
      this.stats.faultInjected();
      const delayMs = fault.delayMs ?? DEFAULT_DELAY_MS[fault.kind] ?? 0;
      switch (fault.kind) {
        case "status": {
          const status = fault.status ?? 500;
          return this.finish(x, errorOutcome(esiError(status, FAULT_STATUS_MESSAGES[status])));
        }
        case "420":
          this.errorLimiter.exhaust(ip);
          return this.finish(x, errorOutcome(esiError(420, ERROR_LIMITED_MESSAGE)));
        case "429": {
          const headers = { "Retry-After": String(Math.max(1, Math.ceil(delayMs / 1000))) };
          return this.finish(x, errorOutcome(new HttpError(429, { error: TOO_MANY_REQUESTS_MESSAGE }, headers)), {
            skipRateLimit: true,
          });
        }
        case "timeout":
          return this.holdOpen(x, delayMs);
        case "slow":
          await this.sleep(delayMs);
          break;
        case "revoke": {
          const characterId = fault.characterId ?? target.characterId;
          if (characterId !== undefined) this.services.grants.revokeCharacter(characterId, this.services.clock.now());
          break;
        }
      }
    }

    let outcome: Outcome;
    try {
      outcome = await cachedAnswer(this.cache, this.services, { req, route: esiRoute, params, path, url, check, auth });
    } catch (error) {
      if (!(error instanceof HttpError)) console.error("[simulator] ESI handler failed:", error);
      outcome = errorOutcome(error instanceof HttpError ? error : esiError(500, "Internal server error"));
    }
    if (outcome.status === 200 && outcome.body !== undefined && this.faults.active) {
      const kinds = hasDrift(esiRoute.method, esiRoute.path) ? DRIFTING_BODY_FAULTS : BODY_FAULTS;
      const bodyFault = this.faults.pick(target, kinds);
      if (bodyFault) {
        this.stats.faultInjected();
        const body =
          bodyFault.kind === "drift"
            ? (driftBody(esiRoute.path, outcome.body, this.faults.dice(bodyFault.id)) ?? outcome.body)
            : bodyFault.kind === "truncated"
              ? outcome.body.subarray(0, Math.floor(outcome.body.length / 2))
              : MALFORMED_BODY;
        outcome = { ...outcome, body };
      }
    }
    this.finish(x, outcome);
  }

  /** Limit accounting, limit headers and stats for the answer, then the answer itself. */
  private finish(x: Exchange, outcome: Outcome, accounting: Accounting = {}): void {
    const { status } = outcome;
    const headers: OutgoingHttpHeaders = { ...outcome.headers };
    if (x.route?.rateLimit) {
      // A 420 comes from the error limiter, so it says when that window ends.
      if (status === 420) Object.assign(headers, this.errorLimiter.headers(x.ip));
      else if (x.rate && !accounting.skipRateLimit) {
        const cost = tokenCost(status);
        this.rateLimiter.charge(x.rate, cost);
        Object.assign(headers, this.rateLimiter.headers(x.rate, cost));
      }
    } else {
      if (status >= 400) this.errorLimiter.recordError(x.ip);
      Object.assign(headers, this.errorLimiter.headers(x.ip));
    }
    this.stats.answered(status);
    write(x.res, status, headers, outcome.body);
  }

  /** An ESI timeout: nothing is answered, the connection dies after `ms`. It still counts as an error. */
  private holdOpen(x: Exchange, ms: number): void {
    if (!x.route?.rateLimit) this.errorLimiter.recordError(x.ip);
    this.stats.answered("timeout");
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      x.req.socket.destroy();
    }, ms);
    this.timers.add(timer);
    x.res.once("close", () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  /** Stops pending slow answers and held-open timeouts (the server closes their sockets). */
  shutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
