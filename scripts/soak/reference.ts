// What ESI (the simulator) returns now, as rows: a fresh database, the same characters
// registered with new grants, every section loaded once with faults off. The soak's
// database after its own last update must hold the same rows.
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";
import { SECTIONS } from "~/server/sections/registry";
import { runCharacterSection } from "~/server/updates/update-character";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { createTestDatabase } from "../../tests/support/database";
import { makeClient, registerWithToken } from "../../tests/support/simulator";
import { type RowCounts, rowCounts } from "./db-watch";

export interface Reference {
  counts: RowCounts;
  /** Characters every section of which loaded: only these are compared. */
  complete: Set<number>;
  notLoaded: string[];
}

export async function referenceLoad(simUrl: string, characterIds: number[]): Promise<Reference> {
  const t = await createTestDatabase();
  const esi = makeClient(t.db, simUrl, { connections: 8, onLimit: "wait", maxLimitWaitMs: 60_000 });
  try {
    const deps = updateDepsFrom({ db: t.db, esi });
    const scopes = [...new Set(SECTIONS.flatMap((s) => s.scopes))];
    const sections = enabledSections(DEFAULT_ENGINE_SETTINGS).map((s) => s.name);
    const notLoaded: string[] = [];
    const complete = new Set<number>();
    const queue = [...characterIds];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          await registerWithToken(t.db, simUrl, id, { scopes });
          let ok = true;
          for (const section of sections) {
            const outcome = await runCharacterSection(deps, id, section, {
              force: true,
              settings: DEFAULT_ENGINE_SETTINGS,
            }).catch((error: unknown) => ({ status: "failed" as const, error: String(error) }));
            if (outcome.status === "updated" || outcome.status === "unchanged") continue;
            ok = false;
            notLoaded.push(`${id}/${section}: ${outcome.status}${"error" in outcome ? ` ${outcome.error}` : ""}`);
          }
          if (ok) complete.add(id);
        }
      }),
    );
    return { counts: await rowCounts(t.db, characterIds), complete, notLoaded };
  } finally {
    await esi.close();
    await t.drop();
  }
}
