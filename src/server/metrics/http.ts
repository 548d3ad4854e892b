// Timing of the app's route handlers, and the bearer gate of /api/metrics. Plain
// Request/Response (the Fetch API), so nothing here knows Next.js.
import { timingSafeEqual } from "node:crypto";
import { appMetrics, exposition, secondsSince } from "./registry";

type Handler = (req: Request) => Promise<Response> | Response;

/**
 * Wraps a route handler so each request's duration is observed by method, route and
 * status. The route is the handler's own path pattern, never the URL, so the label
 * set stays bounded whatever callers send.
 */
export function timed(route: string, handler: Handler): Handler {
  return async (req) => {
    const start = performance.now();
    let status = 500;
    try {
      const response = await handler(req);
      status = response.status;
      return response;
    } finally {
      appMetrics().httpDuration.observe({ method: req.method, route, status: String(status) }, secondsSince(start));
    }
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * /api/metrics: 404 while METRICS_TOKEN is unset (the endpoint does not exist), 401
 * without the right bearer token, else the exposition.
 */
export async function metricsResponse(req: Request, token: string | undefined): Promise<Response> {
  if (!token) return new Response("Not found\n", { status: 404, headers: { "content-type": "text/plain" } });
  const header = req.headers.get("authorization") ?? "";
  const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  if (!sameSecret(given, token)) {
    return new Response("Unauthorized\n", {
      status: 401,
      headers: { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
  const { body, contentType } = await exposition();
  return new Response(body, { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" } });
}
