// /_sim/*: the in-process control operations over HTTP, for browser tests and
// demos that run the simulator as a separate process. Not part of EVE's APIs.
import { esiError, sendJson } from "../http/io";
import type { Route } from "../http/router";
import { MUTATION_KINDS, type MutationKind, type MutationResult } from "../data";
import { idParam } from "../esi/route";
import type { EsiHealthState } from "../esi/meta-status";
import type { ActiveFault } from "../faults/injector";
import type { FaultRule } from "../faults/rule";
import { findSimCharacter, simCharacters } from "../roster";
import type { Handler, RequestContext } from "../services";
import type { SimStats } from "./stats";

export interface SimControl {
  transferCharacter(characterId: number): string;
  revokeCharacterTokens(characterId: number): number;
  /** Also moves the error-limit window and returns rate-limit tokens. */
  advanceClock(seconds: number): void;
  now(): Date;
  ownerHash(characterId: number): string;
  /** Validates the rule (throws on nonsense) and activates it. */
  injectFault(rule: FaultRule): { id: string };
  removeFault(id: string): boolean;
  /** Number of rules removed. */
  clearFaults(): number;
  faults(): ActiveFault[];
  /** Changes the character's data now; clients see it once the current snapshots expire. */
  mutateCharacter(characterId: number, kind: MutationKind): MutationResult;
  /** Drops cached snapshots (one character's, or all) so the next request sees current data; returns how many. */
  expireCaches(characterId?: number): number;
  stats(): SimStats;
  resetStats(): void;
  /** What GET /meta/status reports now. */
  esiHealth(): EsiHealthState;
  /** Throws RangeError on a state it does not know. */
  setEsiHealth(input: { state?: unknown; route?: unknown }): EsiHealthState;
}

async function jsonBody(ctx: RequestContext): Promise<Record<string, unknown>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse((await ctx.body()) || "{}");
  } catch {
    throw esiError(400, "The request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw esiError(400, "The request body must be a JSON object");
  return parsed as Record<string, unknown>;
}

export function controlRoutes(control: SimControl): Route<Handler>[] {
  const rosterCharacter = (params: Record<string, string>) => {
    const id = idParam(params, "character_id");
    if (!findSimCharacter(id)) throw esiError(404, "Character not found");
    return id;
  };

  const health: Handler = (ctx) =>
    sendJson(ctx.res, 200, { status: "ok", now: control.now().toISOString(), url: ctx.services.baseUrl() });

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
    const { seconds } = await jsonBody(ctx);
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) {
      throw esiError(400, 'Send {"seconds": n} with a finite n >= 0');
    }
    control.advanceClock(seconds);
    sendJson(ctx.res, 200, { now: control.now().toISOString() });
  };

  // The rule is checked field by field by injectFault itself.
  const injectFault: Handler = async (ctx) =>
    sendJson(ctx.res, 200, control.injectFault((await jsonBody(ctx)) as unknown as FaultRule));

  const removeFault: Handler = (ctx) => {
    const id = ctx.params.fault_id ?? "";
    if (!control.removeFault(id)) throw esiError(404, `No fault rule ${id}`);
    sendJson(ctx.res, 200, { removed: id });
  };

  const mutate: Handler = async (ctx) => {
    const id = idParam(ctx.params, "character_id");
    const { kind } = await jsonBody(ctx);
    if (!MUTATION_KINDS.includes(kind as MutationKind))
      throw esiError(400, `kind must be one of ${MUTATION_KINDS.join(", ")}`);
    let result: MutationResult;
    try {
      result = control.mutateCharacter(id, kind as MutationKind);
    } catch (error) {
      // The data module throws RangeError for characters it does not know.
      if (error instanceof RangeError) throw esiError(404, error.message);
      throw error;
    }
    sendJson(ctx.res, 200, result);
  };

  const expire: Handler = async (ctx) => {
    const { characterId } = await jsonBody(ctx);
    if (characterId !== undefined && (!Number.isSafeInteger(characterId) || (characterId as number) < 1)) {
      throw esiError(400, "characterId must be a positive integer");
    }
    sendJson(ctx.res, 200, { expired: control.expireCaches(characterId as number | undefined) });
  };

  const setEsiHealth: Handler = async (ctx) => {
    const body = await jsonBody(ctx);
    try {
      sendJson(ctx.res, 200, control.setEsiHealth(body));
    } catch (error) {
      if (error instanceof RangeError) throw esiError(400, error.message);
      throw error;
    }
  };

  return [
    { method: "GET", path: "/_sim/health", handler: health },
    { method: "GET", path: "/_sim/esi-status", handler: (ctx) => sendJson(ctx.res, 200, control.esiHealth()) },
    { method: "POST", path: "/_sim/esi-status", handler: setEsiHealth },
    { method: "GET", path: "/_sim/characters", handler: characters },
    { method: "POST", path: "/_sim/characters/{character_id}/transfer", handler: transfer },
    { method: "POST", path: "/_sim/characters/{character_id}/revoke", handler: revoke },
    { method: "POST", path: "/_sim/clock/advance", handler: advanceClock },
    { method: "POST", path: "/_sim/characters/{character_id}/mutate", handler: mutate },
    { method: "GET", path: "/_sim/faults", handler: (ctx) => sendJson(ctx.res, 200, control.faults()) },
    { method: "POST", path: "/_sim/faults", handler: injectFault },
    {
      method: "DELETE",
      path: "/_sim/faults",
      handler: (ctx) => sendJson(ctx.res, 200, { cleared: control.clearFaults() }),
    },
    { method: "DELETE", path: "/_sim/faults/{fault_id}", handler: removeFault },
    { method: "POST", path: "/_sim/cache/expire", handler: expire },
    { method: "GET", path: "/_sim/stats", handler: (ctx) => sendJson(ctx.res, 200, control.stats()) },
    {
      method: "DELETE",
      path: "/_sim/stats",
      handler: (ctx) => {
        control.resetStats();
        sendJson(ctx.res, 200, control.stats());
      },
    },
  ];
}
