// Which sections need an update (Member Audit's rule): no
// status yet, the last run failed, or it finished longer ago than the section's
// stale minutes. Sections that need a token are skipped while the token is invalid
// (re-adding the character clears that), so a dead token causes no retry storm, and
// sections whose scopes the token lacks are skipped too (a limited token).
// Prisma stores DateTime as UTC in "timestamp without time zone", hence the UTC cast.
import { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";
import type { SectionName } from "~/server/sections/names";
import type { SectionDefinition } from "~/server/sections/types";

export interface StalePlanOptions {
  sections: readonly SectionDefinition<any>[];
  staleMinutes: Readonly<Record<string, number>>;
  now: Date;
  /** Limit to these characters (one character's plan, the CLI's --character). */
  characterIds?: number[];
}

/** (character, section) pairs due for an update, in one query for any number of characters. */
export async function findStaleSections(db: Db, options: StalePlanOptions): Promise<Map<number, SectionName[]>> {
  if (options.sections.length === 0) return new Map();
  const rows = options.sections.map(
    (s) =>
      Prisma.sql`(${s.name}::text, ${options.staleMinutes[s.name] ?? s.defaultStaleMinutes}::int, ${s.scopes.length > 0}::boolean, ${[...s.scopes]}::text[])`,
  );
  const onlyCharacters = options.characterIds
    ? Prisma.sql`AND c.id IN (${Prisma.join(options.characterIds)})`
    : Prisma.empty;
  const due = await db.$queryRaw<Array<{ characterId: number; section: SectionName }>>`
    SELECT c.id AS "characterId", s.name AS section
    FROM "Character" c
    CROSS JOIN (VALUES ${Prisma.join(rows)}) AS s(name, minutes, needs_token, scopes)
    LEFT JOIN "SectionUpdateStatus" u ON u."characterId" = c.id AND u.section = s.name
    LEFT JOIN "EsiToken" t ON t."characterId" = c.id
    WHERE c."isEnabled"
      ${onlyCharacters}
      AND (NOT s.needs_token OR (t.status = 'VALID' AND t.scopes @> s.scopes))
      AND (u."characterId" IS NULL OR u."isSuccess" IS NOT TRUE OR u."finishedAt" IS NULL
           OR u."finishedAt" < (${options.now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - make_interval(mins => s.minutes))
    ORDER BY c.id`;
  const plan = new Map<number, SectionName[]>();
  for (const row of due) plan.set(row.characterId, [...(plan.get(row.characterId) ?? []), row.section]);
  return plan;
}
