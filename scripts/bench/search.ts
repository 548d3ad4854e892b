// npm run bench:search [-- --short]: search across characters over 2,000,000 asset rows
// (short: 200,000) and twenty mails per character, on the reports benchmark's roster of
// 10,000 characters (9,333 registered), queried by 10 concurrent clients through the tRPC
// handler the app serves, as an alliance leader (a third of the rows in scope) and a
// global auditor (all of them). Prints server-time percentiles per kind (target p95 <= 300 ms).
// `-- --keep` leaves the seeded database in place and prints its name; `-- --reuse NAME`
// runs on that database again (pending migrations applied, no seeding), so a change can be
// measured before and after on the same rows, and EXPLAIN run on them (docs/search.md).
import { performance } from "node:perf_hooks";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "~/server/api/root";
import { closeAuditBuffer } from "~/server/audit/record";
import type { CurrentUser } from "~/server/auth/session";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import { createDb } from "~/server/db/client";
import { createEsiClient } from "~/server/esi/client";
import { applyMigrations } from "~/server/db/migrate";
import { createTestDatabase, databaseUrl, type TestDatabase } from "../../tests/support/database";
import { testAppDeps } from "../../tests/support/app-deps";
import { seedReports } from "./reports-seed";
import { itemTypeId, RORQUAL, seedSearch } from "./search-seed";
import { runPagingClients } from "./paging-clients";

const short = process.argv.includes("--short");
const USERS = short ? 400 : 2000;
const PER_USER = 5;
const ASSET_ROWS = short ? 200_000 : 2_000_000;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const REQUESTS_PER_CLIENT = short ? 16 : 60;

const keep = process.argv.includes("--keep");
const reuseAt = process.argv.indexOf("--reuse");
const reuse = reuseAt >= 0 ? process.argv[reuseAt + 1] : undefined;
if (reuseAt >= 0 && !/^ma_test_[0-9a-f]{12}$/.test(reuse ?? ""))
  throw new Error("--reuse takes the database name a --keep run printed (ma_test_...)");

async function reusedDatabase(name: string): Promise<TestDatabase> {
  const url = databaseUrl(name);
  await applyMigrations(url, { log: (line) => console.log(line) });
  return { url, db: createDb(url, 4), drop: async () => undefined };
}

const t = reuse ? await reusedDatabase(reuse) : await createTestDatabase();
try {
  const { db } = t;
  const seedStarted = performance.now();
  let characters: number;
  let registered: number[];
  let setIds: number[];
  let assets: number;
  let mails: number;
  if (reuse) {
    characters = await db.eveCharacter.count();
    registered = (await db.character.findMany({ select: { id: true } })).map((c) => c.id);
    setIds = (await db.skillSet.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
    [assets, mails] = await Promise.all([db.characterAsset.count(), db.characterMail.count()]);
  } else {
    const { roster, sets } = await seedReports(db, USERS, PER_USER);
    characters = roster.characters.length;
    setIds = sets.map((s) => s.id);
    registered = (await db.character.findMany({ select: { id: true } })).map((c) => c.id);
    ({ assets, mails } = await seedSearch(db, registered, ASSET_ROWS));
    await db.group.create({
      data: { id: "searchers", name: "Searchers", permissions: ["finder_access", "view_skill_sets"] },
    });
    await db.groupMembership.createMany({
      data: [
        { groupId: "searchers", userId: "u0" },
        { groupId: "searchers", userId: "u1" },
      ],
    });
  }
  // Settled as a live database is by autovacuum: statistics, and the visibility map that
  // lets the item search read a type's stacks from its index alone.
  await db.$executeRaw`VACUUM ANALYZE`;
  const seeded = (performance.now() - seedStarted) / 1000;

  const pooled = createDb(t.url, 10);
  const deps = testAppDeps({
    db: pooled,
    cipher: createTokenCipher({ current: Buffer.alloc(32, 1).toString("base64") }),
    esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }),
  });
  const users = await db.user.findMany({ where: { id: { in: ["u0", "u1"] } }, include: { mainCharacter: true } });
  const QUERIES: Record<string, { path: string; input: object }[]> = {
    "type look-up": [
      { path: "search.types", input: { query: "rorq" } },
      { path: "search.types", input: { query: "item 3f" } },
    ],
    items: [
      { path: "search.items", input: { typeIds: [RORQUAL] } },
      { path: "search.items", input: { typeIds: [itemTypeId(42)] } },
      { path: "search.items", input: { typeIds: Array.from({ length: 10 }, (_, i) => itemTypeId(1000 + i * 7)) } },
    ],
    skills: [
      { path: "search.skill", input: { skillId: 3303, minLevel: 4 } },
      { path: "search.skillSet", input: { skillSetId: setIds[2]! } },
    ],
    mails: [
      { path: "search.mails", input: { subject: "fleet op" } },
      { path: "search.mails", input: { subject: "under attack" } },
      { path: "search.mails", input: { sender: "sender 1f" } },
    ],
  };
  const calls = Object.entries(QUERIES).flatMap(([kind, list]) => list.map((c) => ({ kind, ...c })));

  async function one(user: CurrentUser, path: string, input: object, cursor?: string) {
    const encoded = encodeURIComponent(JSON.stringify(superjson.serialize({ limit: 50, ...input, cursor })));
    const started = performance.now();
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://bench/api/trpc/${path}?input=${encoded}`),
      router: appRouter,
      createContext: async () => ({ deps, user }),
    });
    const body = (await response.json()) as { result?: { data: { json: { nextCursor?: string | null } } } };
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body)}`);
    return { ms, next: body.result?.data.json.nextCursor ?? undefined };
  }

  for (const c of calls) for (const u of users) await one(u as CurrentUser, c.path, c.input); // warm-up
  const times = new Map<string, number[]>(Object.keys(QUERIES).map((k) => [k, []]));
  const started = performance.now();
  await runPagingClients({
    clients: CLIENTS,
    requestsPerClient: REQUESTS_PER_CLIENT,
    calls,
    users: users as CurrentUser[],
    one,
    record: (call, ms) => times.get(call.kind)!.push(ms),
  });
  const wall = (performance.now() - started) / 1000;
  const all = [...times.values()].flat();
  console.log(
    `search benchmark${reuse ? ` (reused ${reuse})` : ""}: ${characters} characters (${registered.length} registered), ${assets} asset rows, ${mails} mails (seeded in ${seeded.toFixed(1)} s), ${CLIENTS} concurrent clients, ${all.length} requests in ${wall.toFixed(1)} s`,
  );
  for (const [kind, list] of [...times, ["all searches", all] as const]) {
    list.sort((a, b) => a - b);
    const pct = (p: number) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!.toFixed(1);
    console.log(
      `${kind.padEnd(14)} server time ms: p50 ${pct(50)}  p95 ${pct(95)}  max ${list.at(-1)!.toFixed(1)}  (${list.length} requests; target p95 <= 300)`,
    );
  }
  await pooled.$disconnect();
} finally {
  if (keep || reuse) {
    await closeAuditBuffer(t.db);
    await t.db.$disconnect();
    if (keep) console.log(`kept the database: npm run bench:search -- --reuse ${t.url.split("/").pop()}`);
  } else await t.drop();
}
