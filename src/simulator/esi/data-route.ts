// Declaring routes over the synthetic character data: the spec's rate-limit
// groups, a helper that resolves {character_id} (404 for unknown pilots) before
// the handler runs, and the lookup of one section of that character's data.
import { type CharacterContext, characterContext, characterSection, type Sections } from "../data";
import { esiError } from "../http/io";
import { type EsiRequest, type EsiRoute, idParam } from "./route";

type RateLimit = NonNullable<EsiRoute["rateLimit"]>;
const group = (name: string, maxTokens: number): RateLimit => ({ group: name, maxTokens, windowSeconds: 900 });

/** x-rate-limit groups of CCP's 2026-07-17 spec (all 15-minute windows). */
export const RATE_LIMITS = {
  charAsset: group("char-asset", 1800),
  charContract: group("char-contract", 600),
  charDetail: group("char-detail", 600),
  charIndustry: group("char-industry", 600),
  charKillmail: group("char-killmail", 30),
  charLocation: group("char-location", 1200),
  charNotification: group("char-notification", 15),
  charSocial: group("char-social", 600),
  charWallet: group("char-wallet", 150),
  factionalWarfare: group("factional-warfare", 150),
  fitting: group("fitting", 150),
  killmail: group("killmail", 3600),
  status: group("status", 600),
} as const;

export interface CharacterRouteSpec {
  readonly method?: EsiRoute["method"];
  readonly path: string;
  readonly scope: string;
  readonly cacheSeconds: number;
  readonly rateLimit?: RateLimit;
  readonly pageSize?: number;
  readonly handler: (character: CharacterContext, request: EsiRequest) => unknown;
}

/** The character of the path, or 404 as ESI answers for unknown characters. */
export function pathCharacter(request: EsiRequest): CharacterContext {
  const character = characterContext(idParam(request.params, "character_id"));
  if (!character) throw esiError(404, "Character not found");
  return character;
}

/** One section of the character's synthetic data; 404 as for an unknown character when it has none. */
export function section<K extends keyof Sections>(character: CharacterContext, name: K): Sections[K] {
  const data = characterSection(character.character.characterId, name);
  if (!data) throw esiError(404, "Character not found");
  return data;
}

/** A token-protected /characters/{character_id}/... route. */
export function characterRoute(spec: CharacterRouteSpec): EsiRoute {
  return {
    method: spec.method ?? "GET",
    path: spec.path,
    cacheSeconds: spec.cacheSeconds,
    scope: spec.scope,
    characterParam: "character_id",
    ...(spec.rateLimit ? { rateLimit: spec.rateLimit } : {}),
    ...(spec.pageSize ? { pageSize: spec.pageSize } : {}),
    handler: (request) => spec.handler(pathCharacter(request), request),
  };
}

/** An optional integer query parameter; 400 when present but not an integer. */
export function intQuery(request: EsiRequest, name: string): number | undefined {
  const raw = request.query.get(name);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(value)) throw esiError(400, `Invalid ${name}: must be an integer`);
  return value;
}

/** An id path parameter other than character_id. */
export const pathId = (request: EsiRequest, name: string) => idParam(request.params, name);
