// Id ranges and time helpers shared by the generators. Every character owns a
// disjoint block of each id space, so ids are unique across characters (ESI's
// item, journal and contract ids are global) and can be decoded back to their
// owner where a public route needs it (killmails).
import { simCharacters } from "../roster";

export const SYNTHETIC_FIRST_ID = 2113000001;
export const SYNTHETIC_LAST_ID = 2113099999;

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** 0..11 for the roster, 12.. for synthetic characters; undefined for anything else. */
const rosterIndex = new Map(simCharacters.map((c, i) => [c.characterId, i]));

export function characterIndex(characterId: number): number | undefined {
  const roster = rosterIndex.get(characterId);
  if (roster !== undefined) return roster;
  if (Number.isInteger(characterId) && characterId >= SYNTHETIC_FIRST_ID && characterId <= SYNTHETIC_LAST_ID) {
    return simCharacters.length + (characterId - SYNTHETIC_FIRST_ID);
  }
  return undefined;
}

export function characterIdAt(index: number): number | undefined {
  if (!Number.isInteger(index) || index < 0) return undefined;
  if (index < simCharacters.length) return simCharacters[index]?.characterId;
  const id = SYNTHETIC_FIRST_ID + (index - simCharacters.length);
  return id <= SYNTHETIC_LAST_ID ? id : undefined;
}

/** A per-character block of an id space: base + index * stride + n. */
export interface IdSpace {
  readonly base: number;
  readonly stride: number;
}

export const ID_SPACES = {
  item: { base: 1_100_000_000_000, stride: 10_000_000 },
  journal: { base: 20_000_000_000, stride: 1_000_000 },
  transaction: { base: 6_000_000_000, stride: 1_000_000 },
  contract: { base: 150_000_000, stride: 10_000 },
  contractItem: { base: 3_000_000_000, stride: 1_000_000 },
  bid: { base: 50_000_000, stride: 100_000 },
  mail: { base: 700_000_000, stride: 10_000 },
  killmail: { base: 130_000_000, stride: 1_000 },
  event: { base: 5_000_000, stride: 1_000 },
  notification: { base: 2_000_000_000, stride: 1_000 },
  job: { base: 600_000_000, stride: 10_000 },
  order: { base: 6_800_000_000, stride: 10_000 },
  fitting: { base: 80_000_000, stride: 1_000 },
  jumpClone: { base: 10_000_000, stride: 100 },
} as const satisfies Record<string, IdSpace>;

/** Item numbers reserved inside a character's item block. */
export const ITEM_BLOCKS = {
  /** Assets from generation and mutations. */
  assets: 0,
  /** Planetary pins. */
  pins: 8_000_000,
  /** Active ships from location mutations. */
  ships: 9_000_000,
} as const;

export function makeId(space: IdSpace, index: number, n: number): number {
  return space.base + index * space.stride + n;
}

/** [character index, n] of an id, if it lies in the space. */
export function splitId(space: IdSpace, id: number): [number, number] | undefined {
  const offset = id - space.base;
  if (!Number.isSafeInteger(offset) || offset < 0) return undefined;
  return [Math.floor(offset / space.stride), offset % space.stride];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Civil date of a day count since 1970-01-01 (H. Hinnant's algorithm); generators format millions of dates. */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function isoDate(ms: number): string {
  const [year, month, day] = civil(Math.floor(ms / DAY_MS));
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** ESI's date-time form: whole seconds, UTC, "Z". */
export function isoSeconds(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const inDay = seconds - Math.floor(seconds / 86_400) * 86_400;
  return `${isoDate(seconds * 1000)}T${pad2(Math.floor(inDay / 3600))}:${pad2(Math.floor((inDay % 3600) / 60))}:${pad2(inDay % 60)}Z`;
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** ISK amounts carry two decimals. */
export function isk(value: number): number {
  return Math.round(value * 100) / 100;
}
