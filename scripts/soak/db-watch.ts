// What the soak reads from the app's database, never through the app: section runs seen
// on the status rows (a run is a new finishedAt), why they failed, runs left "running" by
// a killed process, and per-character row counts of every section table.
import type { Db } from "~/server/db/client";
import { sectionDataModels } from "~/server/cli/section-data";

export interface RunTally {
  runs: number;
  succeeded: number;
  failed: number;
  /** Failure messages with the numbers taken out, so one reason counts once. */
  reasons: Map<string, number>;
  /** Times a status row turned "Skipped: …" (the ESI health gate; finishedAt stays, so these are no runs). */
  skipped: number;
  skipReasons: Map<string, number>;
}

/** Polls SectionUpdateStatus; call `poll()` every few seconds (runs shorter than the interval merge). */
export function watchRuns(db: Db): { tally: RunTally; poll(): Promise<void> } {
  const seen = new Map<string, number>();
  const messages = new Map<string, string | null>();
  const tally: RunTally = { runs: 0, succeeded: 0, failed: 0, reasons: new Map(), skipped: 0, skipReasons: new Map() };
  return {
    tally,
    async poll() {
      const rows = await db.sectionUpdateStatus.findMany({
        select: { characterId: true, section: true, finishedAt: true, isSuccess: true, errorMessage: true },
      });
      for (const row of rows) {
        const key = `${row.characterId}/${row.section}`;
        const message = row.errorMessage;
        if (message?.startsWith("Skipped:") && messages.get(key) !== message) {
          tally.skipped += 1;
          const reason = message.replace(/\d+/g, "N").slice(0, 140);
          tally.skipReasons.set(reason, (tally.skipReasons.get(reason) ?? 0) + 1);
        }
        messages.set(key, message);
        const finished = row.finishedAt?.getTime();
        if (finished === undefined || seen.get(key) === finished) continue;
        seen.set(key, finished);
        tally.runs += 1;
        if (row.isSuccess) {
          tally.succeeded += 1;
          continue;
        }
        tally.failed += 1;
        const reason = `${row.section}: ${(row.errorMessage ?? "no message").replace(/\d+/g, "N").slice(0, 140)}`;
        tally.reasons.set(reason, (tally.reasons.get(reason) ?? 0) + 1);
      }
    },
  };
}

/** Section runs that started before `before` and never finished: left behind by a process that died. */
export async function stuckRunning(db: Db, before: Date): Promise<{ characterId: number; section: string }[]> {
  const rows = await db.sectionUpdateStatus.findMany({
    where: { startedAt: { lt: before } },
    select: { characterId: true, section: true, startedAt: true, finishedAt: true },
  });
  return rows.filter((r) => r.finishedAt === null || r.finishedAt < r.startedAt!);
}

/** "characterId/Model" → rows, for every section table. */
export type RowCounts = Map<string, number>;

type GroupBy = {
  groupBy(args: object): Promise<Array<{ characterId: number; _count: { _all: number } }>>;
};

export async function rowCounts(db: Db, characterIds: number[]): Promise<RowCounts> {
  const counts: RowCounts = new Map();
  for (const model of sectionDataModels()) {
    const delegate = (db as unknown as Record<string, GroupBy>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
    const groups = await delegate.groupBy({
      by: ["characterId"],
      where: { characterId: { in: characterIds } },
      _count: { _all: true },
    });
    for (const id of characterIds) counts.set(`${id}/${model}`, 0);
    for (const g of groups) counts.set(`${g.characterId}/${model}`, g._count._all);
  }
  return counts;
}

export interface CountDiff {
  /** Rows `later` lacks against `earlier`, summed over (character, table). */
  missing: number;
  /** Rows `later` has beyond `earlier`. */
  extra: number;
  /** The differing (character, table) pairs, "id/Model earlier→later". */
  pairs: { text: string; missing: boolean }[];
}

export function diffCounts(earlier: RowCounts, later: RowCounts, only?: (key: string) => boolean): CountDiff {
  const diff: CountDiff = { missing: 0, extra: 0, pairs: [] };
  for (const [key, before] of earlier) {
    if (only && !only(key)) continue;
    const after = later.get(key) ?? 0;
    if (after === before) continue;
    if (after < before) diff.missing += before - after;
    else diff.extra += after - before;
    diff.pairs.push({ text: `${key} ${before}→${after}`, missing: after < before });
  }
  return diff;
}

export function totalRows(counts: RowCounts, only?: (key: string) => boolean): number {
  let n = 0;
  for (const [key, rows] of counts) if (!only || only(key)) n += rows;
  return n;
}
