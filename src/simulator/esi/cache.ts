// ESI's cache contract: a response is a snapshot that stays the same until its
// Expires, ETag is a hash of the body, and If-None-Match / If-Modified-Since give
// a 304. Snapshots are kept per request key, so repeated calls within the TTL get
// identical headers, as CCP's cache layer gives them. A paged resource is one
// snapshot: every page shares its Last-Modified and Expires, and each page is
// serialised once, when the snapshot is made.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import type { SimClock } from "../clock";
import { esiError, JSON_CONTENT_TYPE } from "../http/io";

export interface SnapshotPage {
  /** UTF-8 JSON, encoded once so each answer is a plain write; empty for a 204. */
  readonly bytes: Buffer;
  readonly etag: string;
}

export interface Snapshot {
  readonly status: number;
  readonly pages: readonly SnapshotPage[];
  /** True when the route pages with X-Pages. */
  readonly paged: boolean;
  readonly lastModified: Date;
  readonly expires: Date;
  readonly headers: OutgoingHttpHeaders;
  /** The character the data belongs to, so one character's snapshots can be dropped. */
  readonly characterId: number | undefined;
}

export interface Produced {
  body: unknown;
  status?: number;
  headers?: OutgoingHttpHeaders;
}

export interface SnapshotSpec {
  readonly cacheSeconds: number;
  readonly pageSize?: number;
  readonly characterId?: number;
}

/** What the HTTP layer sends; `body` undefined means none (304, 204). */
export interface Outcome {
  status: number;
  headers: OutgoingHttpHeaders;
  body?: Buffer;
}

const MAX_SNAPSHOTS = 50_000;
const MAX_BYTES = 256 * 1024 * 1024;

function page(json: string): SnapshotPage {
  const bytes = Buffer.from(json, "utf8");
  return { bytes, etag: `"${createHash("sha256").update(bytes).digest("hex").slice(0, 40)}"` };
}

function pagesOf(body: unknown, pageSize: number | undefined): SnapshotPage[] {
  if (pageSize === undefined || !Array.isArray(body)) return [page(body === undefined ? "" : JSON.stringify(body))];
  const pages: SnapshotPage[] = [];
  for (let start = 0; start === 0 || start < body.length; start += pageSize)
    pages.push(page(JSON.stringify(body.slice(start, start + pageSize))));
  return pages;
}

const sizeOf = (snapshot: Snapshot) => snapshot.pages.reduce((sum, page) => sum + page.bytes.length, 0);

const samePages = (a: readonly SnapshotPage[], b: readonly SnapshotPage[]) =>
  a.length === b.length && a.every((page, i) => page.etag === b[i]?.etag);

export class ResponseCache {
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly pending = new Map<string, Promise<Snapshot>>();
  private bytes = 0;

  constructor(private readonly clock: SimClock) {}

  /** The unexpired snapshot for `key`, or a new one from `produce` (errors are never cached). */
  snapshot(key: string, spec: SnapshotSpec, produce: () => Promise<Produced>): Promise<Snapshot> {
    const current = this.snapshots.get(key);
    if (current && this.clock.nowMs() < current.expires.getTime()) return Promise.resolve(current);
    // Concurrent misses of a cached resource share one production, as a cache layer would.
    const running = spec.cacheSeconds > 0 ? this.pending.get(key) : undefined;
    if (running) return running;
    const made = this.make(key, spec, produce, current).finally(() => this.pending.delete(key));
    if (spec.cacheSeconds > 0) this.pending.set(key, made);
    return made;
  }

  private async make(
    key: string,
    spec: SnapshotSpec,
    produce: () => Promise<Produced>,
    previous: Snapshot | undefined,
  ): Promise<Snapshot> {
    const produced = await produce();
    const status = produced.status ?? 200;
    const pages = pagesOf(produced.body, status === 200 ? spec.pageSize : undefined);
    // HTTP dates have whole seconds; truncating keeps If-Modified-Since comparisons exact.
    const now = new Date(Math.floor(this.clock.nowMs() / 1000) * 1000);
    const next: Snapshot = {
      status,
      pages,
      paged: spec.pageSize !== undefined && status === 200,
      // Unchanged data keeps its original modification time.
      lastModified: previous && samePages(previous.pages, pages) ? previous.lastModified : now,
      expires: new Date(now.getTime() + spec.cacheSeconds * 1000),
      headers: produced.headers ?? {},
      characterId: spec.characterId,
    };
    if (spec.cacheSeconds > 0 && status === 200) this.store(key, next);
    return next;
  }

  private store(key: string, snapshot: Snapshot): void {
    this.remove(key);
    this.snapshots.set(key, snapshot);
    this.bytes += sizeOf(snapshot);
    while (this.snapshots.size > MAX_SNAPSHOTS || (this.bytes > MAX_BYTES && this.snapshots.size > 1)) {
      const oldest = this.snapshots.keys().next().value;
      if (oldest === undefined) break;
      this.remove(oldest);
    }
  }

  private remove(key: string): void {
    const old = this.snapshots.get(key);
    if (!old) return;
    this.bytes -= sizeOf(old);
    this.snapshots.delete(key);
  }

  /** Drops the snapshots of one character (all when omitted); returns how many. */
  expire(characterId?: number): number {
    let dropped = 0;
    for (const [key, snapshot] of [...this.snapshots]) {
      if (characterId !== undefined && snapshot.characterId !== characterId) continue;
      this.remove(key);
      dropped++;
    }
    return dropped;
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

function notModifiedSince(headers: IncomingHttpHeaders, lastModified: Date): boolean {
  // RFC 9110 13.1.3: If-Modified-Since is ignored when If-None-Match is present.
  if (headers["if-none-match"] !== undefined) return false;
  const since = Date.parse(headers["if-modified-since"] ?? "");
  return Number.isFinite(since) && lastModified.getTime() <= since;
}

/** `page` query parameter of a paged route: absent = 1, else a positive integer. */
export function pageNumber(query: URLSearchParams): number {
  const raw = query.get("page");
  if (raw === null) return 1;
  const page = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(page) || page < 1)
    throw esiError(400, "Invalid page: must be an integer >= 1");
  return page;
}

/** max-age is what is left of the snapshot, so it always equals Expires - Date as sent. */
export function answerFromSnapshot(
  requestHeaders: IncomingHttpHeaders,
  snapshot: Snapshot,
  page: number,
  now: Date,
): Outcome {
  if (snapshot.status !== 200) {
    // Write answers (201/204) are not cacheable resources.
    const body = snapshot.pages[0]?.bytes;
    if (!body || body.length === 0) return { status: snapshot.status, headers: { ...snapshot.headers } };
    return { status: snapshot.status, headers: { ...snapshot.headers, "Content-Type": JSON_CONTENT_TYPE }, body };
  }
  const selected = snapshot.pages[page - 1];
  if (!selected) throw esiError(404, "Requested page does not exist!");
  const date = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const maxAge = Math.max(0, (snapshot.expires.getTime() - date.getTime()) / 1000);
  const headers: OutgoingHttpHeaders = {
    ...snapshot.headers,
    Date: date.toUTCString(),
    "Cache-Control": `public, max-age=${maxAge}`,
    ETag: selected.etag,
    Expires: snapshot.expires.toUTCString(),
    "Last-Modified": snapshot.lastModified.toUTCString(),
  };
  if (snapshot.paged) headers["X-Pages"] = String(snapshot.pages.length);
  if (
    etagMatches(requestHeaders["if-none-match"], selected.etag) ||
    notModifiedSince(requestHeaders, snapshot.lastModified)
  ) {
    return { status: 304, headers };
  }
  headers["Content-Type"] = JSON_CONTENT_TYPE;
  return { status: 200, headers, body: selected.bytes };
}
