// docs/architecture.md, principle 4, over the whole registry: once a character is loaded, a run in
// which ESI has nothing new (caches expired, same ETags or same content) writes no
// section row, for every section. Rows written are counted at the Prisma level on
// every model (a DELETE matching nothing, like the retention purge on a young
// mailbox, writes no row), so a section that rewrites identical rows fails here even
// if it reports "written: 0". Only the engine's own bookkeeping (status, per-route cache) and the
// ESI token and limiter state may be written.
import type { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { updateSection } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { makeClient, registerWithToken, startSim } from "../support/simulator";
import { createTestDatabase, type TestDatabase } from "../support/database";

// A synthetic character: realistic volumes in every section.
const CHARACTER = 2113000001;
const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);
/** Engine bookkeeping and credentials, not section data. */
const BOOKKEEPING = new Set<string>(["SectionUpdateStatus", "SectionRouteCache", "EsiToken"]);
const sections = enabledSections(DEFAULT_ENGINE_SETTINGS);
const settings = DEFAULT_ENGINE_SETTINGS.section;

let t: TestDatabase;
let sim: Simulator;
let esi: EsiClient;
let counted: Db;
const writes: { model: string; operation: string; rows: number }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  let url: string;
  ({ sim, url } = await startSim());
  await registerWithToken(t.db, url, CHARACTER, { scopes: [...new Set(sections.flatMap((s) => s.scopes))] });
  esi = makeClient(t.db, url);
  counted = t.db.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const result = await query(args);
          if (WRITES.has(operation)) {
            const rows =
              result && typeof result === "object" && "count" in result
                ? Number(result.count)
                : Array.isArray(result)
                  ? result.length
                  : 1;
            if (rows > 0) writes.push({ model, operation, rows });
          }
          return result;
        },
      },
    },
  }) as unknown as Db;
  const deps = updateDepsFrom({ db: counted, esi });
  for (const section of sections) {
    const first = await updateSection(deps, CHARACTER, section, { settings });
    if (first.status === "failed") throw new Error(`${section.name} failed to load: ${first.error}`);
  }
  // Time passes: every cache expires on both sides, the data stays the same.
  sim.expireCaches();
  esi.clearMemory();
  await t.db.sectionUpdateStatus.updateMany({ data: { cacheExpiresAt: null } });
  await t.db.sectionRouteCache.updateMany({ data: { expiresAt: null } });
}, 120_000);
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("a run with nothing changed in ESI", () => {
  it.each(sections.map((s) => [s.name, s] as const))("writes no %s row", async (_, section) => {
    writes.length = 0;
    const outcome = await updateSection(updateDepsFrom({ db: counted, esi }), CHARACTER, section, { settings });
    expect(outcome.status).toBe("unchanged");
    expect(writes.filter((w) => !BOOKKEEPING.has(w.model))).toEqual([]);
  });
});

// Keeps the type import honest if Prisma renames models: the bookkeeping set names real models.
const _models: Prisma.ModelName[] = ["SectionUpdateStatus", "SectionRouteCache", "EsiToken"];
void _models;
