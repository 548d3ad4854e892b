// The Inngest serve adapter for Next.js route handlers: the functions Inngest calls at
// /api/inngest, made from the job list the caller gives (src/runtime/jobs.ts).
import { serve } from "inngest/next";
import type { JobDefinition } from "~/server/jobs/job";
import { inngest } from "./client";
import { toInngestFunction } from "./functions";

export type InngestHandlers = ReturnType<typeof serve>;

export function serveJobs(jobs: JobDefinition<any>[]): InngestHandlers {
  return serve({ client: inngest, functions: jobs.map(toInngestFunction) });
}
