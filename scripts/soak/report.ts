// The soak's printed figures: one labelled line each, details indented under them.
import type { SimStats } from "~/simulator/server";
import { type CountDiff, type RowCounts, type RunTally, totalRows } from "./db-watch";
import type { Reference } from "./reference";
import { answered, fiveHundreds, type LoadCounters } from "./users";

export interface SoakFigures {
  header: string;
  faults: string;
  counters: LoadCounters;
  tally: RunTally;
  notSuccessfulAtEnd: number;
  sim: SimStats;
  revoked: { characterId: number; atEnd: string; afterUpdate: string; tokenErrors: number; kept: CountDiff };
  rows: { beforeKill: RowCounts; endOfLoad: RowCounts; after: RowCounts; reference: Reference };
  isRevoked: (key: string) => boolean;
  compared: (key: string) => boolean;
  /** Rows just before the SIGKILL against rows just after it, before the restart. */
  atKill: CountDiff;
  acrossKill: CountDiff;
  versusEsi: CountDiff;
  notSuccessfulAfterUpdate: string[];
  kill: { atMinutes: number; downSeconds: number };
  stuck: { atKill: number; clearedAfterSeconds: number | undefined; atEnd: string[] };
  peaks: number[];
  simPeak: number;
  totalTime: string;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const line = (label: string, value: string) => `  ${`${label}:`.padEnd(28)}${value}`;
const details = (items: string[]) => items.map((item) => `\n    ${item}`).join("");

export function formatReport(f: SoakFigures): string {
  const c = f.counters;
  const statuses = [...c.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  const simFaults = Object.entries(f.sim.byStatus)
    .filter(([s]) => s === "timeout" || Number(s) >= 420)
    .map(([s, n]) => `${s}: ${n}`);
  const reasons = [...f.tally.reasons].sort((a, b) => b[1] - a[1]).slice(0, 12);
  const notRevoked = (key: string) => !f.isRevoked(key);
  const { beforeKill, endOfLoad, after, reference } = f.rows;
  const comparedCharacters = [...reference.complete].filter((id) => !f.isRevoked(`${id}/`)).length;
  const rowDetails = [
    ...f.atKill.pairs.filter((p) => p.missing).map((p) => `lost at the kill: ${p.text}`),
    ...f.acrossKill.pairs.filter((p) => p.missing).map((p) => `lost across the kill: ${p.text}`),
    ...f.versusEsi.pairs.map((p) => `against the fresh load: ${p.text}`),
  ].slice(0, 12);
  if (f.notSuccessfulAfterUpdate.length)
    rowDetails.push(`not successful after the last update: ${f.notSuccessfulAfterUpdate.join("; ")}`);
  if (reference.notLoaded.length) rowDetails.push(`not loaded in the fresh load: ${reference.notLoaded.join("; ")}`);

  return [
    "",
    f.header,
    line("faults", f.faults),
    line(
      "requests served",
      `${answered(c)} (${c.pages} sheet pages, ${c.trpc} tRPC batches; by status ${statuses.join(", ")}); ` +
        `${c.unanswered} unanswered while the app was down`,
    ),
    line("5xx answered to users", String(fiveHundreds(c))) + details(c.serverErrors),
    line(
      "section runs",
      `${f.tally.runs} (${f.tally.succeeded} succeeded, ${f.tally.failed} failed; ` +
        `${f.notSuccessfulAtEnd} status rows not successful at the end of the load)`,
    ),
    line("skipped by ESI health gate", String(f.tally.skipped)) +
      details(
        [...f.tally.skipReasons]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([reason, n]) => `${String(n).padStart(5)}  ${reason}`),
      ),
    line("failures, by reason", reasons.length ? "" : "none") +
      details(reasons.map(([reason, n]) => `${String(n).padStart(5)}  ${reason}`)),
    line(
      "ESI (simulator)",
      `${f.sim.requests} requests, ${f.sim.faultsInjected} faults injected (${simFaults.join(", ")})`,
    ),
    line(
      "token revoked mid-run",
      `character ${f.revoked.characterId}: token ${f.revoked.atEnd} at the end of the load ` +
        `(${f.revoked.tokenErrors} sections recording a token error), ${f.revoked.afterUpdate} after the last update; ` +
        `rows ${totalRows(endOfLoad, f.isRevoked)} at the end of the load, ${totalRows(after, f.isRevoked)} after ` +
        `the last update (${f.revoked.kept.missing} lost)`,
    ),
    line(`SIGKILL at ${f.kill.atMinutes.toFixed(1)} min`, `answering again after ${f.kill.downSeconds.toFixed(1)} s`),
    line(
      'stuck in "running"',
      `${f.stuck.atKill} left by the kill; ` +
        (f.stuck.clearedAfterSeconds === undefined
          ? `not cleared during the load (${f.stuck.atEnd.length} at its end: ${f.stuck.atEnd.join(", ")})`
          : `0 after ${f.stuck.clearedAfterSeconds.toFixed(0)} s`),
    ),
    line(
      "section rows lost",
      `${f.atKill.missing} at the kill, ${f.acrossKill.missing} across it (${totalRows(beforeKill, notRevoked)} ` +
        `rows before it, ${totalRows(after, notRevoked)} after the last update); ${f.versusEsi.missing} missing and ` +
        `${f.versusEsi.extra} extra against a fresh load of ${comparedCharacters} characters ` +
        `(${totalRows(reference.counts, f.compared)} rows)`,
    ) + details(rowDetails),
    line(
      "engine peak RSS",
      `${f.peaks.map(mb).join(" before the kill, ")} after the restart (largest VmHWM of the app's processes); ` +
        `simulator ${mb(f.simPeak)}`,
    ),
    line("total time", f.totalTime),
  ].join("\n");
}
