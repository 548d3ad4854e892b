// Deterministic synthetic character data for the simulator's ESI routes.
export { findAnyCharacter, findSyntheticCharacterIdByName, isSyntheticCharacterId } from "./characters";
export { SYNTHETIC_FIRST_ID, SYNTHETIC_LAST_ID } from "./ids";
export {
  characterContext,
  characterSection,
  configureSimData,
  dataVersion,
  MUTATION_KINDS,
  type MutationKind,
  type MutationResult,
  mutateCharacter,
  resetSimData,
  type SectionName,
  type Sections,
  simDataCacheStats,
  simDataSettings,
  type SimDataSettings,
} from "./store";
export { rosterTypeIds } from "./types-in-use";
export type { Archetype, CharacterContext, Profile, Volumes } from "./profile";
