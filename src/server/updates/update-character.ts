// Updating a character: which sections (stale ones, or those asked for), each run
// by updateSection, and what happens when the token turns out to be dead: its
// owner is told once, and the token-dependent sections stop until re-added.
import type { Db } from "~/server/db/client";
import { findSection } from "~/server/sections/registry";
import { enabledSections, type EngineSettings } from "./engine-settings";
import { findStaleSections } from "./stale";
import {
  beginSectionUpdate,
  finishStagedUpdate,
  type SectionRunOutcome,
  type StagedUpdate,
  type UpdateDeps,
  updateSection,
  writeStagedChunk,
} from "./update-section";

export class UnknownSectionError extends Error {
  constructor(readonly names: string[]) {
    super(`Unknown section(s): ${names.join(", ")}`);
    this.name = "UnknownSectionError";
  }
}

export function validateSectionNames(names: readonly string[], settings: EngineSettings): string[] {
  const enabled = new Set(enabledSections(settings).map((s) => s.name));
  const unknown = names.filter((n) => !enabled.has(n));
  if (unknown.length > 0) throw new UnknownSectionError(unknown);
  return [...names];
}

/** The sections to run now: the requested ones, or the stale ones. */
export async function planCharacterUpdate(
  db: Db,
  characterId: number,
  request: { sections?: string[]; now: Date },
  settings: EngineSettings,
): Promise<string[]> {
  if (request.sections?.length) return validateSectionNames(request.sections, settings);
  const stale = await findStaleSections(db, {
    sections: enabledSections(settings),
    staleMinutes: settings.staleMinutes,
    now: request.now,
    characterIds: [characterId],
  });
  return stale.get(characterId) ?? [];
}

export async function runCharacterSection(
  deps: UpdateDeps,
  characterId: number,
  name: string,
  options: { force?: boolean; settings: EngineSettings },
): Promise<SectionRunOutcome> {
  const section = findSection(name);
  if (!section) throw new UnknownSectionError([name]);
  const outcome = await updateSection(deps, characterId, section, {
    force: options.force,
    settings: options.settings.section,
  });
  if (outcome.status === "failed" && outcome.tokenInvalid) await notifyTokenInvalid(deps.db, characterId);
  return outcome;
}

function sectionNamed(name: string) {
  const section = findSection(name);
  if (!section) throw new UnknownSectionError([name]);
  return section;
}

async function noticeFailure<T extends { status: string }>(db: Db, characterId: number, outcome: T): Promise<T> {
  if (outcome.status === "failed" && (outcome as { tokenInvalid?: boolean }).tokenInvalid)
    await notifyTokenInvalid(db, characterId);
  return outcome;
}

/** The parts of a section run as separate job steps: begin (maybe staged), one per chunk, finish. */
export async function beginCharacterSection(
  deps: UpdateDeps,
  characterId: number,
  name: string,
  options: { force?: boolean; settings: EngineSettings },
): Promise<SectionRunOutcome | StagedUpdate> {
  const outcome = await beginSectionUpdate(deps, characterId, sectionNamed(name), {
    force: options.force,
    settings: options.settings.section,
  });
  return noticeFailure(deps.db, characterId, outcome);
}

export async function writeCharacterSectionChunk(
  deps: UpdateDeps,
  characterId: number,
  name: string,
  index: number,
  settings: EngineSettings,
) {
  return noticeFailure(
    deps.db,
    characterId,
    await writeStagedChunk(deps, characterId, sectionNamed(name), index, { settings: settings.section }),
  );
}

export async function finishCharacterSection(
  deps: UpdateDeps,
  characterId: number,
  name: string,
  staged: StagedUpdate,
  written: number,
  settings: EngineSettings,
): Promise<SectionRunOutcome> {
  return noticeFailure(
    deps.db,
    characterId,
    await finishStagedUpdate(deps, characterId, sectionNamed(name), staged, written, { settings: settings.section }),
  );
}

/** One notification per dead token: tokenErrorNotifiedAt is cleared when the character is added again. */
export async function notifyTokenInvalid(db: Db, characterId: number): Promise<boolean> {
  const claimed = await db.character.updateMany({
    where: { id: characterId, tokenErrorNotifiedAt: null },
    data: { tokenErrorNotifiedAt: new Date() },
  });
  if (claimed.count === 0) return false;
  const owner = await db.characterOwnership.findUnique({ where: { characterId }, include: { character: true } });
  if (!owner) return false;
  await db.notification.create({
    data: {
      userId: owner.userId,
      level: "warning",
      title: `${owner.character.name}: ESI token invalid`,
      message: `The ESI token of ${owner.character.name} is no longer valid, so its data stopped updating. Add the character again to renew it.`,
    },
  });
  return true;
}
