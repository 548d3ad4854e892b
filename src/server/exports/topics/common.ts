// Pieces every topic shares: the character's columns, and the key's first part.
import { Prisma } from "@prisma/client";
import type { ExportColumn, KeyPart, TopicContext } from "../topic";

/** The first two columns of every topic: whose row it is. */
export const CHARACTER_COLUMNS: readonly ExportColumn[] = [
  { header: "Character", field: "character" },
  { header: "Character ID", field: "characterId" },
];

/** `x."characterId"` as the key's first part: every section table's primary key starts with it. */
export const characterKey = (alias: Prisma.Sql): KeyPart => ({
  column: Prisma.sql`${alias}."characterId"`,
  type: "int",
  field: "characterId",
});

/** Rows dated before the retention cutoff are left out (the sections with retention). */
export const since = (column: Prisma.Sql) => (ctx: TopicContext) => Prisma.sql`${column} >= ${ctx.retentionCutoff}`;

/** Column list from [header, field] pairs, after the character's. */
export const columns = (pairs: readonly (readonly [string, string])[]): ExportColumn[] => [
  ...CHARACTER_COLUMNS,
  ...pairs.map(([header, field]) => ({ header, field })),
];
