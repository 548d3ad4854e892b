// Bulk inserts for section data. Prisma's createMany sends every row through its query
// compiler, which costs about 0.2 ms of CPU per row (20,000 assets: ~4 s); handing
// PostgreSQL the rows as one JSON parameter and letting jsonb_populate_recordset type
// them costs a tenth of that (docs/updates.md, "Bulk inserts"). Table and column names
// come only from Prisma's schema (DMMF), values only travel as that one parameter.
import { Prisma } from "@prisma/client";

type ModelName = Prisma.ModelName;
type CreateManyData<M extends ModelName> = Prisma.TypeMap["model"][M]["operations"]["createMany"]["args"]["data"];
/** One row as createMany takes it. */
export type InsertRow<M extends ModelName> = Extract<CreateManyData<M>, readonly unknown[]>[number];

/** What a transaction client and the client share: enough to run one raw statement. */
interface RawExecutor {
  $executeRaw(query: Prisma.Sql): Prisma.PrismaPromise<number>;
}

interface TableInfo {
  table: Prisma.Sql;
  columns: Map<string, string>;
}

// Rows per statement: bounds the JSON parameter (a few MB) without costing round trips.
const ROWS_PER_STATEMENT = 5_000;
const tables = new Map<ModelName, TableInfo>();

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function tableOf(model: ModelName): TableInfo {
  let info = tables.get(model);
  if (!info) {
    const dmmf = Prisma.dmmf.datamodel.models.find((m) => m.name === model);
    if (!dmmf) throw new Error(`insertRows: no model ${model} in the Prisma schema`);
    const columns = new Map(
      dmmf.fields.filter((f) => f.kind === "scalar" || f.kind === "enum").map((f) => [f.name, f.dbName ?? f.name]),
    );
    info = { table: Prisma.raw(quoted(dmmf.dbName ?? dmmf.name)), columns };
    tables.set(model, info);
  }
  return info;
}

// BigInt has no JSON form; PostgreSQL reads the decimal string into bigint columns.
// A JSON null and SQL NULL are one thing to jsonb_populate_recordset, so only DbNull has a meaning here.
const toJson = (rows: readonly object[]) =>
  JSON.stringify(rows, (_key, value: unknown) => {
    if (typeof value === "bigint") return value.toString();
    if (value === Prisma.DbNull) return null;
    if (value === Prisma.JsonNull || value === Prisma.AnyNull)
      throw new Error("insertRows: a JSON null cannot be told from NULL here; use Prisma.DbNull");
    return value;
  });

type FieldOf<M extends ModelName> = Extract<keyof InsertRow<M>, string>;

export interface InsertOptions<M extends ModelName> {
  data: readonly InsertRow<M>[];
  /** Skip rows whose key exists (createMany's option). */
  skipDuplicates?: boolean;
  /** Upsert instead: a row whose `on` key exists gets the `set` fields of the new row (fields left out: their defaults). */
  update?: { on: readonly FieldOf<M>[]; set: readonly FieldOf<M>[] };
}

/**
 * createMany with the same arguments and answer, for the section writes: fields left out
 * take their column defaults; skipDuplicates skips rows whose key exists; `update`
 * upserts. Only database defaults apply (Prisma's client-side uuid()/cuid() do not),
 * which is why every @updatedAt column also has @default(now()).
 */
export async function insertRows<M extends ModelName>(
  db: RawExecutor,
  model: M,
  { data: rows, skipDuplicates = false, update }: InsertOptions<M>,
): Promise<{ count: number }> {
  if (rows.length === 0) return { count: 0 };
  const { table, columns } = tableOf(model);
  // Rows that leave out different fields get different column lists, so defaults apply as createMany's would.
  const byFields = new Map<string, { fields: string[]; rows: object[] }>();
  for (const row of rows as readonly Record<string, unknown>[]) {
    const fields = Object.keys(row).filter((f) => row[f] !== undefined);
    const key = fields.join(",");
    const group = byFields.get(key) ?? { fields, rows: [] };
    group.rows.push(row);
    byFields.set(key, group);
  }
  let inserted = 0;
  for (const { fields, rows: group } of byFields.values()) {
    const unknown = fields.filter((f) => !columns.has(f));
    if (unknown.length > 0) throw new Error(`insertRows: ${model} has no column for ${unknown.join(", ")}`);
    const names = fields.map((f) => columns.get(f)!);
    const list = Prisma.raw(names.map(quoted).join(", "));
    // jsonb_populate_recordset matches JSON keys to column names, which differ from field names only under @map.
    const renamed = names.some((name, i) => name !== fields[i]);
    const keyed = renamed
      ? group.map((row) => Object.fromEntries(fields.map((f, i) => [names[i], (row as Record<string, unknown>)[f]])))
      : group;
    const onConflict = update
      ? upsertClause(model, columns, update)
      : skipDuplicates
        ? Prisma.sql`ON CONFLICT DO NOTHING`
        : Prisma.empty;
    for (let start = 0; start < group.length; start += ROWS_PER_STATEMENT) {
      const json = toJson(keyed.slice(start, start + ROWS_PER_STATEMENT));
      inserted += await db.$executeRaw(
        Prisma.sql`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ${json}::jsonb) ${onConflict}`,
      );
    }
  }
  return { count: inserted };
}

function upsertClause(
  model: ModelName,
  columns: Map<string, string>,
  update: { on: readonly string[]; set: readonly string[] },
): Prisma.Sql {
  const column = (field: string) => {
    const name = columns.get(field);
    if (!name) throw new Error(`insertRows: ${model} has no column for ${field}`);
    return quoted(name);
  };
  const set = update.set.map((f) => `${column(f)} = EXCLUDED.${column(f)}`).join(", ");
  return Prisma.raw(`ON CONFLICT (${update.on.map(column).join(", ")}) DO UPDATE SET ${set}`);
}
