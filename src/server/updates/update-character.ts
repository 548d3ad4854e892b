// Updating a character: which sections (stale ones, or those asked for), each run by
// updateSection, and what happens when the token turns out to be dead: its owner is
// told once, and the token-dependent sections stop until the character is added again.
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors/app-error";
import { notify } from "~/server/notifications/notify";
import { findSection } from "~/server/sections/registry";
import type { SectionName } from "~/server/sections/names";
import { enabledSections, type EngineSettings } from "./engine-settings";
import { esiHealth, skipReason } from "./esi-health";
import { recordSkipped } from "./run-record";
import { findStaleSections } from "./stale";
import { runInline, type SectionRunOutcome, type StepRunner, type UpdateDeps, updateSection } from "./update-section";

const unknownSections = (names: readonly string[]) =>
  new AppError("BAD_INPUT", `Unknown section(s): ${names.join(", ")}`, { fields: ["sections"] });

/** The names as given, refused (BAD_INPUT, naming them) when one is not an enabled section. */
export function validateSectionNames(names: readonly string[], settings: EngineSettings): SectionName[] {
  const enabled = new Set<string>(enabledSections(settings).map((s) => s.name));
  const unknown = names.filter((n) => !enabled.has(n));
  if (unknown.length > 0) throw unknownSections(unknown);
  return names as SectionName[];
}

/** The sections to run now: the requested ones, or the stale ones. */
export async function planCharacterUpdate(
  db: Db,
  characterId: number,
  request: { sections?: readonly string[]; now: Date },
  settings: EngineSettings,
): Promise<SectionName[]> {
  if (request.sections?.length) return validateSectionNames(request.sections, settings);
  const stale = await findStaleSections(db, {
    sections: enabledSections(settings),
    staleMinutes: settings.staleMinutes,
    now: request.now,
    characterIds: [characterId],
  });
  return stale.get(characterId) ?? [];
}

/**
 * One section of one character, to the end, unless ESI's health gate skips it. `step`
 * makes each part of the run a job step; the dead-token notice is given inside the part
 * that found it, so a replayed step does not give it again.
 */
export async function runCharacterSection(
  deps: UpdateDeps,
  characterId: number,
  name: string,
  options: { force?: boolean; settings: EngineSettings },
  step: StepRunner = runInline,
): Promise<SectionRunOutcome> {
  const section = findSection(name);
  if (!section) throw unknownSections([name]);
  const skipped = await step(`section-${name}-health`, async () => {
    const reason = skipReason(await esiHealth(deps), section);
    return reason === undefined ? null : recordSkipped(deps, characterId, section, reason);
  });
  if (skipped) return skipped;
  const noticing: StepRunner = (id, part) =>
    step(id, async () => {
      const outcome = await part();
      const failed = outcome as Partial<Extract<SectionRunOutcome, { status: "failed" }>>;
      if (failed.status === "failed" && failed.tokenInvalid) await notifyTokenInvalid(deps.db, characterId);
      return outcome;
    });
  return updateSection(
    deps,
    characterId,
    section,
    { force: options.force, settings: options.settings.section },
    noticing,
  );
}

/**
 * One notification per dead or missing token: claiming tokenErrorNotifiedAt and writing
 * the notice are one transaction, so a crash between them cannot swallow the notice;
 * registration clears the flag when the character is added again.
 */
export async function notifyTokenInvalid(db: Db, characterId: number, now: Date = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.character.updateMany({
      where: { id: characterId, tokenErrorNotifiedAt: null },
      data: { tokenErrorNotifiedAt: now },
    });
    if (claimed.count === 0) return false;
    const owner = await tx.characterOwnership.findUnique({ where: { characterId }, include: { character: true } });
    if (!owner) return false;
    const name = owner.character.name;
    const written = await notify(
      tx,
      [owner.userId],
      {
        event: "token_invalid",
        level: "danger",
        title: `${name}: ESI token invalid or missing`,
        message: `The ESI token of ${name} is no longer valid, so its data stopped updating. Add the character again to renew it.`,
      },
      now,
    );
    return written > 0;
  });
}
