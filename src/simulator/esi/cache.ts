// ESI's cache contract: a response is a snapshot that stays the same until its
// Expires, ETag is a hash of the body, and If-None-Match / If-Modified-Since give
// a 304. Snapshots are kept per request key, so repeated calls within the TTL get
// identical headers, as CCP's cache layer gives them.
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { SimClock } from "../clock";
import { JSON_CONTENT_TYPE } from "../http/io";

export interface Snapshot {
  readonly text: string;
  readonly etag: string;
  readonly lastModified: Date;
  readonly expires: Date;
  readonly headers: OutgoingHttpHeaders;
}

export interface Produced {
  body: unknown;
  headers?: OutgoingHttpHeaders;
}

const MAX_SNAPSHOTS = 5000;

function etagOf(text: string): string {
  return `"${createHash("sha256").update(text).digest("hex").slice(0, 40)}"`;
}

export class ResponseCache {
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(private readonly clock: SimClock) {}

  /** The unexpired snapshot for `key`, or a new one from `produce` (errors are never cached). */
  async snapshot(key: string, cacheSeconds: number, produce: () => Promise<Produced>): Promise<Snapshot> {
    const nowMs = this.clock.nowMs();
    const current = this.snapshots.get(key);
    if (current && nowMs < current.expires.getTime()) return current;

    const produced = await produce();
    const text = JSON.stringify(produced.body);
    const etag = etagOf(text);
    // HTTP dates have whole seconds; truncating keeps If-Modified-Since comparisons exact.
    const now = new Date(Math.floor(nowMs / 1000) * 1000);
    const next: Snapshot = {
      text,
      etag,
      // Unchanged data keeps its original modification time.
      lastModified: current?.etag === etag ? current.lastModified : now,
      expires: new Date(now.getTime() + cacheSeconds * 1000),
      headers: produced.headers ?? {},
    };
    this.snapshots.delete(key);
    this.snapshots.set(key, next);
    if (this.snapshots.size > MAX_SNAPSHOTS) {
      const oldest = this.snapshots.keys().next().value;
      if (oldest !== undefined) this.snapshots.delete(oldest);
    }
    return next;
  }

  /** Drop snapshots whose key starts with `prefix` (all when omitted), e.g. after simulated data changed. */
  invalidate(prefix = ""): void {
    for (const key of [...this.snapshots.keys()]) if (key.startsWith(prefix)) this.snapshots.delete(key);
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

function notModifiedSince(req: IncomingMessage, snapshot: Snapshot): boolean {
  // RFC 9110 13.1.3: If-Modified-Since is ignored when If-None-Match is present.
  if (req.headers["if-none-match"] !== undefined) return false;
  const since = Date.parse(req.headers["if-modified-since"] ?? "");
  return Number.isFinite(since) && snapshot.lastModified.getTime() <= since;
}

/** max-age is what is left of the snapshot, so it always equals Expires - Date as sent. */
export function sendSnapshot(req: IncomingMessage, res: ServerResponse, snapshot: Snapshot, now: Date): void {
  const date = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const maxAge = Math.max(0, (snapshot.expires.getTime() - date.getTime()) / 1000);
  const cacheHeaders: OutgoingHttpHeaders = {
    Date: date.toUTCString(),
    "Cache-Control": `public, max-age=${maxAge}`,
    ETag: snapshot.etag,
    Expires: snapshot.expires.toUTCString(),
    "Last-Modified": snapshot.lastModified.toUTCString(),
  };
  if (etagMatches(req.headers["if-none-match"], snapshot.etag) || notModifiedSince(req, snapshot)) {
    res.writeHead(304, { ...snapshot.headers, ...cacheHeaders });
    res.end();
    return;
  }
  res.writeHead(200, {
    ...snapshot.headers,
    ...cacheHeaders,
    "Content-Type": JSON_CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(snapshot.text),
  });
  res.end(snapshot.text);
}
