// A tRPC batch names its procedures in the path ("/api/trpc/a.b,c.d?batch=1"); each call
// costs a procedure run, so one request could ask for hundreds (issue 11, finding 7). The
// limit is checked before tRPC parses anything, from the path alone.
import { AppError } from "~/server/errors/app-error";

export const MAX_BATCH_CALLS = 50;

/** How many procedure calls the request asks for (1 for an unbatched call). */
export function batchCallCount(url: string, endpoint: string): number {
  const { pathname } = new URL(url, "http://localhost");
  const at = pathname.indexOf(endpoint);
  const path = at === -1 ? pathname : pathname.slice(at + endpoint.length).replace(/^\//, "");
  return path === "" ? 0 : safeDecode(path).split(",").length;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A 413 JSON answer when the batch is over the limit, else null (let tRPC handle it). */
export function refuseLargeBatch(url: string, endpoint: string, max = MAX_BATCH_CALLS): Response | null {
  const calls = batchCallCount(url, endpoint);
  if (calls <= max) return null;
  const error = new AppError("BAD_INPUT", `A batch may hold at most ${max} calls; this one holds ${calls}.`, {
    reason: "batch-too-large",
  });
  return Response.json(
    { error: { code: error.code, message: error.message, ...error.details } },
    { status: 413, headers: { "cache-control": "no-store" } },
  );
}
