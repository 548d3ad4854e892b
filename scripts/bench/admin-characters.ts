// npm run bench:admin-characters [-- --short]: the administrators' character list over
// 3,000 registered characters (--short: 500) with a status row for every enabled section,
// a mix of states, queried one request at a time through the tRPC handler the app serves.
// Prints server-time percentiles per query form.
import { performance } from "node:perf_hooks";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createDb } from "~/server/db/client";
import { createEsiClient } from "~/server/esi/client";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";
import { testAppDeps } from "../../tests/support/app-deps";
import { createTestDatabase } from "../../tests/support/database";

const short = process.argv.includes("--short");
const CHARACTERS = short ? 500 : 3000;
const REPEATS = short ? 10 : 30;
const sections = enabledSections(DEFAULT_ENGINE_SETTINGS);

const t = await createTestDatabase();
try {
  const { db } = t;
  const ids = Array.from({ length: CHARACTERS }, (_, i) => 90000000 + i);
  await db.eveCharacter.createMany({
    data: ids.map((id, i) => ({
      id,
      name: `Pilot ${i.toString(36)} ${(i * 7919) % 10007}`,
      corporationId: 98000001 + (i % 20),
      corporationName: `Corp ${i % 20}`,
      allianceId: 99000001 + (i % 3),
      allianceName: `Alliance ${i % 3}`,
    })),
  });
  await db.user.createMany({
    data: ids.filter((_, i) => i % 5 === 0).map((id) => ({ id: `u${id}`, mainCharacterId: id })),
  });
  await db.characterOwnership.createMany({
    data: ids
      .filter((_, i) => i % 50 !== 49)
      .map((id, i) => ({ characterId: id, userId: `u${ids[i - (i % 5)]}`, ownerHash: `h${id}` })),
  });
  await db.character.createMany({ data: ids.map((id, i) => ({ id, isEnabled: i % 40 !== 0 })) });
  await db.esiToken.createMany({
    data: ids.map((id, i) => ({
      characterId: id,
      ownerHash: `h${id}`,
      refreshTokenEnc: "x",
      scopes: i % 30 === 0 ? CHARACTER_SCOPES.slice(1) : [...CHARACTER_SCOPES],
      status: i % 60 === 0 ? ("INVALID" as const) : ("VALID" as const),
    })),
  });
  const finished = new Date(Date.now() - 3600_000);
  const started = new Date(finished.getTime() - 2000);
  for (let from = 0; from < ids.length; from += 200) {
    await db.sectionUpdateStatus.createMany({
      data: ids.slice(from, from + 200).flatMap((id, k) =>
        sections
          .filter((_, s) => (from + k) % 25 !== 0 || s % 2 === 0)
          .map((s, si) => ({
            characterId: id,
            section: s.name,
            isSuccess: !((from + k) % 10 === 0 && si === 3),
            errorMessage: (from + k) % 10 === 0 && si === 3 ? "ESI answered 502" : null,
            startedAt: (from + k) % 33 === 0 && si === 0 ? new Date() : started,
            finishedAt: finished,
          })),
      ),
    });
  }
  await db.$executeRaw`ANALYZE`;

  const deps = testAppDeps({ db: createDb(t.url, 10), esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  await db.user.create({ data: { id: "admin", isSuperuser: true } });
  const admin = { id: "admin" } as CurrentUser;
  const queries: Record<string, object> = {
    "first page by name": { limit: 50 },
    "errors only": { limit: 50, status: "error" },
    "by status": { limit: 50, sort: "status" },
    "by last success, desc": { limit: 50, sort: "lastSuccess", order: "desc" },
    "corporation + search": { limit: 50, corporationId: 98000003, search: "pilot 1" },
    "orphans, disabled": { limit: 50, orphan: true, enabled: false },
  };

  async function one(input: object): Promise<number> {
    const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
    const begun = performance.now();
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`http://bench/api/trpc/adminCharacters.list?input=${encoded}`),
      router: appRouter,
      createContext: async () => ({ deps, user: admin }),
    });
    await response.json();
    if (response.status !== 200) throw new Error(`list answered ${response.status}`);
    return performance.now() - begun;
  }

  const pct = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  console.log(
    `admin character list: ${CHARACTERS} characters x ${sections.length} sections, ${REPEATS} requests per form`,
  );
  for (const [name, input] of Object.entries(queries)) {
    await one(input); // warm-up: plan and pool
    const times: number[] = [];
    for (let r = 0; r < REPEATS; r++) times.push(await one(input));
    times.sort((a, b) => a - b);
    console.log(`  ${name.padEnd(24)} p50 ${pct(times, 50).toFixed(1)} ms  p95 ${pct(times, 95).toFixed(1)} ms`);
  }
  await deps.db.$disconnect();
} finally {
  await t.drop();
}
