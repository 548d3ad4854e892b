// npm run bench:reports [-- --short]: the three reports over 10,000 characters (2,000
// users in 20 corporations, 5 characters each, the finder benchmark's roster) and 20
// skill sets in 4 groups checked for every registered character, queried by 10
// concurrent clients through the tRPC handler the app serves, as an alliance leader
// and a global auditor. Prints server-time percentiles per report (target p95 <= 300 ms).
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
import { seedReports, SKILL_SETS } from "./reports-seed";
import { runPagingClients } from "./paging-clients";

const short = process.argv.includes("--short");
const USERS = short ? 400 : 2000;
const PER_USER = 5;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const REQUESTS_PER_CLIENT = short ? 12 : 45;

const t = await createTestDatabase();
try {
  const { db } = t;
  const { roster, groups, sets, checks } = await seedReports(db, USERS, PER_USER);
  await db.$executeRaw`ANALYZE`;

  const pooled = createDb(t.url, 10);
  const deps = testAppDeps({
    db: pooled,
    cipher: createTokenCipher({ current: Buffer.alloc(32, 1).toString("base64") }),
    esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }),
  });
  const users = await db.user.findMany({ where: { id: { in: ["u0", "u1"] } }, include: { mainCharacter: true } });
  const QUERIES: Record<string, object[]> = {
    "reports.userCompliance": [
      { limit: 50 },
      { limit: 50, sort: "compliance", order: "desc" },
      { limit: 50, compliant: false, corporationId: 98000002 },
      { limit: 100, sort: "characters", search: "pilot 1" },
    ],
    "reports.corporationCompliance": [{ limit: 50 }, { limit: 50, sort: "compliance", order: "desc" }],
    "reports.skillSets": [
      { limit: 50 },
      { limit: 50, groupId: groups[1]!.id, sort: "character" },
      { limit: 50, mainOnly: true, requiredMet: true },
      { limit: 50, skillSetId: sets[3]!.id, sort: "passed", order: "desc" },
    ],
  };
  const calls = Object.entries(QUERIES).flatMap(([path, inputs]) => inputs.map((input) => ({ path, input })));

  async function one(user: CurrentUser, path: string, input: object, cursor?: string) {
    const encoded = encodeURIComponent(JSON.stringify(superjson.serialize({ ...input, cursor })));
    const started = performance.now();
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://bench/api/trpc/${path}?input=${encoded}`),
      router: appRouter,
      createContext: async () => ({ deps, user }),
    });
    const body = (await response.json()) as { result?: { data: { json: { nextCursor: string | null } } } };
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
    return { ms, next: body.result?.data.json.nextCursor ?? undefined };
  }

  for (const c of calls) for (const u of users) await one(u as CurrentUser, c.path, c.input); // warm-up
  // One request at a time first: what a request costs without the other clients' queueing.
  const sequential = new Map<string, number[]>(Object.keys(QUERIES).map((p) => [p, []]));
  for (let round = 0; round < (short ? 2 : 3); round++)
    for (const c of calls)
      for (const u of users) sequential.get(c.path)!.push((await one(u as CurrentUser, c.path, c.input)).ms);
  const times = new Map<string, number[]>(Object.keys(QUERIES).map((p) => [p, []]));
  const started = performance.now();
  await runPagingClients({
    clients: CLIENTS,
    requestsPerClient: REQUESTS_PER_CLIENT,
    calls,
    users: users as CurrentUser[],
    one,
    record: (call, ms) => times.get(call.path)!.push(ms),
  });
  const wall = (performance.now() - started) / 1000;
  const all = [...times.values()].flat();
  console.log(
    `reports benchmark: ${roster.characters.length} characters, ${USERS} users, ${SKILL_SETS} skill sets (${checks.length} checks), ${CLIENTS} concurrent clients, ${all.length} requests in ${wall.toFixed(1)} s`,
  );
  const sorted = (list: number[]) => {
    list.sort((a, b) => a - b);
    return (p: number) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!.toFixed(1);
  };
  for (const [path, list] of sequential) {
    const pct = sorted(list);
    console.log(
      `${`${path} (one at a time)`.padEnd(42)} server time ms: p50 ${pct(50)}  max ${list.at(-1)!.toFixed(1)}  (${list.length} requests)`,
    );
  }
  for (const [path, list] of [...times, ["all reports", all] as const]) {
    const pct = sorted(list);
    console.log(
      `${path.padEnd(28)} server time ms: p50 ${pct(50)}  p95 ${pct(95)}  max ${list.at(-1)!.toFixed(1)}  (${list.length} requests; target p95 <= 300)`,
    );
  }
  await pooled.$disconnect();
} finally {
  await t.drop();
}
