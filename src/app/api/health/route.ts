import { timed } from "~/server/metrics/http";

// Liveness: the process answers. It touches nothing else, so a slow database never gets the process restarted.
export const dynamic = "force-dynamic";

export const GET = timed("/api/health", () =>
  Response.json({ status: "ok" }, { status: 200, headers: { "cache-control": "no-store" } }),
);
