// Notification webhooks against a real HTTP receiver on loopback, over real PostgreSQL
// and the embedded job runner: a notice reaches the event's URL in Discord's or Slack's
// shape; a receiver that fails and then recovers gets it after retries, the failure
// recorded on the admin page in between; a 429's Retry-After is waited for; a refusal
// or a redirect ends the delivery; the URL is nowhere in the database or the logs in
// plaintext. (Which URLs may be saved, and by whom: webhook-urls-and-who-may-set-them.)
import { execFileSync } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { deliverWebhookJob, dispatchWebhooksJob } from "~/server/jobs/definitions/webhooks";
import type { EmbeddedRunner } from "~/server/jobs/embedded-runner";
import { checkedSender } from "~/server/jobs/events";
import { notifyCharacterRemoved } from "~/server/notifications/character-removed";
import { notify } from "~/server/notifications/notify";
import { claimUnqueuedDeliveries } from "~/server/notifications/webhook-dispatch";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { testRunner } from "../support/job-runner";
import { captureLogs } from "../support/log-capture";

vi.setConfig({ testTimeout: 60_000 });

type Reply = { status: number; headers?: Record<string, string>; body?: string };
interface Received {
  path: string;
  body: Record<string, any>;
  at: number;
  /** The delivery row as the receiver saw it when asked: what the admin page showed meanwhile. */
  row: { status: string; attempts: number; lastError: string | null } | null;
}

let t: TestDatabase;
let receiver: Server;
let origin: string;
let runner: EmbeddedRunner;
const received: Received[] = [];
let replies: Reply[] = [];
const logged: string[] = [];
let logs: ReturnType<typeof captureLogs>;
const SECRET = "s3cret-T0ken-of-the-channel";
const esi = createEsiClient({ baseUrl: "http://127.0.0.1:9" });
const settings = () => ({ allowedOrigins: [origin], timeoutMs: 5_000 });

async function answer(req: IncomingMessage, res: ServerResponse) {
  let text = "";
  for await (const chunk of req) text += chunk;
  const row = await t.db.webhookDelivery.findFirst({
    orderBy: { createdAt: "desc" },
    select: { status: true, attempts: true, lastError: true },
  });
  received.push({ path: req.url ?? "", body: JSON.parse(text || "{}"), at: Date.now(), row });
  const reply = replies.shift() ?? { status: 204 };
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(reply.body ?? "");
}

const deps = () => {
  const d = testAppDeps({ db: t.db, esi });
  // "Send test" queues straight to the runner, as the app's sender does.
  return { ...d, webhooks: settings(), sendEvents: checkedSender((events) => runner.send(events)) };
};
const as = (userId: string) => appRouter.createCaller({ deps: deps(), user: { id: userId } as CurrentUser });
const url = (path = `/hooks/${SECRET}`) => `${origin}${path}`;

/** What the dispatch-webhooks job does each minute, then the runs to the end. */
async function dispatchAndWait() {
  const claimed = await claimUnqueuedDeliveries(t.db);
  await runner.send(
    claimed.map((d) => ({
      name: "memberaudit/webhook.deliver",
      id: `webhook-${d.id}`,
      data: { deliveryId: d.id, eventType: d.eventType },
    })),
  );
  await runner.idle();
  return claimed.length;
}

const removal = (name: string) => notifyCharacterRemoved(t.db, ["root"], { characterName: name, userName: "Pilot" });

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error"] as const)
    vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args.map(String).join(" ")));
  logs = captureLogs();
  t = await createTestDatabase();
  await t.db.user.createMany({ data: [{ id: "root", isSuperuser: true }, { id: "member" }] });
  receiver = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const jobDeps = () => ({ db: t.db, esi, cipher: deps().cipher });
  runner = testRunner(t.db, [dispatchWebhooksJob(jobDeps), deliverWebhookJob(jobDeps, { webhooks: settings() })], {
    log: (line) => logged.push(line),
  });
  await runner.start();
});
afterEach(() => {
  received.length = 0;
  replies = [];
});
afterAll(async () => {
  await runner?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
  await esi.close();
  await t?.drop();
  vi.restoreAllMocks();
  logs?.restore();
});

describe("webhooks", () => {
  it("post a removal notice to the event's URL in Discord's shape, pinging nobody", async () => {
    const saved = await as("root").admin.webhooks.set({ eventType: "character_removed", url: url(), kind: "discord" });
    expect(saved).toEqual({
      eventType: "character_removed",
      kind: "discord",
      urlHint: `${origin}/…${SECRET.slice(-4)}`,
    });
    await removal("Alt @everyone");
    expect(await dispatchAndWait()).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe(`/hooks/${SECRET}`);
    expect(received[0]!.body).toEqual({
      content: "Info: Character removed: Alt @everyone",
      embeds: [
        {
          title: "Character removed: Alt @everyone",
          description: "Pilot removed Alt @everyone from Member Audit.",
          color: 0x38bdf8,
        },
      ],
      allowed_mentions: { parse: [] },
    });
    const [view] = (await as("root").admin.webhooks.list()).filter((w) => w.eventType === "character_removed");
    expect(view!.recent[0]).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
    expect(await dispatchAndWait()).toBe(0); // delivered once, not again
  });

  it("post in Slack's shape with its control characters escaped", async () => {
    await as("root").admin.webhooks.set({ eventType: "token_invalid", url: url("/slack"), kind: "slack" });
    await notify(t.db, ["member"], { event: "token_invalid", level: "danger", title: "<Alt> & co", message: "a > b" });
    await dispatchAndWait();
    expect(received.map((r) => r.body)).toEqual([{ text: "*Action needed: &lt;Alt&gt; &amp; co*\na &gt; b" }]);
  });

  it("deliver to a receiver that fails and then recovers, the failure recorded in between", async () => {
    replies = [{ status: 500, body: "upstream down" }, { status: 503 }];
    await removal("Flaky");
    await dispatchAndWait();
    expect(received).toHaveLength(3);
    // Before the second and third attempts the admin page showed the failure, still pending.
    expect(received[1]!.row).toEqual({ status: "pending", attempts: 1, lastError: "HTTP 500: upstream down" });
    expect(received[2]!.row).toEqual({ status: "pending", attempts: 2, lastError: "HTTP 503" });
    const [view] = (await as("root").admin.webhooks.list()).filter((w) => w.eventType === "character_removed");
    expect(view!.recent[0]).toMatchObject({ title: "Character removed: Flaky", status: "delivered", attempts: 3 });
    expect(view!.recent[0]!.lastError).toBe("HTTP 503");
    expect(view!.recent[0]!.deliveredAt).toBeInstanceOf(Date);
  });

  it("wait as long as a 429's Retry-After says before posting again", async () => {
    replies = [
      {
        status: 429,
        headers: { "Retry-After": "2" },
        body: '{"message":"You are being rate limited.","retry_after":2}',
      },
    ];
    await removal("Busy");
    await dispatchAndWait();
    expect(received).toHaveLength(2);
    expect(received[1]!.at - received[0]!.at).toBeGreaterThanOrEqual(1900);
    expect(received[1]!.row).toMatchObject({ status: "pending", attempts: 1 });
    expect(received[1]!.row!.lastError).toMatch(/^HTTP 429/);
  });

  it("end a delivery the receiver refuses (404) or redirects, without following the redirect", async () => {
    replies = [{ status: 404, body: '{"message": "Unknown Webhook", "code": 10015}' }];
    await removal("Gone");
    await dispatchAndWait();
    expect(received).toHaveLength(1);
    replies = [{ status: 302, headers: { Location: "/elsewhere" } }];
    await removal("Moved");
    await dispatchAndWait();
    expect(received.map((r) => r.path)).toEqual([`/hooks/${SECRET}`, `/hooks/${SECRET}`]);
    const [view] = (await as("root").admin.webhooks.list()).filter((w) => w.eventType === "character_removed");
    expect(view!.recent.slice(0, 2).map((d) => [d.title, d.status, d.attempts, d.lastError])).toEqual([
      ["Character removed: Moved", "failed", 1, "HTTP 302: redirects are not followed"],
      ["Character removed: Gone", "failed", 1, 'HTTP 404: {"message": "Unknown Webhook", "code": 10015}'],
    ]);
  });

  it("send a test from the admin page at once, and tell one event once per dedupe key", async () => {
    const { deliveryId } = await as("root").admin.webhooks.sendTest({ eventType: "character_removed" });
    await runner.idle();
    expect(received.map((r) => r.body.embeds[0].title)).toEqual(["Test: Character removed"]);
    expect(await t.db.webhookDelivery.findUnique({ where: { id: deliveryId } })).toMatchObject({
      isTest: true,
      status: "delivered",
    });
    const notice = { event: "token_invalid", level: "success", title: "k", message: "m", dedupeKey: "k1" } as const;
    await notify(t.db, ["member"], notice);
    await notify(t.db, [], notice); // nobody told in the app: the channel still hears it, but only once per key
    await notify(t.db, ["member"], { ...notice, event: "export_finished" }); // no URL for this event: nothing
    expect(await dispatchAndWait()).toBe(1);
  });

  it("are queued by the every-minute dispatcher job once, each delivery its own run", async () => {
    await removal("Dispatched one");
    await removal("Dispatched two");
    const job = dispatchWebhooksJob(() => ({ db: t.db }));
    const step = {
      run: <T>(_id: string, fn: () => Promise<T> | T) => Promise.resolve(fn()),
      sendEvent: (_id: string, events: any) => runner.send(events),
    };
    const tick = () => job.handler({ event: { name: "inngest/scheduled.timer", data: {} }, step, attempt: 0 });
    expect(await tick()).toEqual({ queued: 2 });
    expect(await tick()).toEqual({ queued: 0 });
    await runner.idle();
    expect(received.map((r) => r.body.embeds[0].title).sort()).toEqual([
      "Character removed: Dispatched one",
      "Character removed: Dispatched two",
    ]);
  });

  it("keep the URL out of the database and the logs in plaintext, and out of every answer", async () => {
    replies = [{ status: 500, body: `echo ${url()}` }];
    await removal("Leak check");
    await dispatchAndWait();
    const dump = execFileSync("pg_dump", ["--data-only", t.url], {
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    }).toString();
    expect(dump).toContain("Leak check"); // the dump does hold the deliveries
    expect(dump).not.toContain(SECRET);
    expect([...logged, ...logs.raw].join("\n")).not.toContain(SECRET);
    expect(JSON.stringify(await as("root").admin.webhooks.list())).not.toContain(SECRET);
  });
});
