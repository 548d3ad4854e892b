// A hand-written ESI stand-in for the cases the simulator cannot stage on demand
// (pages that change between requests, a cursor feed with known ids, exact
// failure sequences). It is a real HTTP server, so the client's whole path runs.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
}

export interface StubReply {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw text instead of JSON. */
  text?: string;
}

export interface Stub {
  url: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

export async function startStub(handler: (req: StubRequest) => StubReply | Promise<StubReply>): Promise<Stub> {
  const requests: StubRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(`http://stub${req.url ?? "/"}`);
      const request = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
      };
      requests.push(request);
      const reply = await handler(request);
      const text = reply.text ?? (reply.body === undefined ? "" : JSON.stringify(reply.body));
      res.writeHead(reply.status ?? 200, { "Content-Type": "application/json; charset=UTF-8", ...reply.headers });
      res.end(reply.status === 304 ? undefined : text);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** ESI-style cache headers, expiring `seconds` from now. */
export function cacheHeaders(etag: string, lastModified: Date, seconds = 300): Record<string, string> {
  const now = new Date();
  return {
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    Date: now.toUTCString(),
    Expires: new Date(now.getTime() + seconds * 1000).toUTCString(),
    "Cache-Control": `public, max-age=${seconds}`,
  };
}
