// What an export topic is: a name, a description, its CSV columns and a keyset-paged
// row reader over PostgreSQL (docs/exports.md, "Topics"). Most topics are one SELECT
// over a section table with joins to the name tables (sqlTopic); the cursor is the
// key's values as text, so a build step's memo (JSON) can carry it.
import { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";

export type Cell = string | number | boolean | Date | null | undefined;
export type ExportRow = Record<string, Cell>;

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
  page(ctx: TopicContext, after: TopicCursor, limit: number): Promise<{ rows: ExportRow[]; next: TopicCursor }>;
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
}

/** `(k1, k2) > (v1, v2)` for the page after `after`; TRUE for the first page. */
export function afterKey(key: readonly KeyPart[], after: TopicCursor): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`;
  const values = key.map((part, i) => CASTS[part.type](after[i] ?? ""));
  return Prisma.sql`(${Prisma.join(key.map((k) => k.column))}) > (${Prisma.join(values)})`;
}

export const keyOrder = (key: readonly KeyPart[]) => Prisma.join(key.map((k) => k.column));
/** The key as a text array in the SELECT, read back as the next cursor. */
export const keySelect = (key: readonly KeyPart[]) =>
  Prisma.sql`ARRAY[${Prisma.join(key.map((k) => Prisma.sql`${k.column}::text`))}] AS "_key"`;

export function nextCursor(rows: ExportRow[], limit: number): TopicCursor {
  if (rows.length < limit) return null;
  return (rows.at(-1)!._key as unknown as string[]) ?? null;
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
    async page(ctx, after, limit) {
      const rows = await ctx.db.$queryRaw<ExportRow[]>`
        SELECT ${keySelect(def.key)}, ${def.select}
        FROM ${def.from}
        WHERE ${where(ctx)} AND ${afterKey(def.key, after)}
        ORDER BY ${keyOrder(def.key)}
        LIMIT ${limit}`;
      return { rows, next: nextCursor(rows, limit) };
    },
  };
}

/** A cell as the CSV prints it: dates UTC ISO-8601, numbers and decimals (read as text) plain. */
export function formatCell(value: Cell): string | number | boolean | null | undefined {
  if (value instanceof Date) return value.toISOString();
  return value;
}
