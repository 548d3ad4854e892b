// Character data on demand. A character's data is a pure function of (seed,
// character id, anchor) plus its recorded mutations: each section is generated
// the first time it is asked for, the mutations that touch it are replayed in
// order, and the result is cached under a weighted LRU. An evicted character
// comes back identical, because mutations are kept apart from the cache and
// each replay draws from its own random stream.
import type { SimCharacter } from "../roster";
import { type AssetsSection, generateAssets, mutateAssets } from "./assets";
import { findAnyCharacter } from "./characters";
import { type ClonesSection, generateClones } from "./clones";
import { type ContactsSection, generateContacts, mutateContacts } from "./contacts";
import { type ContractsSection, generateContracts, mutateContracts } from "./contracts";
import { type EventsSection, generateEvents } from "./events";
import { characterIndex, startOfUtcDay } from "./ids";
import { blueprintsOf, generateIndustry, type IndustrySection } from "./industry";
import { generateLocation, type LocationSection, moveCharacter } from "./location";
import { WeightedLru } from "./lru";
import { appendMail, generateMail, type MailSection } from "./mail";
import { generateMarket, type MarketSection } from "./market";
import { generatePlanets, type PlanetsSection } from "./planets";
import { Rng } from "./prng";
import { buildProfile, type CharacterContext } from "./profile";
import { finishFirstQueued, generateSkills, type SkillsSection } from "./skills";
import { generateSocial, type SocialSection } from "./social";
import { appendWalletActivity, generateWallet, type WalletSection } from "./wallet";

export interface Sections {
  skills: SkillsSection;
  clones: ClonesSection;
  assets: AssetsSection;
  wallet: WalletSection;
  mail: MailSection;
  contacts: ContactsSection;
  contracts: ContractsSection;
  location: LocationSection;
  social: SocialSection;
  events: EventsSection;
  planets: PlanetsSection;
  industry: IndustrySection;
  market: MarketSection;
}
export type SectionName = keyof Sections;

export const MUTATION_KINDS = [
  "wallet",
  "skills",
  "assets",
  "mail",
  "location",
  "contacts",
  "contracts",
  "all",
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

/** What a mutation changed, by section: ids of new or changed records. */
export interface MutationResult {
  readonly characterId: number;
  readonly kind: MutationKind;
  readonly dataVersion: number;
  readonly changed: Readonly<Record<string, readonly number[]>>;
}

export interface SimDataSettings {
  /** Seeds every generator; default 1. */
  readonly seed: number;
  /** End of the generated history (ms); default: the start of the current UTC day when first used. */
  readonly anchorMs: number;
  /** Cache bound in records (assets, journal entries, mails ...); default 600,000 (~300 MB). */
  readonly maxCachedRecords: number;
  /** Cache bound in characters; default 2,000. */
  readonly maxCachedCharacters: number;
}

interface MutationRecord {
  readonly kind: MutationKind;
  readonly nowMs: number;
  readonly seq: number;
}

interface CharacterState {
  readonly ctx: CharacterContext;
  readonly sections: Partial<Sections>;
}

const SECTION_OF_KIND: Record<Exclude<MutationKind, "all">, SectionName> = {
  wallet: "wallet",
  skills: "skills",
  assets: "assets",
  mail: "mail",
  location: "location",
  contacts: "contacts",
  contracts: "contracts",
};

const GENERATORS: { [K in SectionName]: (ctx: CharacterContext, state: CharacterState) => Sections[K] } = {
  skills: generateSkills,
  clones: generateClones,
  assets: generateAssets,
  wallet: generateWallet,
  mail: generateMail,
  contacts: generateContacts,
  contracts: generateContracts,
  location: generateLocation,
  social: generateSocial,
  events: generateEvents,
  planets: generatePlanets,
  // Jobs run on the blueprints the character was generated with, whatever mutations did since.
  industry: (ctx, state) => generateIndustry(ctx, blueprintsOf(ctx, sectionOf(state, "assets").base)),
  market: generateMarket,
};

/** Applies one mutation to one section; returns the ids it touched. */
function applyMutation(
  ctx: CharacterContext,
  state: CharacterState,
  kind: Exclude<MutationKind, "all">,
  rng: Rng,
  nowMs: number,
): number[] {
  switch (kind) {
    case "wallet":
      return appendWalletActivity(ctx, sectionOf(state, "wallet"), rng, nowMs, rng.int(2, 4)).map((e) => e.id);
    case "skills": {
      const skill = finishFirstQueued(sectionOf(state, "skills"), nowMs);
      return skill === undefined ? [] : [skill];
    }
    case "assets": {
      const { moved, added } = mutateAssets(ctx, sectionOf(state, "assets"), rng, rng.int(1, 5));
      return [...moved, ...added];
    }
    case "mail":
      return appendMail(ctx, sectionOf(state, "mail"), rng, nowMs, rng.int(1, 3)).map((m) => m.mail_id ?? 0);
    case "location": {
      const section = sectionOf(state, "location");
      moveCharacter(ctx, section, rng, nowMs);
      return [section.location.solar_system_id, section.ship.ship_item_id];
    }
    case "contacts":
      return mutateContacts(ctx, sectionOf(state, "contacts"), rng, 2);
    default:
      return mutateContracts(ctx, sectionOf(state, "contracts"), rng, nowMs);
  }
}

const kindsOf = (kind: MutationKind): Exclude<MutationKind, "all">[] =>
  kind === "all" ? (Object.keys(SECTION_OF_KIND) as Exclude<MutationKind, "all">[]) : [kind];

function weightOf(sections: Partial<Sections>): number {
  const s = sections;
  let items = 0;
  for (const list of s.contracts?.items.values() ?? []) items += list.length;
  return (
    20 +
    (s.skills ? s.skills.skills.skills.length + s.skills.queue.length : 0) +
    (s.assets?.items.length ?? 0) +
    (s.wallet ? s.wallet.journal.length + s.wallet.transactions.length : 0) +
    (s.mail?.headers.length ?? 0) +
    (s.contacts?.contacts.length ?? 0) +
    (s.contracts ? s.contracts.contracts.length + items : 0) +
    (s.events ? s.events.notifications.length + s.events.events.length : 0) +
    (s.industry ? s.industry.jobs.length + s.industry.mining.length : 0) +
    (s.market ? s.market.orders.length + s.market.history.length + s.market.fittings.length : 0) +
    (s.social ? s.social.standings.length : 0)
  );
}

let settings: SimDataSettings | undefined;
const mutations = new Map<number, MutationRecord[]>();
let cache = new WeightedLru<number, CharacterState>(600_000, 2_000);

export function simDataSettings(): SimDataSettings {
  settings ??= { seed: 1, anchorMs: startOfUtcDay(Date.now()), maxCachedRecords: 600_000, maxCachedCharacters: 2_000 };
  return settings;
}

/** Changes seed, anchor or cache bounds; cached data is dropped, recorded mutations are kept. */
export function configureSimData(options: Partial<SimDataSettings>): SimDataSettings {
  settings = { ...simDataSettings(), ...options };
  cache = new WeightedLru(settings.maxCachedRecords, settings.maxCachedCharacters);
  return settings;
}

/** Forgets all mutations and cached data (tests). */
export function resetSimData(): void {
  mutations.clear();
  cache.clear();
}

function contextFor(character: SimCharacter): CharacterContext {
  const { seed, anchorMs } = simDataSettings();
  const index = characterIndex(character.characterId) ?? 0;
  return {
    seed,
    anchorMs,
    character,
    index,
    profile: buildProfile(character, seed, anchorMs),
    rng: (section, ...keys) => new Rng(seed, character.characterId, section, ...keys),
  };
}

function stateOf(characterId: number): CharacterState | undefined {
  const cached = cache.get(characterId);
  if (cached) return cached;
  const character = findAnyCharacter(characterId);
  if (!character) return undefined;
  const state: CharacterState = { ctx: contextFor(character), sections: {} };
  cache.set(characterId, state, weightOf(state.sections));
  return state;
}

function sectionOf<K extends SectionName>(state: CharacterState, name: K): Sections[K] {
  const existing = state.sections[name];
  if (existing) return existing;
  const { ctx } = state;
  const generated = GENERATORS[name](ctx, state);
  state.sections[name] = generated;
  for (const record of mutations.get(ctx.character.characterId) ?? []) {
    for (const kind of kindsOf(record.kind)) {
      if (SECTION_OF_KIND[kind] === name)
        applyMutation(ctx, state, kind, mutationRng(ctx, record.seq, kind), record.nowMs);
    }
  }
  cache.reweigh(ctx.character.characterId, weightOf(state.sections));
  return generated;
}

const mutationRng = (ctx: CharacterContext, seq: number, kind: string) =>
  new Rng(ctx.seed, ctx.character.characterId, "mutation", seq, kind);

/** The character's context (identity, profile, random streams); undefined for unknown ids. */
export function characterContext(characterId: number): CharacterContext | undefined {
  return stateOf(characterId)?.ctx;
}

/** One section of a character's data, generated on first use; undefined for unknown ids. */
export function characterSection<K extends SectionName>(characterId: number, name: K): Sections[K] | undefined {
  const state = stateOf(characterId);
  return state ? sectionOf(state, name) : undefined;
}

/** How many mutations the character has had; 0 for untouched (or unknown) characters. */
export function dataVersion(characterId: number): number {
  return mutations.get(characterId)?.length ?? 0;
}

/**
 * Records and applies a deterministic change to a character's data, as if the
 * pilot had played at `nowMs`. Throws RangeError for unknown characters or kinds.
 */
export function mutateCharacter(characterId: number, kind: MutationKind, nowMs: number): MutationResult {
  if (!MUTATION_KINDS.includes(kind))
    throw new RangeError(`Unknown mutation kind "${String(kind)}"; expected one of ${MUTATION_KINDS.join(", ")}`);
  if (!Number.isFinite(nowMs)) throw new RangeError("nowMs must be a finite number of milliseconds");
  const state = stateOf(characterId);
  if (!state) throw new RangeError(`Character ${characterId} does not exist in the simulator`);
  // Bring the touched sections up to date before recording, so the new
  // mutation is applied exactly once (here) and replayed after eviction.
  for (const k of kindsOf(kind)) sectionOf(state, SECTION_OF_KIND[k]);
  const records = mutations.get(characterId) ?? [];
  const record: MutationRecord = { kind, nowMs, seq: records.length + 1 };
  records.push(record);
  mutations.set(characterId, records);
  const changed: Record<string, number[]> = {};
  for (const k of kindsOf(kind))
    changed[k] = applyMutation(state.ctx, state, k, mutationRng(state.ctx, record.seq, k), nowMs);
  cache.reweigh(characterId, weightOf(state.sections));
  return { characterId, kind, dataVersion: records.length, changed };
}

/** Cache occupancy, for benchmarks and tests. */
export function simDataCacheStats(): { characters: number; records: number } {
  return { characters: cache.size, records: cache.weight };
}
