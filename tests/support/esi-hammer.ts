// A second process for the shared-limiter test: hammers one rate-limited route for
// one character through its own ESI client and database pool, then prints what it
// got as one JSON line. Usage (tsx): esi-hammer.ts <databaseUrl> <esiUrl> <characterId> <requests> <probeIntervalMs>
import { createDb } from "~/server/db/client";
import { EsiRateLimitedError } from "~/server/esi/client";
import { makeClient } from "./simulator";

const [databaseUrl, esiUrl, characterArg, requestsArg, probeArg] = process.argv.slice(2);
if (!databaseUrl || !esiUrl || !characterArg || !requestsArg) {
  console.error("usage: esi-hammer.ts <databaseUrl> <esiUrl> <characterId> <requests> [probeIntervalMs]");
  process.exit(2);
}
const db = createDb(databaseUrl, 4);
const esi = makeClient(db, esiUrl, { onLimit: "fail", limiter: { probeIntervalMs: Number(probeArg ?? 600_000) } });
const characterId = Number(characterArg);
let ok = 0;
let limited = 0;
const other: string[] = [];
// Start together with the parent: say "ready", wait for its "go" on stdin.
console.log("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
await Promise.all(
  Array.from({ length: Number(requestsArg) }, async () => {
    try {
      await esi.get("/characters/{character_id}/wallet", { path: { character_id: characterId } });
      ok += 1;
    } catch (error) {
      if (error instanceof EsiRateLimitedError) limited += 1;
      else other.push(error instanceof Error ? error.message : String(error));
    }
  }),
);
console.log(JSON.stringify({ ok, limited, other, requests: esi.snapshot().requests }));
await esi.close();
await db.$disconnect();
process.exit(0);
