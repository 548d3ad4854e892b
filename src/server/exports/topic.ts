// What an export topic is: a name, a description, its CSV columns and a keyset-paged
// row reader over PostgreSQL (docs/exports.md, "Topics"). Most topics are one SELECT
// over a section table with joins to the name tables (sqlTopic); the cursor is the
// last row's key values as text, so a build step's memo (JSON) can carry it. Pages are read
// through the pool under Prisma (the same tagged Prisma.sql templates) as arrays of
// text: at a million rows, Prisma's per-value decoding cost more than the query did.
import { Prisma } from "@prisma/client";
import { type Db, sqlPoolOf } from "~/server/db/client";

export type Cell = string | boolean | null;

/** A page of rows: each row's cells in the order of `fields` (the SELECT's aliases). */
export interface ExportPage {
  fields: string[];
  rows: Cell[][];
  next: TopicCursor;
}

export interface ExportColumn {
  header: string;
  /** The row's field (the SELECT's alias) this column prints. */
  field: string;
}

export interface TopicContext {
  db: Db;
  /** Rows of the sections with retention older than this are left out, as the sheet leaves them out. */
  retentionCutoff: Date;
}

/** The last row's key, as text; null before the first page. */
export type TopicCursor = string[] | null;

export interface ExportTopic {
  name: string;
  title: string;
  description: string;
  columns: readonly ExportColumn[];
  count(ctx: TopicContext): Promise<number>;
  page(ctx: TopicContext, after: TopicCursor, limit: number): Promise<ExportPage>;
}

const CASTS = {
  int: (v: string) => Prisma.sql`${v}::int`,
  bigint: (v: string) => Prisma.sql`${v}::bigint`,
  date: (v: string) => Prisma.sql`${v}::date`,
  text: (v: string) => Prisma.sql`${v}::text`,
};

/** One column of a topic's key: unique together, and an index's prefix so each page is a range read. */
export interface KeyPart {
  column: Prisma.Sql;
  type: keyof typeof CASTS;
  /** The SELECT's alias holding this column's value as text: the last row's values are the next cursor. */
  field: string;
}

/** `(k1, k2) > (v1, v2)` for the page after `after`; TRUE for the first page. */
export function afterKey(key: readonly KeyPart[], after: TopicCursor): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`;
  const values = key.map((part, i) => CASTS[part.type](after[i] ?? ""));
  return Prisma.sql`(${Prisma.join(key.map((k) => k.column))}) > (${Prisma.join(values)})`;
}

export const keyOrder = (key: readonly KeyPart[]) => Prisma.join(key.map((k) => k.column));

// PostgreSQL's text forms, kept as text except where the CSV's format differs: booleans
// (yes/no), timestamps (UTC ISO-8601 with milliseconds), the key's text array.
const BOOL = 16;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const AS_TEXT = {
  getTypeParser(oid: number) {
    if (oid === BOOL) return (v: string) => v === "t";
    if (oid === TIMESTAMP) return (v: string) => new Date(`${v.replace(" ", "T")}Z`).toISOString();
    if (oid === TIMESTAMPTZ) return (v: string) => new Date(v).toISOString();
    return (v: string) => v;
  },
};

/** Runs a page's query; the last row's key fields become the next cursor. */
export async function readPage(db: Db, query: Prisma.Sql, limit: number, key: readonly KeyPart[]): Promise<ExportPage> {
  const result = await sqlPoolOf(db).query({
    text: query.text,
    values: query.values,
    rowMode: "array",
    types: AS_TEXT,
  });
  const rows = result.rows as Cell[][];
  const last = rows.at(-1);
  const fields = result.fields.map((f) => f.name);
  const at = key.map((k) => fields.indexOf(k.field));
  if (at.includes(-1)) throw new Error(`export page: key field missing from the SELECT (${key.map((k) => k.field)})`);
  return { fields, rows, next: rows.length < limit || !last ? null : at.map((i) => String(last[i])) };
}

export interface SqlTopicDefinition {
  name: string;
  title: string;
  description: string;
  /** FROM and JOINs; the main table's rows are what is counted and paged. */
  from: Prisma.Sql;
  /** The main table alone, for the count (the joins only add names). */
  countFrom: Prisma.Sql;
  /** Extra condition, e.g. the retention cutoff (the same for count and pages). */
  where?: (ctx: TopicContext) => Prisma.Sql;
  key: readonly KeyPart[];
  /** The SELECT list: one alias per column field. */
  select: Prisma.Sql;
  columns: readonly ExportColumn[];
}

export function sqlTopic(def: SqlTopicDefinition): ExportTopic {
  const where = (ctx: TopicContext) => def.where?.(ctx) ?? Prisma.sql`TRUE`;
  return {
    name: def.name,
    title: def.title,
    description: def.description,
    columns: def.columns,
    async count(ctx) {
      const [row] = await ctx.db.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM ${def.countFrom} WHERE ${where(ctx)}`;
      return row?.n ?? 0;
    },
    page(ctx, after, limit) {
      return readPage(
        ctx.db,
        Prisma.sql`
          SELECT ${def.select}
          FROM ${def.from}
          WHERE ${where(ctx)} AND ${afterKey(def.key, after)}
          ORDER BY ${keyOrder(def.key)}
          LIMIT ${limit}`,
        limit,
        def.key,
      );
    },
  };
}
