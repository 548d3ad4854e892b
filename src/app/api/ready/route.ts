import path from "node:path";
import { env } from "~/env";
import { appDeps } from "~/runtime/deps";
import { withErrorResponse } from "~/server/errors/http";
import { timed } from "~/server/metrics/http";
import { checkReady, httpAnswers, pgBossAnswers } from "~/server/status/ready";

// Readiness (docs/status.md): 200 when the database, its migrations and the job engine answer; 503 naming the part.
export const dynamic = "force-dynamic";

export const GET = timed(
  "/api/ready",
  withErrorResponse("GET /api/ready", async () => {
    const { db } = appDeps();
    const { inngest } = env();
    const jobEngine = !inngest.enabled
      ? () => pgBossAnswers(db)
      : inngest.baseUrl
        ? () => httpAnswers(inngest.baseUrl!)
        : undefined;
    const result = await checkReady({
      db,
      migrationsDir: path.join(process.cwd(), "prisma", "migrations"),
      jobEngine,
    });
    return Response.json(
      { status: result.ready ? "ready" : "unavailable", checks: result.checks },
      { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
    );
  }),
);
