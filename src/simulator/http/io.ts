// Small request/response helpers over node:http. Both ESI and the SSO answer
// errors as JSON objects, so handlers throw HttpError and the server turns it into
// a response in one place.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export const JSON_CONTENT_TYPE = "application/json; charset=UTF-8";

const MAX_BODY_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: OutgoingHttpHeaders = {},
  ) {
    super(typeof body.error === "string" ? body.error : `HTTP ${status}`);
    this.name = "HttpError";
  }
}

/** ESI's error body: `{"error": "..."}`. */
export function esiError(status: number, message: string): HttpError {
  return new HttpError(status, { error: message });
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw esiError(413, "Request body is too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The media type without parameters, lower-cased; "" when absent. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": JSON_CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
  });
  res.end(html);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, "Content-Length": 0, "Cache-Control": "no-store" });
  res.end();
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
