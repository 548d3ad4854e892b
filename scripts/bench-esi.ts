// npm run bench:esi [-- --short]
// Throughput and cost of the ESI client against the simulator on loopback:
//   1. client, full fetches: every character's paged assets and wallet journal (200s, validated);
//   2. client, conditional: the same with the stored ETags (304s, nothing to validate);
//   3. raw undici: the same page URLs without the client (no limiter, no validation),
//      i.e. what the simulator itself can serve.
// The simulator runs in a child process so process.cpuUsage() here is the client's
// alone; the limiter state lives in a throwaway PostgreSQL database
// (TEST_DATABASE_ADMIN_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
// Prints figures; no thresholds.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { Agent, request } from "undici";
import { createTokenCipher } from "../src/server/crypto/token-cipher";
import { createDb, type Db } from "../src/server/db/client";
import { applyMigrations } from "../src/server/db/migrate";
import { createEsiClient, type EsiClient } from "../src/server/esi/client";
import { EsiMetrics } from "../src/server/esi/metrics";
import { createTokenProvider } from "../src/server/esi/tokens";
import { simCharacters } from "../src/simulator/roster";
import { createSimulator } from "../src/simulator/server";

const CLIENT = { clientId: "bench", clientSecret: "bench-secret", redirectUris: ["http://localhost/cb"] };
const SCOPES = ["esi-assets.read_assets.v1", "esi-wallet.read_character_wallet.v1"];
const short = process.argv.includes("--short");

// ---- child mode: just the simulator ------------------------------------------------------
if (process.argv.includes("--serve-simulator")) {
  // Limits scaled far up: the benchmark measures speed, not politeness.
  const sim = createSimulator({ clients: [CLIENT], rateLimitScale: 1000, errorLimit: 1_000_000 });
  const url = await sim.listen(0, "127.0.0.1");
  console.log(url);
  process.on("SIGTERM", () => void sim.close().then(() => process.exit(0)));
  await new Promise(() => undefined);
}

// ---- helpers -----------------------------------------------------------------------------
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

async function startSimulatorProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.resolve(import.meta.dirname, "bench-esi.ts"), "--serve-simulator"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return { url: line.trim(), stop: () => child.kill("SIGTERM") };
}

async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `ma_bench_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

async function login(url: string, characterId: number): Promise<{ accessToken: string; refreshToken: string }> {
  const picked = await fetch(`${url}/v2/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({
      response_type: "code",
      client_id: CLIENT.clientId,
      redirect_uri: CLIENT.redirectUris[0]!,
      scope: SCOPES.join(" "),
      state: "b",
      character_id: String(characterId),
    }),
  });
  const code = new URL(picked.headers.get("location") ?? "http://x/").searchParams.get("code") ?? "";
  const response = await fetch(`${url}/v2/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code }),
  });
  const body = (await response.json()) as { access_token: string; refresh_token: string };
  return { accessToken: body.access_token, refreshToken: body.refresh_token };
}

interface Figures {
  label: string;
  requests: number;
  wallMs: number;
  cpuMs: number;
  latencies: number[];
}

function print(f: Figures): void {
  const sorted = [...f.latencies].sort((a, b) => a - b);
  const rps = f.requests / (f.wallMs / 1000);
  console.log(
    `${f.label.padEnd(34)} ${String(f.requests).padStart(6)} req  ${rps.toFixed(0).padStart(6)} req/s  ` +
      `p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(2).padStart(7)} ms  ` +
      `cpu ${((f.cpuMs * 1000) / Math.max(1, f.requests)).toFixed(0).padStart(5)} µs/req`,
  );
}

async function measure(label: string, work: () => Promise<number>, latencies: () => number[]): Promise<Figures> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const requests = await work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { label, requests, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, latencies: latencies() };
}

// ---- main --------------------------------------------------------------------------------
const rounds = short ? 1 : 5;
const characters = short ? simCharacters.slice(0, 4) : simCharacters;
const sim = await startSimulatorProcess();
const database = await createDatabase();
const db: Db = createDb(database.url, 16);
const cipher = createTokenCipher({ current: randomBytes(32).toString("base64") });
const metrics = new EsiMetrics();
const sso = { baseUrl: sim.url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret };
const esi: EsiClient = createEsiClient({
  baseUrl: sim.url,
  contact: "bench@example.org",
  db,
  tokens: createTokenProvider({ db, cipher, sso, metrics }),
  metrics,
  connections: 16,
});

try {
  console.log(
    `ESI client benchmark: ${characters.length} characters × ${rounds} round(s), simulator ${sim.url}${short ? " (short)" : ""}`,
  );
  console.log(
    `machine: ${os.cpus().length} CPUs, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} (the simulator and PostgreSQL share them)`,
  );
  const tokens = new Map<number, string>();
  for (const c of characters) {
    const t = await login(sim.url, c.characterId);
    tokens.set(c.characterId, t.accessToken);
    await db.eveCharacter.create({ data: { id: c.characterId, name: c.name } });
    await db.character.create({ data: { id: c.characterId } });
    await db.esiToken.create({
      data: {
        characterId: c.characterId,
        ownerHash: "bench",
        refreshTokenEnc: cipher.encrypt(t.refreshToken),
        accessTokenEnc: cipher.encrypt(t.accessToken),
        accessTokenExpiresAt: new Date(Date.now() + 19 * 60_000),
        scopes: SCOPES,
      },
    });
  }

  const stored = new Map<string, string | null>();
  const pageUrls: string[] = [];
  let collectUrls = true;
  const fetchAll = async (conditional: boolean) => {
    const before = metrics.snapshot().requests;
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        characters.map(async (c) => {
          const path = { character_id: c.characterId };
          const assets = await esi.getPages("/characters/{character_id}/assets", {
            path,
            force: true,
            cache: conditional ? { etag: stored.get(`a${c.characterId}`) } : undefined,
          });
          const journal = await esi.getPages("/characters/{character_id}/wallet/journal", {
            path,
            force: true,
            cache: conditional ? { etag: stored.get(`j${c.characterId}`) } : undefined,
          });
          if (!conditional) {
            stored.set(`a${c.characterId}`, assets.cache.etag);
            stored.set(`j${c.characterId}`, journal.cache.etag);
            if (collectUrls && round === 0 && assets.status === "ok" && journal.status === "ok") {
              for (let p = 1; p <= assets.pages; p++) pageUrls.push(`/characters/${c.characterId}/assets?page=${p}`);
              for (let p = 1; p <= journal.pages; p++)
                pageUrls.push(`/characters/${c.characterId}/wallet/journal?page=${p}`);
            }
          }
        }),
      );
    }
    return metrics.snapshot().requests - before;
  };

  // Warm-up: validators compiled, connections open, token rows cached.
  await fetchAll(false);
  collectUrls = false;
  metrics.reset();
  const full = await measure(
    "client, full (200, validated)",
    () => fetchAll(false),
    () => metrics.recentDurations(),
  );
  const fullSnapshot = metrics.snapshot();
  metrics.reset();
  const conditional = await measure(
    "client, conditional (304)",
    () => fetchAll(true),
    () => metrics.recentDurations(),
  );

  // Raw undici against the same pages: the simulator's own throughput.
  const agent = new Agent({ connections: 16 });
  const rawLatencies: number[] = [];
  const raw = await measure(
    "raw undici (no client)",
    async () => {
      let sent = 0;
      for (let round = 0; round < rounds; round++) {
        let next = 0;
        await Promise.all(
          Array.from({ length: 16 }, async () => {
            while (next < pageUrls.length) {
              const target = pageUrls[next++]!;
              const characterId = Number(/\/characters\/(\d+)\//.exec(target)?.[1]);
              const t0 = performance.now();
              const response = await request(`${sim.url}${target}`, {
                dispatcher: agent,
                headers: { authorization: `Bearer ${tokens.get(characterId)}`, "x-compatibility-date": "2026-07-17" },
              });
              await response.body.arrayBuffer();
              rawLatencies.push(performance.now() - t0);
              sent += 1;
            }
          }),
        );
      }
      return sent;
    },
    () => rawLatencies,
  );
  await agent.close();

  console.log("");
  print(full);
  print(conditional);
  print(raw);
  console.log(
    `\nclient, full run: limiter (PostgreSQL) ${(fullSnapshot.limiterMs / Math.max(1, fullSnapshot.requests)).toFixed(2)} ms/request, ` +
      `${(fullSnapshot.bytes / 1e6).toFixed(1)} MB received`,
  );
  const snap = esi.snapshot();
  console.log(
    `client, conditional run: 304s ${snap.notModified}, retries ${snap.retries}, 420s ${snap.errorLimited420}, 429s ${snap.rateLimited429}, ` +
      `limiter waits ${snap.limiterWaits}, limiter (PostgreSQL) ${(snap.limiterMs / Math.max(1, snap.requests)).toFixed(2)} ms/request`,
  );
  for (const route of snap.routes) {
    console.log(
      `  ${route.route.padEnd(44)} n=${route.count} avg ${route.avgMs.toFixed(2)} ms p50 ${route.p50Ms.toFixed(2)} p99 ${route.p99Ms.toFixed(2)} bytes ${route.bytes}`,
    );
  }
} finally {
  await esi.close();
  await db.$disconnect();
  await database.drop();
  sim.stop();
}
