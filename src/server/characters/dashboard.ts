// The launcher's dashboard figures, over the user's own registered characters only:
// how many of the owned characters are registered, their wallets and skill points,
// and this calendar month's (UTC) mined and ratted ISK.
import type { Db } from "~/server/db/client";

/** Journal ref types that pay for ratting: bounties, and the ESS payouts that replaced part of them. */
export const RATTING_REF_TYPES = ["bounty_prizes", "ess_escrow_transfer"] as const;

export interface DashboardFigures {
  ownedCharacters: number;
  registeredCharacters: number;
  walletIsk: number;
  skillpoints: number;
  /** Mining ledger of this month × CCP's average price (ore without a known price counts nothing). */
  minedIskThisMonth: number;
  rattedIskThisMonth: number;
}

export function monthStartUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export async function dashboardFigures(db: Db, userId: string, now = new Date()): Promise<DashboardFigures> {
  const [owned, registered] = await Promise.all([
    db.characterOwnership.count({ where: { userId } }),
    db.character.findMany({ where: { eveCharacter: { ownership: { userId } } }, select: { id: true } }),
  ]);
  const ids = registered.map((c) => c.id);
  const from = monthStartUtc(now);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const [wallet, skillpoints, ratted, mined] = await Promise.all([
    db.characterWalletBalance.aggregate({ where: { characterId: { in: ids } }, _sum: { total: true } }),
    db.characterSkillpoints.aggregate({ where: { characterId: { in: ids } }, _sum: { total: true } }),
    db.characterWalletJournalEntry.aggregate({
      where: { characterId: { in: ids }, refType: { in: [...RATTING_REF_TYPES] }, date: { gte: from, lt: to } },
      _sum: { amount: true },
    }),
    ids.length === 0
      ? Promise.resolve([{ value: null }])
      : db.$queryRaw<{ value: number | null }[]>`
          SELECT sum(m."quantity" * p."averagePrice")::float8 AS value
          FROM "CharacterMiningLedgerEntry" m JOIN "EveMarketPrice" p ON p."typeId" = m."typeId"
          WHERE m."characterId" = ANY(${ids}::int[]) AND m."date" >= ${from}::date AND m."date" < ${to}::date`,
  ]);
  return {
    ownedCharacters: owned,
    registeredCharacters: ids.length,
    walletIsk: wallet._sum.total?.toNumber() ?? 0,
    skillpoints: Number(skillpoints._sum.total ?? 0n),
    minedIskThisMonth: mined[0]?.value ?? 0,
    rattedIskThisMonth: ratted._sum.amount?.toNumber() ?? 0,
  };
}
