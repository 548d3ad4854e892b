// Refreshes what anyone may know about characters: name, corporation, alliance,
// faction, birthday, security status, and the names of their corporations and
// alliances. Public routes need no token.
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { resolveEntityNames } from "~/server/universe/entities";

export interface PublicDetailsDeps {
  db: Db;
  esi: EsiClient;
}

const AFFILIATION_BATCH = 1000; // ESI's maximum ids per affiliation request

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function refreshCharacterPublicDetails(
  deps: PublicDetailsDeps,
  characterIds: number[],
): Promise<{ updated: number }> {
  let updated = 0;
  for (const batch of chunks([...new Set(characterIds)], AFFILIATION_BATCH)) {
    const affiliations = await deps.esi.post("/characters/affiliation", { body: batch });
    for (const a of affiliations) {
      const info = await deps.esi.getData("/characters/{character_id}", { path: { character_id: a.character_id } });
      const data = {
        name: info.name,
        corporationId: a.corporation_id,
        allianceId: a.alliance_id ?? null,
        factionId: a.faction_id ?? null,
        birthday: new Date(info.birthday),
        securityStatus: info.security_status ?? null,
      };
      await deps.db.eveCharacter.upsert({
        where: { id: a.character_id },
        create: { id: a.character_id, ...data },
        update: data,
      });
      updated += 1;
    }
    await resolveEntityNames(
      deps,
      affiliations.flatMap((a) => [a.character_id, a.corporation_id, ...(a.alliance_id ? [a.alliance_id] : [])]),
    );
  }
  return { updated };
}

/** Every character the app knows (registered or not), for the daily refresh of public details. */
export async function knownCharacterIds(db: Db): Promise<number[]> {
  return (await db.eveCharacter.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
}
