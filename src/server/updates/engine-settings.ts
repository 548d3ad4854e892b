// What the update engine needs to know from the settings, in one object the jobs,
// the CLI and the tests pass around.
import { SECTIONS } from "~/server/sections/registry";
import { DEFAULT_SECTION_SETTINGS, effectiveStaleMinutes } from "~/server/sections/settings";
import type { SectionDefinition, SectionSettings } from "~/server/sections/types";

export interface EngineSettings {
  staleMinutes: Readonly<Record<string, number>>;
  section: SectionSettings;
  rolesEnabled: boolean;
  /** Cron of the periodic stale-section scan (UTC). */
  updateCron: string;
  /** Off: no section updates run (jobs not registered); for working on other parts. */
  updatesEnabled: boolean;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  staleMinutes: effectiveStaleMinutes({}),
  section: DEFAULT_SECTION_SETTINGS,
  rolesEnabled: false,
  updateCron: "*/15 * * * *",
  updatesEnabled: true,
};

/** Sections the engine updates: all, less feature-gated ones that are off. */
export function enabledSections(settings: EngineSettings): SectionDefinition<any>[] {
  return SECTIONS.filter((s) => s.feature !== "roles" || settings.rolesEnabled);
}
