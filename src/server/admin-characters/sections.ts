// One character's section table for administrators: the sheet's per-section states
// (updates/character-status.ts, the same derivation the status tab shows) with what an
// operator needs beside them: last success, last error, run duration, next due.
import type { Db } from "~/server/db/client";
import { notFound } from "~/server/errors/app-error";
import { findSection } from "~/server/sections/registry";
import { deriveCharacterStatus } from "~/server/updates/character-status";
import { enabledSections, type EngineSettings } from "~/server/updates/engine-settings";

export async function adminCharacterSections(db: Db, settings: EngineSettings, characterId: number, now = new Date()) {
  const character = await db.character.findUnique({
    where: { id: characterId },
    select: {
      isEnabled: true,
      eveCharacter: { select: { name: true } },
      token: { select: { status: true, scopes: true } },
      updateStatuses: true,
    },
  });
  if (!character) throw notFound("Character");
  const rows = new Map(character.updateStatuses.filter((r) => findSection(r.section)).map((r) => [r.section, r]));
  const { sections } = deriveCharacterStatus(
    { isEnabled: character.isEnabled, token: character.token, rows: [...rows.values()] },
    settings,
  );
  const granted = new Set(character.token?.status === "VALID" ? character.token.scopes : []);
  const definitions = new Map(enabledSections(settings).map((s) => [s.name, s]));
  return {
    id: characterId,
    name: character.eveCharacter.name,
    sections: sections.map((view) => {
      const row = rows.get(view.section);
      const definition = definitions.get(view.section)!;
      const tokenBlocked = definition.scopes.some((scope) => !granted.has(scope));
      const finished = row?.finishedAt && row.startedAt && row.finishedAt >= row.startedAt ? row.finishedAt : null;
      const staleMinutes = settings.staleMinutes[view.section] ?? definition.defaultStaleMinutes;
      return {
        section: view.section,
        label: view.label,
        state: view.state,
        // The row keeps only its last run: a section failing now has no recorded success time.
        lastSuccessAt: row?.isSuccess ? row.finishedAt : null,
        errorMessage: row?.isSuccess ? null : (row?.errorMessage ?? null),
        isTokenError: view.isTokenError,
        durationMs: finished && row?.startedAt ? finished.getTime() - row.startedAt.getTime() : null,
        nextDue: nextDue({
          isEnabled: character.isEnabled,
          tokenBlocked,
          lastSuccessAt: row?.isSuccess ? row.finishedAt : null,
          staleMinutes,
          now,
        }),
      };
    }),
  };
}

export type NextDue =
  | { kind: "never"; reason: "disabled" | "token" }
  | { kind: "next_scan" }
  | { kind: "at"; at: Date };

/**
 * The scheduler's rule (updates/stale.ts), read forwards: never while the character is disabled
 * or its token cannot serve the section; at the next scan after a failure, before a first
 * success or once stale; else stale minutes after the last success.
 */
function nextDue(input: {
  isEnabled: boolean;
  tokenBlocked: boolean;
  lastSuccessAt: Date | null;
  staleMinutes: number;
  now: Date;
}): NextDue {
  if (!input.isEnabled) return { kind: "never", reason: "disabled" };
  if (input.tokenBlocked) return { kind: "never", reason: "token" };
  if (!input.lastSuccessAt) return { kind: "next_scan" };
  const at = new Date(input.lastSuccessAt.getTime() + input.staleMinutes * 60_000);
  return at <= input.now ? { kind: "next_scan" } : { kind: "at", at };
}
