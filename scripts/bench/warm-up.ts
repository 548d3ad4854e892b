// How long the demo's start-up preload takes on a fresh embedded database: market prices
// plus every type the simulator's characters use, through the one ESI client against the
// in-process simulator, at a few look-up concurrencies. Prints figures; asserts nothing.
//   npm run bench:warm-up [-- 8 32]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "~/server/db/client";
import { startEmbeddedPostgres } from "~/server/db/embedded";
import { applyMigrations } from "~/server/db/migrate";
import { createEsiClient } from "~/server/esi/client";
import { warmUpUniverse } from "~/server/universe/warm-up";
import { rosterTypeIds } from "~/simulator/data";
import { createSimulator } from "~/simulator/server";

const concurrencies = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const started = Date.now();
const typeIds = rosterTypeIds();
console.log(`roster types: ${typeIds.length} (listed in ${Date.now() - started} ms)`);

for (const concurrency of concurrencies.length > 0 ? concurrencies : [8, 32]) {
  const dir = mkdtempSync(path.join(tmpdir(), "ma-warm-up-"));
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: 0 });
  const sim = createSimulator({ clients: [] });
  const simUrl = await sim.listen(0, "127.0.0.1");
  try {
    await applyMigrations(pg.url, { log: () => undefined });
    const db = createDb(pg.url, 1);
    const esi = createEsiClient({ baseUrl: simUrl, connections: concurrency });
    const t0 = Date.now();
    const r = await warmUpUniverse({ db, esi }, { typeIds, concurrency });
    const seconds = (Date.now() - t0) / 1000;
    const again = Date.now();
    await warmUpUniverse({ db, esi }, { typeIds, concurrency });
    console.log(
      `concurrency ${concurrency}: ${r.prices} prices, ${r.types} types (${r.typesFailed} failed) in ${seconds.toFixed(1)} s` +
        ` (${Math.round(r.types / seconds)} types/s); a restart's check ${Date.now() - again} ms`,
    );
    await esi.close();
    await db.$disconnect();
  } finally {
    await sim.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
