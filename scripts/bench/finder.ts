// npm run bench:finder [-- --short]: the character finder with 10,000 characters
// (2,000 users in 20 corporations, 5 characters each), queried by 20 concurrent
// clients through the tRPC handler the app serves. Prints server-time percentiles.
import { performance } from "node:perf_hooks";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createDb } from "~/server/db/client";
import { createEsiClient } from "~/server/esi/client";
import { createTestDatabase } from "../../tests/support/database";
import { testAppDeps } from "../../tests/support/app-deps";
import { seedRoster } from "./roster";

const short = process.argv.includes("--short");
const USERS = short ? 400 : 2000;
const PER_USER = 5;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const REQUESTS_PER_CLIENT = short ? 10 : 40;

const t = await createTestDatabase();
try {
  const { db } = t;
  await db.group.createMany({
    data: [
      { id: "members", name: "Members", permissions: ["basic_access", "share_characters"] },
      { id: "leaders", name: "Leaders", permissions: ["finder_access", "characters_access", "view_same_alliance"] },
      { id: "auditors", name: "Auditors", permissions: ["finder_access", "characters_access", "view_everything"] },
    ],
  });
  const { characters } = await seedRoster(db, USERS, PER_USER);
  await db.groupMembership.createMany({
    data: [
      { groupId: "leaders", userId: "u0" },
      { groupId: "auditors", userId: "u1" },
    ],
  });
  // A live database has planner statistics; a freshly loaded one gets them here rather than whenever autovacuum wakes.
  await db.$executeRaw`ANALYZE`;

  // The app's default pool size, not the test helper's small one.
  const pooled = createDb(t.url, 10);
  const deps = testAppDeps({
    db: pooled,
    cipher: createTokenCipher({ current: Buffer.alloc(32, 1).toString("base64") }),
    esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }),
  });
  const users = await db.user.findMany({ where: { id: { in: ["u0", "u1"] } }, include: { mainCharacter: true } });
  const queries = [
    { limit: 50 },
    { limit: 50, sort: "corporation" },
    { limit: 50, sort: "main", order: "desc" },
    { limit: 50, search: "pilot 1" },
    { limit: 100, status: "registered", sort: "alliance" },
  ];

  async function one(user: CurrentUser, input: object, cursor?: string): Promise<{ ms: number; next?: string }> {
    const encoded = encodeURIComponent(JSON.stringify(superjson.serialize({ ...input, cursor })));
    const started = performance.now();
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://bench/api/trpc/finder.search?input=${encoded}`),
      router: appRouter,
      createContext: async () => ({ deps, user }),
    });
    const body = (await response.json()) as { result?: { data: { json: { nextCursor: string | null } } } };
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`finder answered ${response.status}`);
    return { ms, next: body.result?.data.json.nextCursor ?? undefined };
  }

  // Warm-up: plans and pools.
  for (const q of queries) await one(users[1] as CurrentUser, q);
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      let cursor: string | undefined;
      for (let r = 0; r < REQUESTS_PER_CLIENT; r++) {
        // Every third request pages on from the previous one ("load more"), so it repeats that query.
        const paging = r % 3 === 2 && cursor !== undefined;
        const q = queries[(c + r - (paging ? 1 : 0)) % queries.length]!;
        const result = await one(users[c % 2] as CurrentUser, q, paging ? cursor : undefined);
        cursor = result.next;
        times.push(result.ms);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
  console.log(
    `finder benchmark: ${characters.length} characters, ${USERS} users, ${CLIENTS} concurrent clients, ${times.length} requests in ${wall.toFixed(1)} s`,
  );
  console.log(
    `server time ms: p50 ${pct(50)}  p95 ${pct(95)}  p99 ${pct(99)}  max ${times.at(-1)!.toFixed(1)}  (target p95 <= 150)`,
  );
  console.log(
    `app process CPU per request: ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(1)} ms (the rest of the machine's 2 cores is PostgreSQL)`,
  );
  await pooled.$disconnect();
} finally {
  await t.drop();
}
