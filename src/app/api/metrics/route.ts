import { env } from "~/env";
import { withErrorResponse } from "~/server/errors/http";
import { metricsResponse, timed } from "~/server/metrics/http";

// Prometheus scrapes this (docs/status.md): off (404) until METRICS_TOKEN is set.
export const dynamic = "force-dynamic";

export const GET = timed(
  "/api/metrics",
  withErrorResponse("GET /api/metrics", async (req: Request) => metricsResponse(req, env().metricsToken)),
);
