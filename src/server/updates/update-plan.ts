// Which sections of which characters an operator's "update now" covers (the CLI's
// update-characters): the stale ones, or with `all` every enabled section, optionally
// only the named sections and one character.
import type { Db } from "~/server/db/client";
import type { SectionName } from "~/server/sections/names";
import { enabledSections, type EngineSettings } from "./engine-settings";
import { findStaleSections } from "./stale";

export interface UpdateRequest {
  /** Only these sections (validated names); empty = every enabled one. */
  sections: readonly SectionName[];
  /** Fresh sections too. */
  all: boolean;
  characterId?: number;
}

export async function planUpdates(
  db: Db,
  settings: EngineSettings,
  request: UpdateRequest,
  now = new Date(),
): Promise<Map<number, SectionName[]>> {
  const wanted = enabledSections(settings).filter((s) => !request.sections.length || request.sections.includes(s.name));
  if (!request.all) {
    return findStaleSections(db, {
      sections: wanted,
      staleMinutes: settings.staleMinutes,
      now,
      characterIds: request.characterId ? [request.characterId] : undefined,
    });
  }
  const characters = await db.character.findMany({
    where: { isEnabled: true, ...(request.characterId ? { id: request.characterId } : {}) },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return new Map(characters.map((c) => [c.id, wanted.map((s) => s.name)]));
}
