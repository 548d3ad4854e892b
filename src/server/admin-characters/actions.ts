// What an administrator does to a selection of characters (Member Audit's admin actions):
// update now, enable, disable, reset the dead-token notification, delete. Each id gets
// its own outcome, so one missing or refused character never hides what happened to the others.
import { z } from "zod";
import { deleteRegisteredCharacter, type RemovalDeps } from "~/server/characters/removal";
import type { Db } from "~/server/db/client";
import { isAppError } from "~/server/errors/app-error";
import { characterUpdate, type SendJobEvents } from "~/server/jobs/events";
import { eveId32 } from "~/server/paging/inputs";
import type { SectionName } from "~/server/sections/names";
import { enabledSections, type EngineSettings } from "~/server/updates/engine-settings";
import { errorField, logger } from "~/server/logging/logger";

export const ADMIN_ACTION_MAX_IDS = 200;
export const characterIdsInput = z.object({
  characterIds: z.array(eveId32).min(1).max(ADMIN_ACTION_MAX_IDS),
});

export interface ActionOutcome {
  characterId: number;
  outcome: "done" | "unchanged" | "refused" | "not_found";
  message: string;
}

const unique = (ids: readonly number[]) => [...new Set(ids)];

/** Characters among `ids` that exist, with what the actions decide by. */
async function registered(db: Db, ids: readonly number[]) {
  const rows = await db.character.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, isEnabled: true, tokenErrorNotifiedAt: true, token: { select: { status: true } } },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

const missing = (characterId: number): ActionOutcome => ({
  characterId,
  outcome: "not_found",
  message: "No such registered character.",
});

/**
 * Every enabled section, ignoring stale, through the same job a registration starts.
 * The status rows are marked started first, so the list shows "in progress" from the
 * click on (a run that never starts is repaired as interrupted after an hour, like a
 * crashed one). Disabled characters and dead tokens are refused: neither would update.
 */
export async function updateNow(
  deps: { db: Db; sendEvents: SendJobEvents },
  settings: EngineSettings,
  ids: readonly number[],
  now = new Date(),
): Promise<ActionOutcome[]> {
  const found = await registered(deps.db, ids);
  const sections = enabledSections(settings).map((s) => s.name);
  const outcomes: ActionOutcome[] = [];
  for (const characterId of unique(ids)) {
    const character = found.get(characterId);
    if (!character) outcomes.push(missing(characterId));
    else if (!character.isEnabled)
      outcomes.push({ characterId, outcome: "refused", message: "Disabled: enable it to update it." });
    else if (character.token?.status !== "VALID")
      outcomes.push({
        characterId,
        outcome: "refused",
        message: "The token is missing or invalid: the owner must add the character again.",
      });
    else outcomes.push(await queueUpdate(deps, characterId, sections, now));
  }
  return outcomes;
}

async function queueUpdate(
  deps: { db: Db; sendEvents: SendJobEvents },
  characterId: number,
  sections: SectionName[],
  now: Date,
): Promise<ActionOutcome> {
  await deps.db.$transaction(
    sections.map((section) =>
      deps.db.sectionUpdateStatus.upsert({
        where: { characterId_section: { characterId, section } },
        create: { characterId, section, startedAt: now },
        update: { startedAt: now },
      }),
    ),
  );
  try {
    await deps.sendEvents({ name: characterUpdate.name, data: { characterId, sections, force: true } });
  } catch (error) {
    await deps.db.sectionUpdateStatus.updateMany({ where: { characterId, startedAt: now }, data: { startedAt: null } });
    logger().error(
      { characterId, err: errorField(error) },
      `update now for character ${characterId} could not be queued`,
    );
    return { characterId, outcome: "refused", message: "The update could not be queued; try again." };
  }
  return { characterId, outcome: "done", message: `Update of ${sections.length} sections queued.` };
}

/** Disabled characters keep their data; the scheduler (updates/stale.ts) leaves them alone. */
export async function setEnabled(db: Db, ids: readonly number[], enabled: boolean): Promise<ActionOutcome[]> {
  const found = await registered(db, ids);
  const changing = unique(ids).filter((id) => found.has(id) && found.get(id)!.isEnabled !== enabled);
  if (changing.length > 0)
    await db.character.updateMany({ where: { id: { in: changing } }, data: { isEnabled: enabled } });
  const word = enabled ? "enabled" : "disabled";
  return unique(ids).map((characterId) => {
    if (!found.has(characterId)) return missing(characterId);
    return changing.includes(characterId)
      ? { characterId, outcome: "done", message: `Now ${word}.` }
      : { characterId, outcome: "unchanged", message: `Already ${word}.` };
  });
}

/** The owner is told about a dead token once; clearing the mark lets the next dead token be told again. */
export async function resetTokenNotification(db: Db, ids: readonly number[]): Promise<ActionOutcome[]> {
  const found = await registered(db, ids);
  const marked = unique(ids).filter((id) => found.get(id)?.tokenErrorNotifiedAt);
  if (marked.length > 0)
    await db.character.updateMany({ where: { id: { in: marked } }, data: { tokenErrorNotifiedAt: null } });
  return unique(ids).map((characterId) => {
    if (!found.has(characterId)) return missing(characterId);
    return marked.includes(characterId)
      ? { characterId, outcome: "done", message: "Token notification reset." }
      : { characterId, outcome: "unchanged", message: "No token notification was sent." };
  });
}

/** The data and the token go, as when the owner removes the character (the token is revoked at the SSO). */
export async function deleteCharacters(deps: RemovalDeps, ids: readonly number[]): Promise<ActionOutcome[]> {
  const outcomes: ActionOutcome[] = [];
  for (const characterId of unique(ids)) {
    const removed = await deleteRegisteredCharacter(deps, characterId).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") return null;
      throw error;
    });
    outcomes.push(
      removed
        ? {
            characterId,
            outcome: "done",
            message: removed.revoked ? "Deleted; its token was revoked." : "Deleted.",
          }
        : missing(characterId),
    );
  }
  return outcomes;
}
