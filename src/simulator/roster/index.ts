// The simulator's fixed universe: who exists, where they belong and which EVE
// account owns them. Tests across the project rely on these exact ids, names and
// memberships, so change nothing in this folder without updating them.
export {
  findSimCharacter,
  type SimAccount,
  type SimCharacter,
  simCharacters,
  simCorporationMembers,
} from "./characters";
export {
  findSimAlliance,
  findSimCorporation,
  type SimAlliance,
  type SimCorporation,
  simAlliances,
  simCorporations,
} from "./organisations";
