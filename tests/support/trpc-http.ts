// The app's tRPC endpoint on a real loopback HTTP server, wired like
// src/app/api/trpc/[trpc]/route.ts (the batch limit, then the fetch handler over the
// app router), with the test's deps. Which user is signed in comes from a test header
// instead of next-auth's cookie, so one server serves every caller of a test; an
// `Authorization: Bearer` header goes through the app's own token path.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { requestContext } from "~/server/api/context";
import { handleTrpcRequest } from "~/server/api/http";
import { createRateLimiter, type RateLimiter } from "~/server/api-tokens/rate-limit";
import type { CurrentUser } from "~/server/auth/session";
import type { AppDeps } from "~/server/deps";

const ENDPOINT = "/api/trpc";
export const USER_HEADER = "x-test-user";

export interface TrpcHttpServer {
  url: string;
  /** One procedure call as `as` (a key of the users map, or null for signed out), like the app's client sends it. */
  call(as: string | null, path: string, kind: "query" | "mutation", input: unknown): Promise<TrpcAnswer>;
  /** The same with the raw `input` text as sent (for inputs no client would produce). */
  callRaw(as: string | null, path: string, kind: "query" | "mutation", raw: string): Promise<TrpcAnswer>;
  close(): Promise<void>;
}

export interface TrpcAnswer {
  status: number;
  text: string;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startTrpcServer(
  deps: AppDeps,
  users: Record<string, CurrentUser>,
  limiter: RateLimiter = createRateLimiter(100_000),
): Promise<TrpcHttpServer> {
  // Real browsers and proxies cap URLs lower; raised here so that oversized inputs reach the app.
  const server: Server = createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    serve(req).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      // Whatever escapes the handler would be the app's 500: answer it as one, so the test sees it.
      (error: unknown) => {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`handler threw: ${String(error)}`);
      },
    );
  });
  async function serve(req: IncomingMessage): Promise<Response> {
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
    const request = new Request(`http://127.0.0.1${req.url}`, {
      method: req.method,
      // The app runs behind a proxy that names the client in X-Forwarded-For; here the socket does.
      headers: { "x-forwarded-for": req.socket.remoteAddress ?? "", ...(req.headers as Record<string, string>) },
      body: body?.length ? new Uint8Array(body) : undefined,
    });
    const user = users[String(req.headers[USER_HEADER] ?? "")] ?? null;
    return handleTrpcRequest(request, () => requestContext(deps, request, async () => user, limiter));
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function callRaw(as: string | null, path: string, kind: "query" | "mutation", raw: string) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (as) headers[USER_HEADER] = as;
    const response =
      kind === "query"
        ? await fetch(`${url}${ENDPOINT}/${path}?input=${encodeURIComponent(raw)}`, { headers })
        : await fetch(`${url}${ENDPOINT}/${path}`, { method: "POST", headers, body: raw });
    return { status: response.status, text: await response.text() };
  }

  return {
    url,
    callRaw,
    call: (as, path, kind, input) => callRaw(as, path, kind, JSON.stringify(superjson.serialize(input))),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
