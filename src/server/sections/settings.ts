// Section settings: stale minutes (defaults from each section, overridden by
// MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG-style JSON), retention and chunk sizes.
import { z } from "zod";
import { isSectionName, SECTION_NAMES } from "./names";
import { SECTIONS } from "./registry";
import type { SectionSettings } from "./types";

export class SectionConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SectionConfigError";
  }
}

/** Parses the stale-minutes override JSON; unknown section names and bad values are errors. */
export function parseStaleMinutesConfig(json: string | undefined): Record<string, number> {
  if (!json?.trim()) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new SectionConfigError("is not valid JSON");
  }
  const parsed = z
    .record(
      z.string(),
      z
        .number()
        .int()
        .min(1)
        .max(60 * 24 * 30),
    )
    .safeParse(raw);
  if (!parsed.success) throw new SectionConfigError("must map section names to whole minutes between 1 and 43200");
  const unknown = Object.keys(parsed.data).filter((name) => !isSectionName(name));
  if (unknown.length > 0)
    throw new SectionConfigError(`unknown section(s): ${unknown.join(", ")} (known: ${SECTION_NAMES.join(", ")})`);
  return parsed.data;
}

export function effectiveStaleMinutes(overrides: Record<string, number>): Record<string, number> {
  return Object.fromEntries(SECTIONS.map((s) => [s.name, overrides[s.name] ?? s.defaultStaleMinutes]));
}

export const DEFAULT_SECTION_SETTINGS: SectionSettings = { retentionDays: 360, assetsChunkSize: 2500 };
