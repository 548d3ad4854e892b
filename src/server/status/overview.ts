// Everything /admin/status shows, read in one call the page polls: the job queue, the
// sections, ESI and the tokens. Each part is its own read (./queue.ts, ./sections.ts,
// ./esi.ts, ./tokens.ts); this only puts them together.
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import type { EngineSettings } from "~/server/updates/engine-settings";
import { type EsiHealthView, readEsi } from "./esi";
import { type QueueView, readQueue, readRunRecords, type RunRecordsView } from "./queue";
import { type HourCount, readFailuresByHour, readSections, type SectionHealth } from "./sections";
import { readTokens, type TokenHealth } from "./tokens";

/** Which engine runs the jobs; under Inngest the queue lives there and the page links to its dashboard. */
export type JobEngineInfo = { kind: "embedded" } | { kind: "inngest"; dashboardUrl: string };

export interface StatusOverview {
  generatedAt: Date;
  engine: JobEngineInfo;
  /** The embedded runner's queue; under Inngest, what pg-boss still holds (usually nothing). */
  queue: QueueView;
  /** Under Inngest, the app's own records of the runs (job_run_records); null on the embedded runner. */
  runs: RunRecordsView | null;
  sections: SectionHealth[];
  failuresByHour: HourCount[];
  esi: EsiHealthView;
  tokens: TokenHealth;
}

export interface StatusDeps {
  db: Db;
  esi: EsiClient;
  engine: EngineSettings;
  jobEngine: JobEngineInfo;
  now?: () => Date;
}

export async function statusOverview(deps: StatusDeps): Promise<StatusOverview> {
  const now = deps.now?.() ?? new Date();
  // One after another: the embedded database has a single connection, and these are small reads.
  const queue = await readQueue(deps.db, now);
  const runs = deps.jobEngine.kind === "inngest" ? await readRunRecords(deps.db, now) : null;
  const sections = await readSections(deps.db, deps.engine, now);
  const failuresByHour = await readFailuresByHour(deps.db, now);
  const tokens = await readTokens(deps.db, now);
  const esi = await readEsi(deps.esi, now);
  return { generatedAt: now, engine: deps.jobEngine, queue, runs, sections, failuresByHour, esi, tokens };
}

/** Inngest's dashboard: the self-hosted server's own UI at its base URL, else Inngest Cloud's. */
export function inngestDashboardUrl(baseUrl: string | undefined, dev: boolean): string {
  if (baseUrl) return baseUrl.replace(/\/+$/, "");
  return dev ? "http://localhost:8288" : "https://app.inngest.com";
}
