// The wire: one keep-alive undici Agent per client with a bounded number of
// connections, a per-attempt timeout, and the response reduced to what the client
// needs (status, the headers ESI's contract uses, the body bytes).
import { Agent, type Dispatcher, request } from "undici";

export interface TransportSettings {
  /** Connections kept to ESI (per origin). */
  connections: number;
  keepAliveTimeoutMs: number;
  /** Whole attempt: connect, headers and body. */
  timeoutMs: number;
}

export interface WireRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
  durationMs: number;
}

/** No response: the attempt timed out or the connection failed. Retryable. */
export class TransportError extends Error {
  constructor(
    readonly reason: "timeout" | "network",
    message: string,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

export function createAgent(settings: TransportSettings): Agent {
  return new Agent({
    connections: settings.connections,
    pipelining: 1,
    keepAliveTimeout: settings.keepAliveTimeoutMs,
    keepAliveMaxTimeout: Math.max(settings.keepAliveTimeoutMs, 60_000),
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
    connect: { timeout: Math.min(settings.timeoutMs, 10_000) },
  });
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

export async function send(dispatcher: Dispatcher, req: WireRequest, timeoutMs: number): Promise<WireResponse> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  const started = performance.now();
  try {
    const response = await request(req.url, {
      dispatcher,
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal,
    });
    const body = Buffer.from(await response.body.arrayBuffer());
    return {
      status: response.statusCode,
      headers: flatten(response.headers),
      body,
      durationMs: performance.now() - started,
    };
  } catch (error) {
    // The caller gave up: not ours to retry.
    if (req.signal?.aborted) throw error;
    const code = (error as { code?: string }).code ?? "";
    if (
      timeout.aborted ||
      code === "UND_ERR_HEADERS_TIMEOUT" ||
      code === "UND_ERR_BODY_TIMEOUT" ||
      code === "UND_ERR_CONNECT_TIMEOUT"
    ) {
      throw new TransportError("timeout", `no complete response within ${timeoutMs} ms`);
    }
    throw new TransportError(
      "network",
      error instanceof Error ? `${code || error.name}: ${error.message}` : String(error),
    );
  }
}
