// What a character section is (docs/architecture.md, principle 1): declared once, with its ESI
// routes, scopes, default stale minutes, write strategy and retention; the update
// engine, the SSO scope list, the stats command, settings validation and the viewer
// all read these declarations from the registry (./registry.ts).
//
// A section splits its update in two so the engine can apply the cost rules of
// docs/architecture.md, principle 4, uniformly: `fetch` talks to ESI (no database writes), and
// `persist` writes inside one transaction. When fetch reports "unchanged" (ESI 304
// or not yet expired), or the fetched data hashes to the stored content hash, the
// engine calls no persist at all: no section row is written.
import type { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import type { EsiCacheState, EsiClient, EsiResult, ReadsByRoute } from "~/server/esi/client";
import type { SectionName } from "./names";

export type WriteStrategy =
  /** create new keys, update changed, delete missing (contacts, skills, standings, ...) */
  | "diff"
  /** only new ids are inserted, never updated (journal, transactions), purged by retention */
  | "append"
  /** delete all and recreate (implants, clones, skill queue, assets) */
  | "replace"
  /** one row per character, upserted (wallet balance, location, ship, ...) */
  | "single"
  /** upsert per row, never deleted (mining ledger) */
  | "accumulate"
  /** computed locally from other sections (skill sets) */
  | "computed";

export interface SectionSettings {
  /** Days of history kept for sections with retention (mails, contracts, journal, transactions). */
  retentionDays: number;
  /** Items per transaction when rebuilding big sections such as assets. */
  assetsChunkSize: number;
}

export interface FetchContext {
  characterId: number;
  esi: EsiClient;
  /** Read-only database access (e.g. the newest stored journal id for incremental fetches). */
  db: Db;
  now: Date;
  /** What the engine stored from the last successful fetch of this section's main route. */
  cache: { etag: string | null; expiresAt: Date | null };
  /** Cache state of the section's other routes, one per route, so each can answer 304 on its own. */
  routes: RouteCaches;
  /** Ignore the stored ETag and expiry ("update this section now"). */
  force: boolean;
  settings: SectionSettings;
  /**
   * One part of a multi-route section (a route, or one of many bodies): its own failure
   * is noted on the status row and yields undefined, so the section stores the other
   * parts and leaves this part's last good data alone. Limits and token faults still
   * end the whole run.
   */
  part<T>(name: string, run: () => Promise<T>): Promise<T | undefined>;
}

export interface RouteCache {
  etag: string | null;
  expiresAt: Date | null;
}

/**
 * Per-route ESI cache state for a multi-route section. `get` gives what was stored
 * for the route (nothing when forced); `set` records the state of this run's
 * response, which the engine stores only once the data it describes is stored.
 * A section that receives "unchanged" for a route leaves that part of its data
 * alone (e.g. passes `null` for it to persist).
 */
export interface RouteCaches {
  get(route: string): Promise<RouteCache>;
  set(route: string, state: EsiCacheState): void;
}

export type FetchResult<T> =
  | { status: "unchanged"; reason: "not-modified" | "not-expired"; cache: EsiCacheState }
  | { status: "ok"; data: T; cache: EsiCacheState | null };

/** A section fetched from one ESI route: "unchanged" passes through, data (mapped when asked) keeps ESI's cache state. */
export function fromEsi<T, U = T>(result: EsiResult<T>, map?: (data: T) => U): FetchResult<U> {
  if (result.status === "unchanged") return result;
  return { status: "ok", data: map ? map(result.data) : (result.data as unknown as U), cache: result.cache };
}

export interface PersistContext {
  characterId: number;
  tx: Prisma.TransactionClient;
  now: Date;
  settings: SectionSettings;
}

export interface PersistResult {
  /** Section rows created, updated or deleted (benchmarks and stats read it). */
  written: number;
  /** EVE ids whose names should be resolved into EveEntity after the transaction. */
  entityIds?: number[];
  /** Location ids (stations, structures, systems) to resolve into Location after the transaction. */
  locationIds?: bigint[];
}

export interface SectionDefinition<T = unknown> {
  /** Stable name, as in Member Audit (e.g. "wallet_journal"); used in settings and events (./names.ts). */
  name: SectionName;
  label: string;
  /** ESI routes used (method + path template), for docs and stats. */
  routes: readonly string[];
  /**
   * Per route, the fields of its body this section reads (dotted, arrays transparent).
   * Only these of the spec's required fields must be present; a route left out reads
   * every field the spec requires. See docs/esi-client.md, "Tolerance".
   */
  reads?: ReadsByRoute;
  /** ESI scopes the section needs; empty for public or computed sections. */
  scopes: readonly string[];
  defaultStaleMinutes: number;
  writeStrategy: WriteStrategy;
  /**
   * Subject to the data-retention purge: `purge` deletes the character's rows older
   * than the cutoff. The engine runs it after every run of the section, 304s and
   * unchanged content included, so old data goes even when ESI has nothing new.
   */
  retention?: { purge(db: Db, characterId: number, cutoff: Date): Promise<number> };
  /** Only updated when this feature setting is on (roles). */
  feature?: "roles";
  /** Beyond Member Audit's 25 sections. */
  extra?: boolean;
  fetch(ctx: FetchContext): Promise<FetchResult<T>>;
  persist(ctx: PersistContext, data: T): Promise<PersistResult>;
  /**
   * Large sections (assets): written in chunks of settings.assetsChunkSize rows, each
   * chunk its own transaction and, under Inngest, its own step; the data waits in the
   * database between steps. When present the engine uses it instead of `persist`.
   */
  chunked?: ChunkedWrite<T, any>;
}

export interface ChunkedWrite<T, R> {
  /** The rows to store, in write order; JSON-serialisable (bigints allowed). */
  rows(data: T): R[];
  key(row: R): bigint;
  /** Creates new and updates changed rows of one chunk; never deletes. */
  write(ctx: PersistContext, rows: R[]): Promise<PersistResult>;
  /** After the last chunk: deletes the character's rows whose key is not in `keep`. */
  removeOthers(ctx: PersistContext, keep: ReadonlySet<bigint>): Promise<number>;
}

/** Thrown by a multi-route section when none of its parts succeeded: the run fails, naming them. */
export class EveryPartFailedError extends Error {
  constructor() {
    super("every part failed");
    this.name = "EveryPartFailedError";
  }
}

export function defineSection<T>(section: SectionDefinition<T>): SectionDefinition<T> {
  return section;
}
