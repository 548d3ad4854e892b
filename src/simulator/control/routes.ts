// /_sim/*: the in-process control operations over HTTP, for browser tests and
// demos that run the simulator as a separate process. Not part of EVE's APIs.
import { esiError, sendJson } from "../http/io";
import type { Route } from "../http/router";
import { idParam } from "../esi/route";
import { findSimCharacter, simCharacters } from "../roster";
import type { Handler } from "../services";

export interface SimControl {
  transferCharacter(characterId: number): string;
  revokeCharacterTokens(characterId: number): number;
  advanceClock(seconds: number): void;
  now(): Date;
  ownerHash(characterId: number): string;
}

export function controlRoutes(control: SimControl): Route<Handler>[] {
  const rosterCharacter = (params: Record<string, string>) => {
    const id = idParam(params, "character_id");
    if (!findSimCharacter(id)) throw esiError(404, "Character not found");
    return id;
  };

  const health: Handler = (ctx) => sendJson(ctx.res, 200, { status: "ok", now: control.now().toISOString(), url: ctx.services.baseUrl() });

  const characters: Handler = (ctx) =>
    sendJson(
      ctx.res,
      200,
      simCharacters.map((c) => ({
        character_id: c.characterId,
        name: c.name,
        corporation_id: c.corporationId,
        ...(c.allianceId === undefined ? {} : { alliance_id: c.allianceId }),
        account: c.account,
        owner_hash: control.ownerHash(c.characterId),
      })),
    );

  const transfer: Handler = (ctx) => {
    const id = rosterCharacter(ctx.params);
    sendJson(ctx.res, 200, { character_id: id, owner_hash: control.transferCharacter(id) });
  };

  const revoke: Handler = (ctx) => {
    const id = rosterCharacter(ctx.params);
    sendJson(ctx.res, 200, { character_id: id, revoked: control.revokeCharacterTokens(id) });
  };

  const advanceClock: Handler = async (ctx) => {
    let seconds: unknown;
    try {
      seconds = (JSON.parse((await ctx.body()) || "{}") as { seconds?: unknown }).seconds;
    } catch {
      throw esiError(400, "The request body is not valid JSON");
    }
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
      throw esiError(400, "Send {\"seconds\": n} with a finite n >= 0");
    }
    control.advanceClock(seconds);
    sendJson(ctx.res, 200, { now: control.now().toISOString() });
  };

  return [
    { method: "GET", path: "/_sim/health", handler: health },
    { method: "GET", path: "/_sim/characters", handler: characters },
    { method: "POST", path: "/_sim/characters/{character_id}/transfer", handler: transfer },
    { method: "POST", path: "/_sim/characters/{character_id}/revoke", handler: revoke },
    { method: "POST", path: "/_sim/clock/advance", handler: advanceClock },
  ];
}
