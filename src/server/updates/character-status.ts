// A character's overall update status, derived from its section status rows, its
// token and its enabled flag every time it is shown (never stored twice).
import type { Db } from "~/server/db/client";
import type { SectionName } from "~/server/sections/names";
import { findSection } from "~/server/sections/registry";
import { enabledSections, type EngineSettings } from "./engine-settings";
import { SKIPPED_PREFIX } from "./run-record";

export type OverallStatus = "ok" | "error" | "limited_token" | "disabled" | "in_progress";

export interface SectionStatusView {
  section: SectionName;
  label: string;
  state: "ok" | "error" | "in_progress" | "pending";
  finishedAt: Date | null;
  errorMessage: string | null;
  /** ESI's warnings of the last run (unknown enum values stored as given, list items left out). */
  warnings: string[];
  isTokenError: boolean;
}

export interface CharacterStatusView {
  overall: OverallStatus;
  sections: SectionStatusView[];
}

interface StatusRow {
  section: string;
  isSuccess: boolean | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  errorMessage: string | null;
  warnings?: string[];
  isTokenError: boolean;
}

export function deriveCharacterStatus(
  input: { isEnabled: boolean; token: { status: "VALID" | "INVALID"; scopes: string[] } | null; rows: StatusRow[] },
  settings: EngineSettings,
): CharacterStatusView {
  const rows = new Map(input.rows.map((r) => [r.section, r]));
  const sections = enabledSections(settings).map((s): SectionStatusView => {
    const row = rows.get(s.name);
    const running = row?.startedAt && (!row.finishedAt || row.finishedAt < row.startedAt);
    // A health-gate skip is no error: the section waits for ESI and runs on the first pass after.
    const skipped = row?.errorMessage?.startsWith(SKIPPED_PREFIX) ?? false;
    const state = !row ? "pending" : running ? "in_progress" : row.isSuccess ? "ok" : skipped ? "pending" : "error";
    return {
      section: s.name,
      label: s.label,
      state,
      finishedAt: row?.finishedAt ?? null,
      errorMessage: row?.errorMessage ?? null,
      warnings: row?.warnings ?? [],
      isTokenError: row?.isTokenError ?? false,
    };
  });
  const granted = new Set(input.token?.scopes ?? []);
  const missingScope = enabledSections(settings).some((s) => s.scopes.some((scope) => !granted.has(scope)));
  // A limited token makes the sections needing the missing scopes fail as token errors; that is "limited", not "error".
  const overall: OverallStatus = !input.isEnabled
    ? "disabled"
    : input.token?.status !== "VALID" || sections.some((s) => s.state === "error" && !(missingScope && s.isTokenError))
      ? "error"
      : missingScope
        ? "limited_token"
        : sections.some((s) => s.state === "in_progress" || s.state === "pending")
          ? "in_progress"
          : "ok";
  return { overall, sections };
}

export async function characterStatus(
  db: Db,
  characterId: number,
  settings: EngineSettings,
): Promise<CharacterStatusView | null> {
  const character = await db.character.findUnique({
    where: { id: characterId },
    select: { isEnabled: true, token: { select: { status: true, scopes: true } }, updateStatuses: true },
  });
  if (!character) return null;
  return deriveCharacterStatus(
    {
      isEnabled: character.isEnabled,
      token: character.token,
      rows: character.updateStatuses.filter((r) => findSection(r.section)),
    },
    settings,
  );
}
