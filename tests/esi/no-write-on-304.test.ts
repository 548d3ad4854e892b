// "304 means no DB write": a section-style caller that keeps the ETag on its
// status row writes data and status on 200 and nothing at all on 304 or before
// Expires. Checked on a real PostgreSQL: row counts, updatedAt and each row's
// xmin (any UPDATE, even to equal values, gives the row a new xmin).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { simCharacters } from "~/simulator/roster";
import type { Simulator } from "~/simulator/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { makeClient, startSim } from "../support/simulator";

let t: TestDatabase;
let sim: Simulator;
let url: string;
let esi: EsiClient;
const character = simCharacters[0]!;
const SECTION = "public_info";

/** What a section update does with the client: conditional fetch, write only on new data. */
async function updatePublicInfo(
  db: Db,
  client: EsiClient,
  characterId: number,
  force: boolean,
): Promise<"updated" | "unchanged"> {
  const status = await db.sectionUpdateStatus.findUnique({
    where: { characterId_section: { characterId, section: SECTION } },
  });
  const result = await client.get("/characters/{character_id}", {
    path: { character_id: characterId },
    cache: { etag: status?.etag },
    force,
  });
  if (result.status === "unchanged") return "unchanged";
  await db.$transaction([
    db.eveCharacter.update({
      where: { id: characterId },
      data: { name: result.data.name, corporationId: result.data.corporation_id },
    }),
    db.sectionUpdateStatus.upsert({
      where: { characterId_section: { characterId, section: SECTION } },
      create: { characterId, section: SECTION, isSuccess: true, etag: result.cache.etag, finishedAt: new Date() },
      update: { isSuccess: true, etag: result.cache.etag, finishedAt: new Date() },
    }),
  ]);
  return "updated";
}

async function fingerprint(): Promise<unknown> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    const rows = await client.query(`
      SELECT 'character' AS t, id::text AS k, xmin::text AS x, "updatedAt"::text AS u FROM "EveCharacter"
      UNION ALL SELECT 'status', "characterId"::text || section, xmin::text, "finishedAt"::text FROM "SectionUpdateStatus"
      UNION ALL SELECT 'registered', id::text, xmin::text, '' FROM "Character"
      ORDER BY 1, 2`);
    return rows.rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  ({ sim, url } = await startSim());
  esi = makeClient(t.db, url, { rememberPublicBodies: false });
  await t.db.eveCharacter.create({ data: { id: character.characterId, name: "unknown yet" } });
  await t.db.character.create({ data: { id: character.characterId } });
});
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

describe("a 304 writes nothing", () => {
  it("writes on the first fetch, then neither a 304 nor an unexpired resource touches a row", async () => {
    expect(await updatePublicInfo(t.db, esi, character.characterId, false)).toBe("updated");
    const stored = await t.db.sectionUpdateStatus.findUniqueOrThrow({
      where: { characterId_section: { characterId: character.characterId, section: SECTION } },
    });
    expect(stored.etag).toMatch(/^(W\/)?".+"$/);
    const before = await fingerprint();

    // Before Expires: not even a request.
    expect(await updatePublicInfo(t.db, esi, character.characterId, false)).toBe("unchanged");
    expect(esi.snapshot()).toMatchObject({ requests: 1, notExpired: 1 });
    // Forced: ESI answers 304.
    expect(await updatePublicInfo(t.db, esi, character.characterId, true)).toBe("unchanged");
    expect(esi.snapshot()).toMatchObject({ requests: 2, notModified: 1 });

    expect(await fingerprint()).toEqual(before);
  });
});
