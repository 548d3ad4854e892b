// Client behaviour that needs exact, scripted ESI answers: paging consistency,
// cursor walks, retry budget, 4xx handling, schema mismatches, Expires, 401 renewal
// and request headers. A small real HTTP server plays ESI (tests/support/esi-stub.ts);
// limiter state lives in memory here (the PostgreSQL limiter has its own tests).
import { afterEach, describe, expect, it } from "vitest";
import {
  createEsiClient,
  ESI_COMPATIBILITY_DATE,
  EsiError,
  type EsiClientConfig,
  EsiInconsistentPagesError,
  EsiRateLimitedError,
  EsiResponseInvalidError,
  type EsiWarning,
  EsiRetryBudgetExceededError,
} from "~/server/esi/client";
import type { AccessToken, TokenProvider } from "~/server/esi/tokens";
import { cacheHeaders, type Stub, type StubReply, type StubRequest, startStub } from "../support/esi-stub";

let stub: Stub | undefined;
const clients: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await stub?.close();
  stub = undefined;
});

class FakeTokens implements TokenProvider {
  renewals = 0;
  current = "token-1";
  constructor(
    private readonly scopes: string[] = [
      "esi-assets.read_assets.v1",
      "esi-wallet.read_character_wallet.v1",
      "esi-mail.read_mail.v1",
    ],
  ) {}
  async accessToken(characterId: number): Promise<AccessToken> {
    return { characterId, accessToken: this.current, scopes: this.scopes, expiresAt: new Date(Date.now() + 600_000) };
  }
  async renew(characterId: number): Promise<AccessToken> {
    this.renewals += 1;
    this.current = `token-${this.renewals + 1}`;
    return this.accessToken(characterId);
  }
}

async function setup(
  handler: (req: StubRequest) => StubReply | Promise<StubReply>,
  config: Partial<EsiClientConfig> = {},
) {
  stub = await startStub(handler);
  const tokens = (config.tokens as FakeTokens | undefined) ?? new FakeTokens();
  const esi = createEsiClient({
    baseUrl: stub.url,
    contact: "ops@example.org",
    tokens,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...config,
  });
  clients.push(esi);
  return { esi, stub, tokens };
}

function asset(itemId: number) {
  return {
    is_singleton: false,
    item_id: itemId,
    location_flag: "Hangar",
    location_id: 60003760,
    location_type: "station",
    quantity: 1,
    type_id: 34,
  };
}

describe("X-Pages walks", () => {
  it("re-walks when pages disagree on Last-Modified and returns one consistent snapshot", async () => {
    const old = new Date("2026-07-01T10:00:00Z");
    const fresh = new Date("2026-07-01T11:00:00Z");
    let walk = 0;
    const { esi, stub } = await setup((req) => {
      const page = Number(req.query.get("page") ?? 1);
      if (page === 1) walk += 1;
      // First walk: page 3 was produced after the data changed.
      const lastModified = walk === 1 && page === 3 ? fresh : walk === 1 ? old : fresh;
      return {
        headers: { ...cacheHeaders(`"p${page}-w${walk}"`, lastModified), "X-Pages": "3" },
        body: [asset(page * 10 + walk)],
      };
    });
    const result = await esi.getPages("/characters/{character_id}/assets", { path: { character_id: 7 } });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.data.map((a) => a.item_id)).toEqual([12, 22, 32]);
    expect(result.pages).toBe(3);
    expect(stub.requests).toHaveLength(6);
    expect(JSON.parse(result.cache.etag ?? "")).toEqual(['"p1-w2"', '"p2-w2"', '"p3-w2"']);
  });

  it("gives up with a typed error when every walk is inconsistent", async () => {
    let n = 0;
    const { esi, stub } = await setup(
      (req) => {
        n += 1;
        return {
          headers: { ...cacheHeaders(`"e${n}"`, new Date(Date.UTC(2026, 0, 1, 0, 0, n))), "X-Pages": "2" },
          body: [asset(Number(req.query.get("page")))],
        };
      },
      { pageWalkAttempts: 3 },
    );
    await expect(
      esi.getPages("/characters/{character_id}/assets", { path: { character_id: 7 } }),
    ).rejects.toBeInstanceOf(EsiInconsistentPagesError);
    expect(stub.requests).toHaveLength(6);
  });

  it("treats a page past a shrunken end (404) as a change and walks again", async () => {
    let walk = 0;
    const lm = new Date("2026-07-01T10:00:00Z");
    const { esi } = await setup((req) => {
      const page = Number(req.query.get("page") ?? 1);
      if (page === 1) walk += 1;
      if (walk === 1 && page === 3) return { status: 404, body: { error: "Requested page does not exist!" } };
      return { headers: { ...cacheHeaders(`"p${page}"`, lm), "X-Pages": walk === 1 ? "3" : "2" }, body: [asset(page)] };
    });
    const result = await esi.getPages("/characters/{character_id}/assets", { path: { character_id: 7 } });
    expect(result.status === "ok" && result.data.map((a) => a.item_id)).toEqual([1, 2]);
  });

  it("answers unchanged when every page is 304, and refetches 304 pages in full when another page changed", async () => {
    const lm = new Date("2026-07-01T10:00:00Z");
    let page2Version = 1;
    const { esi, stub } = await setup((req) => {
      const page = Number(req.query.get("page") ?? 1);
      const etag = page === 2 ? `"p2v${page2Version}"` : `"p${page}"`;
      const headers = { ...cacheHeaders(etag, lm, 0), "X-Pages": "3" };
      if (req.headers["if-none-match"] === etag) return { status: 304, headers };
      return { headers, body: [asset(page * 100 + (page === 2 ? page2Version : 0))] };
    });
    const first = await esi.getPages("/characters/{character_id}/assets", { path: { character_id: 7 } });
    expect(first.status).toBe("ok");
    const second = await esi.getPages("/characters/{character_id}/assets", {
      path: { character_id: 7 },
      cache: first.cache,
    });
    expect(second).toMatchObject({ status: "unchanged", reason: "not-modified" });
    expect(stub.requests.slice(3).map((r) => r.headers["if-none-match"])).toEqual(['"p1"', '"p2v1"', '"p3"']);

    page2Version = 2;
    stub.requests.length = 0;
    const third = await esi.getPages("/characters/{character_id}/assets", {
      path: { character_id: 7 },
      cache: first.cache,
    });
    expect(third.status === "ok" && third.data.map((a) => a.item_id)).toEqual([100, 202, 300]);
    // 3 conditional requests, then pages 1 and 3 again without validators.
    expect(stub.requests.map((r) => [r.query.get("page"), r.headers["if-none-match"] ?? null])).toEqual([
      ["1", '"p1"'],
      ["2", '"p2v1"'],
      ["3", '"p3"'],
      ["1", null],
      ["3", null],
    ]);
  });
});

describe("cursor walks", () => {
  const transactions = Array.from({ length: 120 }, (_, i) => 120 - i).map((id) => ({
    client_id: 1,
    date: "2026-07-01T10:00:00Z",
    is_buy: true,
    is_personal: true,
    journal_ref_id: id,
    location_id: 60003760,
    quantity: 1,
    transaction_id: id,
    type_id: 34,
    unit_price: 1.5,
  }));

  it("follows from_id (the given id and older, newest first) until a page brings nothing new", async () => {
    const { esi, stub } = await setup((req) => {
      const from = req.query.get("from_id");
      const older = transactions.filter((t) => from === null || t.transaction_id <= Number(from));
      return { headers: cacheHeaders('"tx"', new Date()), body: older.slice(0, 50) };
    });
    const result = await esi.getByCursor("/characters/{character_id}/wallet/transactions", {
      path: { character_id: 7 },
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.data.map((t) => t.transaction_id)).toEqual(transactions.map((t) => t.transaction_id));
    expect(stub.requests.map((r) => r.query.get("from_id"))).toEqual([null, "71", "22", "1"]);
  });

  it("stops at already stored ids (stopAtId) for incremental updates", async () => {
    const { esi, stub } = await setup((req) => {
      const from = req.query.get("from_id");
      return {
        headers: cacheHeaders('"tx"', new Date()),
        body: transactions.filter((t) => from === null || t.transaction_id <= Number(from)).slice(0, 50),
      };
    });
    const result = await esi.getByCursor("/characters/{character_id}/wallet/transactions", {
      path: { character_id: 7 },
      stopAtId: 90,
    });
    expect(result.status === "ok" && result.data.length).toBe(50);
    expect(stub.requests).toHaveLength(1);
  });

  it("follows last_mail_id (ids lower than the given one) until an empty page", async () => {
    const mails = Array.from({ length: 70 }, (_, i) => ({
      mail_id: 1000 - i,
      subject: `m${i}`,
      from: 1,
      timestamp: "2026-07-01T10:00:00Z",
    }));
    const { esi, stub } = await setup((req) => {
      const last = req.query.get("last_mail_id");
      return {
        headers: cacheHeaders('"mail"', new Date()),
        body: mails.filter((m) => last === null || m.mail_id < Number(last)).slice(0, 50),
      };
    });
    const result = await esi.getByCursor("/characters/{character_id}/mail", { path: { character_id: 7 } });
    expect(result.status === "ok" && result.data.map((m) => m.mail_id)).toEqual(mails.map((m) => m.mail_id));
    expect(stub.requests.map((r) => r.query.get("last_mail_id"))).toEqual([null, "951", "931"]);
  });
});

describe("retries", () => {
  it("retries 503 with backoff and gives up with a typed error when the attempt budget is spent", async () => {
    const { esi, stub } = await setup(
      () => ({ status: 503, body: { error: "The datasource tranquility is temporarily unavailable" } }),
      {
        retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 10 },
      },
    );
    const error = await esi
      .get("/characters/{character_id}/assets", { path: { character_id: 7 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiRetryBudgetExceededError);
    expect(error).toMatchObject({ attempts: 3, lastStatus: 503 });
    expect(stub.requests).toHaveLength(3);
    expect(esi.snapshot().retries).toBe(2);
  });

  it("stops retrying when the time budget would be exceeded", async () => {
    const { esi, stub } = await setup(() => ({ status: 504, body: { error: "Timeout contacting tranquility" } }), {
      retry: { maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 200, maxTotalMs: 250 },
    });
    await expect(esi.get("/characters/{character_id}/assets", { path: { character_id: 7 } })).rejects.toBeInstanceOf(
      EsiRetryBudgetExceededError,
    );
    // Every backoff is at least 100 ms, so a 250 ms budget admits at most 3 attempts of the 10 allowed.
    expect(stub.requests.length).toBeLessThanOrEqual(3);
  });

  it("retries timeouts, then succeeds", async () => {
    let n = 0;
    const { esi, stub } = await setup(
      async () => {
        n += 1;
        // Far apart, so that a loaded machine cannot make the prompt answer time out too.
        if (n === 1) await new Promise((r) => setTimeout(r, 3000));
        return { headers: cacheHeaders('"a"', new Date()), body: [asset(1)] };
      },
      { timeoutMs: 1000 },
    );
    const result = await esi.get("/characters/{character_id}/assets", { path: { character_id: 7 } });
    expect(result.status).toBe("ok");
    expect(stub.requests).toHaveLength(2);
    expect(esi.snapshot().routes[0]?.byStatus).toMatchObject({ "0": 1, "200": 1 });
  });

  it("does not retry other errors: a 404 is one request and an EsiError", async () => {
    const { esi, stub } = await setup(() => ({ status: 404, body: { error: "Character not found" } }));
    const error = await esi
      .getData("/characters/{character_id}", { path: { character_id: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiError);
    expect(error).toMatchObject({ status: 404, message: expect.stringContaining("Character not found") });
    expect(stub.requests).toHaveLength(1);
  });

  it("after a 401 renews the token exactly once and retries with the new one", async () => {
    const tokens = new FakeTokens();
    const { esi, stub } = await setup(
      (req) =>
        req.headers.authorization === "Bearer token-2"
          ? { headers: cacheHeaders('"a"', new Date()), body: [asset(1)] }
          : { status: 401, body: { error: "expired" } },
      { tokens },
    );
    expect((await esi.get("/characters/{character_id}/assets", { path: { character_id: 7 } })).status).toBe("ok");
    expect(tokens.renewals).toBe(1);

    // Still 401 after the renewal: no second renewal, a typed 401.
    const always401 = new FakeTokens();
    await stub.close();
    const again = await setup(() => ({ status: 401, body: { error: "expired" } }), { tokens: always401 });
    await expect(
      again.esi.get("/characters/{character_id}/assets", { path: { character_id: 7 } }),
    ).rejects.toMatchObject({ status: 401 });
    expect(always401.renewals).toBe(1);
    expect(again.stub.requests).toHaveLength(2);
  });
});

describe("response validation", () => {
  it("turns a body that does not match the spec in what is read into EsiResponseInvalidError", async () => {
    const { esi } = await setup(() => ({
      headers: cacheHeaders('"a"', new Date()),
      body: { name: "Pilot", corporation_id: "not a number" },
    }));
    const error = await esi.get("/characters/{character_id}", { path: { character_id: 7 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiResponseInvalidError);
    expect(String((error as Error).message)).toMatch(/corporation_id|required/);
  });

  it("leaves a malformed list item out with a warning, and keeps an unknown enum value as given", async () => {
    const odd = { ...asset(3), location_flag: "unknown location_flag (185)" };
    const { esi } = await setup(() => ({
      headers: cacheHeaders('"a"', new Date()),
      body: [asset(1), { item_id: "not a number" }, odd, { ...odd, item_id: 4 }],
    }));
    const warnings: EsiWarning[] = [];
    const result = await esi.get("/characters/{character_id}/assets", {
      path: { character_id: 7 },
      onWarning: (w) => warnings.push(w),
    });
    expect(result.status === "ok" && result.data.map((a) => [a.item_id, a.location_flag])).toEqual([
      [1, "Hangar"],
      [3, "unknown location_flag (185)"],
      [4, "unknown location_flag (185)"],
    ]);
    expect(warnings.map((w) => [w.route, w.kind, w.value])).toEqual([
      ["GET /characters/{character_id}/assets", "item-left-out", "1"],
      ["GET /characters/{character_id}/assets", "unknown-enum", "unknown location_flag (185)"],
    ]);
  });

  it("requires only the fields the caller reads", async () => {
    const { esi } = await setup(() => ({ headers: cacheHeaders('"a"', new Date()), body: { name: "Pilot" } }));
    const path = { path: { character_id: 7 } };
    await expect(esi.get("/characters/{character_id}", path)).rejects.toBeInstanceOf(EsiResponseInvalidError);
    esi.clearMemory();
    const read = await esi.get("/characters/{character_id}", { ...path, force: true, reads: ["name"] });
    expect(read.status === "ok" && read.data.name).toBe("Pilot");
  });

  it("turns a body that is not JSON into EsiResponseInvalidError", async () => {
    const { esi } = await setup(() => ({ headers: cacheHeaders('"a"', new Date()), text: '[{"item_id": 1, "quan' }));
    await expect(esi.get("/characters/{character_id}/assets", { path: { character_id: 7 } })).rejects.toBeInstanceOf(
      EsiResponseInvalidError,
    );
  });

  it("accepts OpenAPI nullable fields as null", async () => {
    const { toJsonSchema } = await import("~/server/esi/spec");
    expect(
      toJsonSchema({ type: "object", nullable: true, properties: { a: { type: "integer", nullable: true } } }),
    ).toEqual({
      anyOf: [
        { type: "object", properties: { a: { anyOf: [{ type: "integer" }, { type: "null" }] } } },
        { type: "null" },
      ],
    });
  });
});

describe("caching and headers", () => {
  it("sends User-Agent with app, version and contact, and the pinned compatibility date", async () => {
    const { esi, stub } = await setup(() => ({ headers: cacheHeaders('"a"', new Date()), body: [asset(1)] }));
    await esi.get("/characters/{character_id}/assets", { path: { character_id: 7 } });
    expect(stub.requests[0]?.headers["user-agent"]).toBe("memberaudit-ts/0.1.0 (ops@example.org)");
    expect(stub.requests[0]?.headers["x-compatibility-date"]).toBe(ESI_COMPATIBILITY_DATE);
    expect(stub.requests[0]?.headers.authorization).toBe("Bearer token-1");
  });

  it("refuses to ask again before Expires unless forced, and answers 304 as unchanged", async () => {
    const { esi, stub } = await setup((req) =>
      req.headers["if-none-match"] === '"v1"'
        ? { status: 304, headers: cacheHeaders('"v1"', new Date(0)) }
        : { headers: cacheHeaders('"v1"', new Date(0)), body: [asset(1)] },
    );
    const first = await esi.get("/characters/{character_id}/assets", { path: { character_id: 7 } });
    expect(first.status).toBe("ok");
    expect(first.cache.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 200_000);
    const early = await esi.get("/characters/{character_id}/assets", { path: { character_id: 7 }, cache: first.cache });
    expect(early).toMatchObject({ status: "unchanged", reason: "not-expired" });
    expect(stub.requests).toHaveLength(1);
    // A caller that stored the expiry itself is refused too (another process learned it).
    const fromStore = await esi.get("/characters/{character_id}/assets", {
      path: { character_id: 8 },
      cache: { etag: '"v1"', expiresAt: new Date(Date.now() + 60_000) },
    });
    expect(fromStore).toMatchObject({ status: "unchanged", reason: "not-expired" });
    expect(stub.requests).toHaveLength(1);
    const forced = await esi.get("/characters/{character_id}/assets", {
      path: { character_id: 7 },
      cache: first.cache,
      force: true,
    });
    expect(forced).toMatchObject({ status: "unchanged", reason: "not-modified" });
    expect(stub.requests).toHaveLength(2);
    expect(esi.snapshot()).toMatchObject({ notExpired: 2, notModified: 1, requests: 2 });
  });

  it("keeps public bodies in memory until they expire", async () => {
    const body = {
      achievement_score: 1,
      birthday: "2015-01-01T00:00:00Z",
      bloodline_id: 1,
      corporation_id: 98000001,
      gender: "male",
      name: "A",
      race_id: 1,
    };
    const { esi, stub } = await setup(() => ({ headers: cacheHeaders('"c"', new Date()), body }));
    expect((await esi.getData("/characters/{character_id}", { path: { character_id: 5 } })).name).toBe("A");
    expect((await esi.getData("/characters/{character_id}", { path: { character_id: 5 } })).name).toBe("A");
    expect(stub.requests).toHaveLength(1);
  });
});

describe("limits inside one process", () => {
  it("a 420 pauses every later request until the reset: fail-fast callers get retryAt, nothing is sent", async () => {
    const { esi, stub } = await setup(
      () => ({
        status: 420,
        headers: { "X-ESI-Error-Limit-Remain": "0", "X-ESI-Error-Limit-Reset": "30" },
        body: { error: "This software has exceeded the error limit for ESI." },
      }),
      {
        onLimit: "fail",
      },
    );
    const error = await esi
      .getData("/characters/{character_id}", { path: { character_id: 5 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EsiRateLimitedError);
    expect((error as EsiRateLimitedError).retryAt.getTime()).toBeGreaterThan(Date.now() + 25_000);
    await expect(esi.get("/characters/{character_id}/assets", { path: { character_id: 7 } })).rejects.toBeInstanceOf(
      EsiRateLimitedError,
    );
    expect(stub.requests).toHaveLength(1);
    expect(esi.snapshot().errorLimited420).toBe(1);
  });

  it("stops at the error-limit threshold (10 errors left) before ESI would answer 420", async () => {
    const { esi, stub } = await setup(
      () => ({
        status: 400,
        headers: { "X-ESI-Error-Limit-Remain": "10", "X-ESI-Error-Limit-Reset": "40" },
        body: { error: "bad" },
      }),
      {
        onLimit: "fail",
      },
    );
    await expect(esi.getData("/characters/{character_id}", { path: { character_id: 5 } })).rejects.toBeInstanceOf(
      EsiError,
    );
    const error = await esi
      .getData("/characters/{character_id}", { path: { character_id: 6 } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ limit: "error-limit" });
    expect((error as EsiRateLimitedError).retryAt.getTime()).toBeGreaterThan(Date.now() + 35_000);
    expect(stub.requests).toHaveLength(1);
  });
});
