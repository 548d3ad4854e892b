// The characters' ESI tokens: valid, invalid (refresh refused or revoked: updates stop
// until the owner signs in again), valid ones whose access token is expiring (refreshed
// on next use), and enabled characters with no token at all.
import type { Db } from "~/server/db/client";

export const EXPIRING_WITHIN_MINUTES = 5;

export interface TokenHealth {
  valid: number;
  invalid: number;
  expiring: number;
  withoutToken: number;
}

export async function readTokens(db: Db, now: Date): Promise<TokenHealth> {
  const [row] = await db.$queryRaw<TokenHealth[]>`
    SELECT
      (SELECT count(*) FROM "EsiToken" WHERE status = 'VALID')::int AS valid,
      (SELECT count(*) FROM "EsiToken" WHERE status = 'INVALID')::int AS invalid,
      (SELECT count(*) FROM "EsiToken" WHERE status = 'VALID' AND ("accessTokenExpiresAt" IS NULL
        OR "accessTokenExpiresAt" < ${now}::timestamptz + ${EXPIRING_WITHIN_MINUTES}::int * interval '1 minute'))::int AS expiring,
      (SELECT count(*) FROM "Character" c WHERE c."isEnabled"
        AND NOT EXISTS (SELECT 1 FROM "EsiToken" t WHERE t."characterId" = c.id))::int AS "withoutToken"`;
  return row!;
}
