// The one way to make a Prisma client: through @prisma/adapter-pg with a bounded pool.
// The embedded database is reached the same way (PGlite served on a local socket).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";

export type Db = PrismaClient;

/** Plain SQL over the client's own pool (the job queue's), so the embedded database's one connection is shared. */
export interface SqlPool {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  /** Rows as arrays with the fields' names, values parsed by `types` (the exports read a million rows this way). */
  query(config: {
    text: string;
    values?: unknown[];
    rowMode: "array";
    types: { getTypeParser(oid: number): (value: string) => unknown };
  }): Promise<{ rows: unknown[][]; fields: { name: string }[] }>;
  /** One connection of the pool, for statements that must share a transaction. */
  connect(): Promise<SqlConnection>;
}

export interface SqlConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  release(): void;
}

// On globalThis: Next bundles this module more than once (instrumentation, route handlers), and a client made
// in one bundle (appDeps) is used from the others; a module-level map only knew its own bundle's clients.
const holder = globalThis as unknown as { __memberauditSqlPools?: WeakMap<Db, pg.Pool> };
holder.__memberauditSqlPools ??= new WeakMap<Db, pg.Pool>();
const pools = holder.__memberauditSqlPools;

export function createDb(connectionString: string, poolMax: number): Db {
  const pool = new pg.Pool({ connectionString, max: poolMax, idleTimeoutMillis: 30_000 });
  // An idle connection the server closed (a restart, a dropped database) is replaced on next use; unheard,
  // its error would end the process.
  pool.on("error", () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pool behind a client made by createDb. */
export function sqlPoolOf(db: Db): SqlPool {
  const pool = pools.get(db);
  if (!pool) throw new Error("sqlPoolOf: this client was not made by createDb");
  return pool;
}

/** The pool's connections (open, idle) and the queries waiting for one, for /api/metrics. */
export function poolCounts(db: Db): { total: number; idle: number; waiting: number } {
  const pool = pools.get(db);
  return pool
    ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }
    : { total: 0, idle: 0, waiting: 0 };
}
