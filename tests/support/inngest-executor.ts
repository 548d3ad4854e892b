// A stand-in for the Inngest server at the app's edge (the server itself cannot be
// installed here: ../../../shared/STACK-NOTES.md, "Inngest"). It speaks Inngest's own
// wire format to the app's serve handler, as inngest@4's SDK expects it
// (node_modules/inngest/components/InngestCommHandler.js, helpers/functions.js):
//
// - every request is signed like Inngest Cloud signs it (`X-Inngest-Signature:
//   t=<unix seconds>&s=<HMAC-SHA256 of the canonical JSON body + t, keyed with the signing
//   key without its `signkey-<env>-` prefix>`), and every answer's signature is checked;
// - sync: an in-band PUT (`X-Inngest-Sync-Kind: in_band`, body `{ url }`), answered with
//   the app's functions; introspection: GET;
// - a run: POST `?fnId=<app>-<function>&stepId=step` with `{ event, events, steps, ctx,
//   version }`; the SDK answers 206 with op codes (StepRun with a step's result, StepError
//   for a retriable step failure, StepFailed when its attempts are spent, StepPlanned for a
//   step to be run by its own call, Sleep), 200 with the function's result, or 400/500 when
//   it threw (`X-Inngest-No-Retry` says whether to try again). The executor memoises each
//   step's result by its hashed id, in the order steps finished (`ctx.stack`), and calls
//   again until the run ends.
// - the Event API (`POST /e/<event key>`) the SDK sends events to (`step.sendEvent`,
//   `inngest.send`) at INNGEST_BASE_URL: events are kept, not run.
//
// No `ctx.fn_id` is sent, so the SDK answers in the plain async protocol (one step per
// call) rather than checkpointing through Inngest's REST API, which this stand-in lacks.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

/** A method of the serve route as Next.js calls it: the request and the route's context in, a Response out. */
export type ServeHandler = (request: NextRequest, context: unknown) => Promise<Response>;

export interface ExecutorOptions {
  /** `signkey-<env>-<hex>`, the app's INNGEST_SIGNING_KEY. */
  signingKey: string;
  /** Where the app serves /api/inngest (used in the request URL and the sync body). */
  serveUrl: string;
  /** GET, PUT and POST of the app's route module (src/app/api/inngest/route.ts). */
  handlers: { GET: ServeHandler; PUT: ServeHandler; POST: ServeHandler };
}

export interface FunctionStep {
  id: string;
  name: string;
  runtime: { type: string; url: string };
  retries?: { attempts: number };
}

/** One function as the SDK registers it (InngestFunction.getConfig). */
export interface RegisteredFunction {
  id: string;
  name: string;
  triggers: ({ event: string; expression?: string } | { cron: string })[];
  steps: Record<string, FunctionStep>;
  concurrency?: { key?: string; limit: number }[];
  priority?: { run?: string };
  [key: string]: unknown;
}

export interface SyncAnswer {
  app_id: string;
  framework: string;
  functions: RegisteredFunction[];
  inspection: Record<string, unknown>;
  sdk: string;
  url: string;
  [key: string]: unknown;
}

interface Op {
  id: string;
  op: string;
  name?: string;
  displayName?: string;
  data?: unknown;
  error?: unknown;
  opts?: unknown;
}

export interface ExecutorCall {
  status: number;
  /** The op codes of a 206 answer, in order; "complete" for 200, "rejected" for 400/500. */
  ops: string[];
  stepNames: string[];
  /** The answer's Retry-After (a RetryAfterError's time), when it has one. */
  retryAfter?: string;
}

export interface RunResult {
  status: "completed" | "failed";
  output: unknown;
  /** Every call to the serve handler, in order. */
  calls: ExecutorCall[];
  /** The memoised steps: hashed id → { data } or { error }, as sent on the last call. */
  steps: Record<string, { type: "data"; data: unknown } | { type: "error"; error: unknown }>;
  runId: string;
}

export interface ReceivedEvent {
  name: string;
  data: unknown;
  id?: string;
}

/** JSON with keys sorted at every level (RFC 8785 for JSON values), what the SDK signs. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

function hmac(signingKey: string, data: string, ts: string): string {
  return createHmac("sha256", signingKey.replace(/^signkey-\w+-/, ""))
    .update(data + ts)
    .digest("hex");
}

export class InngestExecutor {
  readonly received: ReceivedEvent[] = [];
  private server: Server | undefined;

  constructor(private readonly options: ExecutorOptions) {}

  /** Starts the Event API on a free loopback port; its URL is the app's INNGEST_BASE_URL. */
  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.method !== "POST" || !req.url?.startsWith("/e/")) {
          res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
          return;
        }
        const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ReceivedEvent | ReceivedEvent[];
        const events = Array.isArray(parsed) ? parsed : [parsed];
        this.received.push(...events);
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ ids: events.map(() => randomUUID()), status: 200 }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private signed(body: string, now = Math.round(Date.now() / 1000)): string {
    const ts = String(now);
    return `t=${ts}&s=${hmac(this.options.signingKey, body, ts)}`;
  }

  /** Sends one signed request and checks the answer's signature as Inngest does. */
  private async request(
    method: "GET" | "PUT" | "POST",
    query: Record<string, string>,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: Headers; text: string }> {
    const url = new URL(this.options.serveUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const text = body === undefined ? "" : canonicalJson(body);
    const request = new NextRequest(url, {
      method,
      headers: {
        "x-inngest-signature": this.signed(text),
        "x-inngest-server-kind": "cloud",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : text,
    });
    const response = await this.options.handlers[method](request, { params: Promise.resolve({}) });
    const answer = await response.text();
    this.checkAnswerSignature(response.headers.get("x-inngest-signature"), answer, response.status);
    return { status: response.status, headers: response.headers, text: answer };
  }

  private checkAnswerSignature(header: string | null, body: string, status: number): void {
    // The SDK signs what it answers to a request it could verify; a refusal (401) carries no signature.
    if (status === 401) return;
    const params = new URLSearchParams(header ?? "");
    const [ts, sig] = [params.get("t"), params.get("s")];
    if (!ts || !sig) throw new Error(`the serve handler's answer (${status}) is not signed`);
    const want = Buffer.from(hmac(this.options.signingKey, body, ts));
    if (want.length !== sig.length || !timingSafeEqual(want, Buffer.from(sig))) {
      throw new Error(`the serve handler's answer (${status}) has a wrong signature`);
    }
  }

  /** GET: the SDK's introspection answer. */
  async introspect(): Promise<{ status: number; body: Record<string, unknown> }> {
    const { status, text } = await this.request("GET", {}, undefined);
    return { status, body: JSON.parse(text) as Record<string, unknown> };
  }

  /** An in-band sync (PUT), as Inngest Cloud and a self-hosted server do it: the app answers with its functions. */
  async sync(): Promise<{ status: number; syncKind: string | null; body: SyncAnswer }> {
    const { status, headers, text } = await this.request(
      "PUT",
      {},
      { url: this.options.serveUrl },
      { "x-inngest-sync-kind": "in_band" },
    );
    return { status, syncKind: headers.get("x-inngest-sync-kind"), body: JSON.parse(text) as SyncAnswer };
  }

  /** A raw signed call, for refusal tests (a tampered signature is sent as given). */
  async rawPost(query: Record<string, string>, body: unknown, signature?: string): Promise<number> {
    const url = new URL(this.options.serveUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const text = canonicalJson(body);
    const response = await this.options.handlers.POST(
      new NextRequest(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-inngest-signature": signature ?? this.signed(text) },
        body: text,
      }),
      { params: Promise.resolve({}) },
    );
    await response.text();
    return response.status;
  }

  /**
   * Runs `fn` (its registered id, `<app>-<function>`) for `event` to its end, as the
   * Inngest executor does: call, memoise what the SDK answers, call again. `maxAttempts`
   * is the function's retries + 1 (its registration says); `maxCalls` stops a run that
   * never ends.
   */
  async run(
    fnId: string,
    event: { name: string; data: unknown; id?: string },
    options: { maxAttempts: number; maxCalls?: number },
  ): Promise<RunResult> {
    const runId = `01${randomUUID().replaceAll("-", "").slice(0, 24).toUpperCase()}`;
    const fullEvent = { id: event.id ?? randomUUID(), ts: Date.now(), ...event, data: event.data ?? {} };
    const steps: RunResult["steps"] = {};
    const stack: string[] = [];
    const calls: ExecutorCall[] = [];
    // Inngest's attempt counter: per step while a step is retried, and for the function when it throws.
    let attempt = 0;
    let version: number | undefined;
    const maxCalls = options.maxCalls ?? 1000;
    const planned: string[] = [];

    while (calls.length < maxCalls) {
      const stepId = planned.shift() ?? "step";
      const body = {
        event: fullEvent,
        events: [fullEvent],
        steps,
        ctx: {
          run_id: runId,
          attempt,
          max_attempts: options.maxAttempts,
          disable_immediate_execution: false,
          use_api: false,
          stack: { stack: [...stack], current: stack.length },
        },
        version: version ?? -1,
      };
      const { status, headers, text } = await this.request("POST", { fnId, stepId }, body, {
        "x-run-id": runId,
        "x-request-id": randomUUID(),
        ...(version === undefined ? {} : { "x-inngest-req-version": String(version) }),
      });
      const answeredVersion = Number(headers.get("x-inngest-req-version"));
      if (version === undefined && Number.isFinite(answeredVersion)) version = answeredVersion;

      if (status === 200) {
        calls.push({ status, ops: ["complete"], stepNames: [] });
        return { status: "completed", output: JSON.parse(text), calls, steps, runId };
      }
      if (status === 206) {
        const ops = JSON.parse(text) as Op | Op[];
        const list = Array.isArray(ops) ? ops : [ops];
        calls.push({
          status,
          ops: list.map((o) => o.op),
          stepNames: list.map((o) => o.displayName ?? o.name ?? o.id),
          retryAfter: headers.get("retry-after") ?? undefined,
        });
        for (const op of list) {
          switch (op.op) {
            case "StepRun":
            case "Step":
              steps[op.id] = { type: "data", data: op.data ?? null };
              stack.push(op.id);
              attempt = 0;
              break;
            case "Sleep":
              // Slept at once: the run's clock is not what this stand-in proves.
              steps[op.id] = { type: "data", data: null };
              stack.push(op.id);
              attempt = 0;
              break;
            case "StepPlanned":
              planned.push(op.id);
              break;
            case "StepError":
              // Retriable: the same step again on its next attempt (Retry-After is not waited for here).
              attempt += 1;
              if (attempt >= options.maxAttempts) throw new Error(`step ${op.name ?? op.id} kept failing`);
              break;
            case "StepFailed":
              steps[op.id] = { type: "error", error: op.error ?? { name: "Error", message: "step failed" } };
              stack.push(op.id);
              attempt = 0;
              break;
            case "RunComplete":
              return { status: "completed", output: op.data ?? null, calls, steps, runId };
            default:
              throw new Error(`op code ${op.op} is not supported by this stand-in executor`);
          }
        }
        continue;
      }
      calls.push({ status, ops: ["rejected"], stepNames: [], retryAfter: headers.get("retry-after") ?? undefined });
      const noRetry = headers.get("x-inngest-no-retry") === "true";
      attempt += 1;
      if (noRetry || attempt >= options.maxAttempts) {
        return { status: "failed", output: text ? JSON.parse(text) : null, calls, steps, runId };
      }
    }
    throw new Error(`the run of ${fnId} did not end within ${maxCalls} calls`);
  }
}
