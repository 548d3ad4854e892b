// Turns every registered ESI route into a concrete request the way a client
// would find its ids: from the character's own lists (mail, calendar, contracts,
// planets, killmails, assets) and the universe list routes. A path parameter or
// POST body nobody taught this file fails loudly, so a new route cannot slip
// past the contract tests unexercised.
import { readFileSync } from "node:fs";
import { PLAYER_STRUCTURES } from "~/simulator/data/catalog";
import type { EsiRoute } from "~/simulator/esi/route";
import { findSimCharacter, simCharacters } from "~/simulator/roster";
import { sdeSchematics } from "~/simulator/sde";
import { type Simulator, simulatorEsiRoutes } from "~/simulator/server";

/** CEO of Sim Industries: holds every corporation role in the simulator. */
export const MAIN_CHARACTER = 2112000001;
/** Another account's character, for the mismatch check. */
export const OTHER_CHARACTER = 2112000004;

export const ALL_SCOPES = [...new Set(simulatorEsiRoutes.flatMap((route) => (route.scope ? [route.scope] : [])))];

export interface ContractRequest {
  readonly route: EsiRoute;
  readonly characterId: number;
  readonly path: string;
  readonly body?: unknown;
}

type Operation = {
  "x-rate-limit"?: { group: string; "max-tokens": number; "window-size": string };
  "x-cache-age"?: number;
};
const spec = JSON.parse(
  readFileSync(new URL("../../src/server/esi/openapi/esi-openapi-3.0.3-2026-07-17.json", import.meta.url), "utf8"),
) as {
  paths: Record<string, Record<string, Operation>>;
};

/** The spec's operation for a route; undefined when the spec lacks it (the contract test fails on that). */
export const specOperation = (route: EsiRoute): Operation | undefined =>
  spec.paths[route.path]?.[route.method.toLowerCase()];

type Json = Record<string, unknown> & { [index: number]: unknown };

export class ContractClient {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly lists = new Map<string, Promise<unknown>>();

  constructor(
    readonly sim: Simulator,
    readonly url: string,
    readonly clientId: string,
  ) {}

  token(characterId: number, scopes: readonly string[] = ALL_SCOPES, clientId = this.clientId): Promise<string> {
    const key = `${characterId} ${clientId} ${scopes.join(" ")}`;
    const known = this.tokens.get(key);
    if (known) return known;
    const token = this.sim.issueAccessToken(characterId, [...scopes], clientId);
    this.tokens.set(key, token);
    return token;
  }

  /** Sends a request; `token` null sends none, undefined the character's all-scope token for scoped routes. */
  async send(
    request: ContractRequest,
    options: { token?: string | null; headers?: Record<string, string>; query?: string } = {},
  ): Promise<Response> {
    const { route } = request;
    const token =
      options.token === undefined
        ? route.scope || route.rateLimit
          ? await this.token(request.characterId)
          : null
        : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (request.body !== undefined) headers["Content-Type"] = "application/json";
    return fetch(`${this.url}${request.path}${options.query ?? ""}`, {
      method: route.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  }

  /** A GET the way the app reads a list; remembered, since ids only need finding once. */
  private list(path: string, characterId: number): Promise<unknown> {
    let found = this.lists.get(path);
    if (!found) {
      found = (async () => {
        const response = await fetch(`${this.url}${path}`, {
          headers: { Authorization: `Bearer ${await this.token(characterId)}` },
        });
        return response.status === 200 ? ((await response.json()) as unknown) : undefined;
      })();
      this.lists.set(path, found);
    }
    return found;
  }

  private async firstOf(
    path: string,
    characterId: number,
    pick: (item: Json) => boolean = () => true,
  ): Promise<Json | undefined> {
    const body = await this.list(path, characterId);
    return Array.isArray(body) ? (body as Json[]).find(pick) : undefined;
  }

  private async param(name: string, route: EsiRoute, c: number): Promise<string | undefined> {
    const character = findSimCharacter(c);
    const field = async (path: string, key: string, pick?: (item: Json) => boolean) =>
      (await this.firstOf(path, c, pick))?.[key];
    const value = await (async (): Promise<unknown> => {
      switch (name) {
        case "character_id":
          return c;
        case "corporation_id":
          return character?.corporationId;
        case "alliance_id":
          return character?.allianceId ?? 99000001;
        case "mail_id":
          return field(`/characters/${c}/mail`, "mail_id");
        case "event_id":
          return field(`/characters/${c}/calendar`, "event_id");
        case "contract_id":
          // Bids exist on auctions only; items on everything but couriers.
          return route.path.endsWith("/bids")
            ? field(`/characters/${c}/contracts`, "contract_id", (item) => item.type === "auction")
            : field(`/characters/${c}/contracts`, "contract_id", (item) => item.type !== "courier");
        case "planet_id":
          if (route.path.startsWith("/characters/")) return field(`/characters/${c}/planets`, "planet_id");
          return (
            ((await this.list("/universe/systems/30000142", c)) as Json | undefined)?.planets as Json[] | undefined
          )?.[0]?.planet_id;
        case "killmail_id":
        case "killmail_hash":
          return field(`/characters/${c}/killmails/recent`, name);
        case "type_id":
          return 34; // Tritanium
        case "group_id":
          return ((await this.list("/universe/types/34", c)) as Json | undefined)?.group_id;
        case "category_id":
          return (
            (await this.list(`/universe/groups/${await this.param("group_id", route, c)}`, c)) as Json | undefined
          )?.category_id;
        case "region_id":
          return ((await this.list("/universe/regions", c)) as unknown[] | undefined)?.[0];
        case "constellation_id":
          return ((await this.list("/universe/constellations", c)) as unknown[] | undefined)?.[0];
        case "system_id":
          return 30000142; // Jita
        case "station_id":
          return 60003760; // Jita IV - Moon 4 - Caldari Navy Assembly Plant
        case "schematic_id":
          // ESI has no schematic list route; the static data is where clients get these ids.
          return sdeSchematics()[0]?.id;
        case "structure_id":
          return PLAYER_STRUCTURES.find(
            (s) => !s.corporationIds || (character && s.corporationIds.includes(character.corporationId)),
          )?.id;
        default:
          throw new Error(
            `No id source for {${name}} (${route.method} ${route.path}): teach tests/support/sim-contract-requests.ts`,
          );
      }
    })();
    return value === undefined || value === null ? undefined : String(value as string | number);
  }

  private async body(route: EsiRoute, c: number): Promise<unknown> {
    if (route.method === "GET") return undefined;
    switch (`${route.method} ${route.path}`) {
      case "POST /characters/affiliation":
      case "POST /universe/names":
        return [c];
      case "POST /universe/ids":
        return [findSimCharacter(c)?.name];
      case "POST /characters/{character_id}/assets/names":
      case "POST /characters/{character_id}/assets/locations": {
        const assets = await this.list(`/characters/${c}/assets`, c);
        return Array.isArray(assets)
          ? (assets as Json[])
              .filter((item) => item.is_singleton)
              .slice(0, 5)
              .map((item) => item.item_id)
          : undefined;
      }
      default:
        throw new Error(
          `No request body for ${route.method} ${route.path}: teach tests/support/sim-contract-requests.ts`,
        );
    }
  }

  /** A request for `route`, trying roster characters until one has the data its ids need. */
  async build(route: EsiRoute): Promise<ContractRequest> {
    const names = [...route.path.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1] ?? "");
    const candidates = [
      MAIN_CHARACTER,
      ...simCharacters.map((c) => c.characterId).filter((id) => id !== MAIN_CHARACTER),
    ];
    for (const characterId of candidates) {
      const values = new Map<string, string | undefined>();
      for (const name of names) values.set(name, await this.param(name, route, characterId));
      if ([...values.values()].some((value) => value === undefined)) continue;
      const body = await this.body(route, characterId);
      if (route.method !== "GET" && (body === undefined || (Array.isArray(body) && body.length === 0))) continue;
      const path = route.path.replace(/\{([a-z_]+)\}/g, (_, name: string) =>
        encodeURIComponent(values.get(name) ?? ""),
      );
      return { route, characterId, path, body };
    }
    throw new Error(`No roster character has the data to call ${route.method} ${route.path}`);
  }
}
