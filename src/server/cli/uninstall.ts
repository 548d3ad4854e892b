// `memberaudit uninstall`: removes what the app put into a PostgreSQL database, and nothing
// else. What it put there is read from its own migrations (tables, enum types, functions,
// extensions), plus what lives beside them: Prisma's `_prisma_migrations` bookkeeping and
// pg-boss's schema (the embedded runner's queue, `pgboss`, pg-boss's default). Everything
// goes in one transaction: all of it or, on any refusal, none of it.
import type pg from "pg";
import { type Migration, readMigrations } from "~/server/db/migrate";

/** pg-boss's default schema; the embedded runner does not choose another (src/server/jobs/embedded-runner.ts). */
export const QUEUE_SCHEMA = "pgboss";
const BOOKKEEPING_TABLE = "_prisma_migrations";

export interface AppObjects {
  tables: string[];
  types: string[];
  functions: string[];
  extensions: string[];
}

const ident = `"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)`;
const nameOf = (m: RegExpMatchArray, at: number) => (m[at] ?? m[at + 1]!).replaceAll('""', '"');

function names(sql: string, statement: string): string[] {
  // Optional "public". qualifier; the app creates everything in its search path's first schema.
  const re = new RegExp(
    String.raw`${statement}\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:(?:"public"|public)\.)?(?:${ident})`,
    "gi",
  );
  return [...sql.matchAll(re)].map((m) => nameOf(m, 1));
}

/** Everything the migrations create and do not drop again, in creation order. */
export function appObjectsFrom(migrations: readonly Migration[]): AppObjects {
  const objects = {
    tables: [] as string[],
    types: [] as string[],
    functions: [] as string[],
    extensions: [] as string[],
  };
  const add = (list: string[], items: string[]) => {
    for (const item of items) if (!list.includes(item)) list.push(item);
  };
  const remove = (list: string[], items: string[]) => {
    for (const item of items) {
      const at = list.indexOf(item);
      if (at >= 0) list.splice(at, 1);
    }
  };
  for (const { sql } of migrations) {
    add(objects.tables, names(sql, String.raw`CREATE\s+(?:UNLOGGED\s+)?TABLE`));
    add(objects.types, names(sql, String.raw`CREATE\s+TYPE`));
    add(objects.functions, names(sql, String.raw`CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION`));
    add(objects.extensions, names(sql, String.raw`CREATE\s+EXTENSION`));
    remove(objects.tables, names(sql, String.raw`DROP\s+TABLE`));
    remove(objects.types, names(sql, String.raw`DROP\s+TYPE`));
    remove(objects.functions, names(sql, String.raw`DROP\s+FUNCTION`));
    for (const m of sql.matchAll(
      new RegExp(String.raw`ALTER\s+TABLE\s+(?:${ident})\s+RENAME\s+TO\s+(?:${ident})`, "gi"),
    )) {
      remove(objects.tables, [nameOf(m, 1)]);
      add(objects.tables, [nameOf(m, 3)]);
    }
  }
  objects.tables.push(BOOKKEEPING_TABLE);
  return objects;
}

export interface UninstallPlan {
  database: string;
  /** Found in the database now (a table, type or function the app made that is already gone is skipped). */
  tables: string[];
  types: string[];
  /** `name(argument types)`, as DROP FUNCTION wants it. */
  functions: string[];
  queueSchema: boolean;
  extensions: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** What `uninstall` would drop from the database `client` is connected to. */
export async function planUninstall(client: pg.ClientBase, objects?: AppObjects): Promise<UninstallPlan> {
  const app = objects ?? appObjectsFrom(await readMigrations());
  const database = (await client.query<{ db: string }>("SELECT current_database() AS db")).rows[0]!.db;
  const schema = (await client.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]!.s;
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname = ANY($2::text[])`,
    [schema, app.tables],
  );
  const types = await client.query<{ name: string }>(
    `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = $1 AND t.typtype IN ('e', 'c', 'd') AND t.typrelid = 0 AND t.typname = ANY($2::text[])`,
    [schema, app.types],
  );
  const functions = await client.query<{ signature: string }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = $1 AND p.proname = ANY($2::text[]) ORDER BY 1`,
    [schema, app.functions],
  );
  const queue = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [QUEUE_SCHEMA]);
  const extensions = await client.query<{ name: string }>(
    "SELECT extname AS name FROM pg_extension WHERE extname = ANY($1::text[]) ORDER BY 1",
    [app.extensions],
  );
  const inOrder = (found: { name: string }[], order: string[]) => {
    const set = new Set(found.map((r) => r.name));
    return order.filter((n) => set.has(n));
  };
  return {
    database,
    tables: inOrder(tables.rows, app.tables),
    types: inOrder(types.rows, app.types),
    functions: functions.rows.map((r) => r.signature),
    queueSchema: queue.rowCount === 1,
    extensions: extensions.rows.map((r) => r.name),
  };
}

export function planIsEmpty(plan: UninstallPlan): boolean {
  return (
    !plan.tables.length && !plan.types.length && !plan.functions.length && !plan.queueSchema && !plan.extensions.length
  );
}

export interface UninstallResult {
  dropped: { tables: string[]; types: string[]; functions: string[]; queueSchema: boolean; extensions: string[] };
  /** Extensions left in place, with the reason. */
  keptExtensions: { name: string; reason: string }[];
}

export class UninstallRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UninstallRefused";
  }
}

/**
 * Drops the plan's objects in one transaction. Tables go without CASCADE, so an object of
 * someone else's that depends on one (a view, a foreign key) stops the whole uninstall,
 * naming it. An extension goes only when nothing else is left in the database's own schemas
 * and nothing depends on it: it may have been there before the app, or serve others.
 */
export async function uninstall(
  client: pg.ClientBase,
  plan: UninstallPlan,
  options: { lockTimeoutMs?: number } = {},
): Promise<UninstallResult> {
  const keptExtensions: UninstallResult["keptExtensions"] = [];
  const dropped: UninstallResult["dropped"] = {
    tables: plan.tables,
    types: plan.types,
    functions: plan.functions,
    queueSchema: plan.queueSchema,
    extensions: [],
  };
  await client.query("BEGIN");
  try {
    // A running app holds locks on its tables; fail with a message rather than wait for it.
    await client.query(`SET LOCAL lock_timeout = ${Math.max(100, Math.round(options.lockTimeoutMs ?? 10_000))}`);
    if (plan.tables.length) await client.query(`DROP TABLE ${plan.tables.map(quote).join(", ")}`);
    for (const fn of plan.functions) await client.query(`DROP FUNCTION ${fn}`);
    if (plan.types.length) await client.query(`DROP TYPE ${plan.types.map(quote).join(", ")}`);
    if (plan.queueSchema) await client.query(`DROP SCHEMA ${quote(QUEUE_SCHEMA)} CASCADE`);
    for (const name of plan.extensions) {
      const others = await othersLeft(client, name);
      if (others) {
        keptExtensions.push({ name, reason: `the database holds other objects (${others})` });
        continue;
      }
      await client.query("SAVEPOINT extension");
      try {
        await client.query(`DROP EXTENSION ${quote(name)}`);
        dropped.extensions.push(name);
      } catch (error) {
        await client.query("ROLLBACK TO SAVEPOINT extension");
        keptExtensions.push({ name, reason: `other objects depend on it (${firstLine(error)})` });
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const e = error as { code?: string };
    if (e.code === "55P03")
      throw new UninstallRefused("the app's tables are in use: stop the app (and its workers), then run it again");
    if (e.code === "2BP01") throw new UninstallRefused(`other objects depend on the app's: ${firstLine(error)}`);
    throw error;
  }
  return { dropped, keptExtensions };
}

function firstLine(error: unknown): string {
  const e = error as { message?: string; detail?: string };
  return [e.message, e.detail].filter(Boolean).join("; ").split("\n")[0]!;
}

/** Tables, views, sequences or functions left in user schemas, other than the extension's own members. */
async function othersLeft(client: pg.ClientBase, extension: string): Promise<string | undefined> {
  const { rows } = await client.query<{ kind: string; name: string }>(
    `WITH members AS (
       SELECT d.classid, d.objid FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
       WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e' AND e.extname = $1)
     SELECT 'relation' AS kind, n.nspname || '.' || c.relname AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
         AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
         AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_class'::regclass AND m.objid = c.oid)
     UNION ALL
     SELECT 'function', p.oid::regprocedure::text FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
         AND NOT EXISTS (SELECT 1 FROM members m WHERE m.classid = 'pg_proc'::regclass AND m.objid = p.oid)
     ORDER BY 1, 2 LIMIT 3`,
    [extension],
  );
  return rows.length ? rows.map((r) => `${r.kind} ${r.name}`).join(", ") : undefined;
}
