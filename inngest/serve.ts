// The Inngest serve adapter for Next.js route handlers: the functions Inngest calls at
// /api/inngest, made from the job list the caller gives (src/runtime/jobs.ts).
import { serve } from "inngest/next";
import type { JobDefinition } from "~/server/jobs/job";
import type { RunRecorder } from "~/server/jobs/run-records";
import { inngest } from "./client";
import { toInngestFunction } from "./functions";

export type InngestHandlers = ReturnType<typeof serve>;

/** `runs` records each run in the app's database for /admin/status (src/server/jobs/run-records.ts). */
export function serveJobs(jobs: JobDefinition<any>[], runs?: RunRecorder): InngestHandlers {
  return serve({ client: inngest, functions: jobs.map((job) => toInngestFunction(job, runs)) });
}
