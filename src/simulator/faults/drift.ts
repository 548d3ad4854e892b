// The "drift" fault: 200 bodies shaped like those CCP's ESI has really sent while its
// own spec said otherwise (esi-issues #1381, #1426): enum values newer than the spec,
// required fields left out, one malformed item in a list. A client that validates
// strictly refuses the whole body; a tolerant one stores the rest and warns. Which
// item drifts comes from the rule's seeded dice, so a seeded run drifts alike.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Drift = (body: Json, roll: () => number) => Json;

/** Values outside the bundled spec's enums; the first is what ESI answered in esi-issues #1381. */
export const DRIFT_VALUES = {
  locationFlag: "unknown location_flag (185)",
  refType: "skyhook_claim_refund",
  notificationType: "SkyhookTheftAttempt",
  planetType: "shattered",
} as const;

const isObject = (value: Json | undefined): value is JsonObject =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const objects = (body: Json): JsonObject[] => (Array.isArray(body) ? body.filter(isObject) : []);

const pickOne = <T>(items: readonly T[], roll: () => number): T | undefined =>
  items.length === 0 ? undefined : items[Math.floor(roll() * items.length)];

/** Sets `field` to `value` on one item of a list body. */
const oneItem =
  (field: string, value: string): Drift =>
  (body, roll) => {
    const item = pickOne(objects(body), roll);
    if (item) item[field] = value;
    return body;
  };

/** Assets: one item with an unknown flag, another without its type (a malformed item); leaves only, so no item loses its contents. */
const assets: Drift = (body, roll) => {
  const items = objects(body);
  const containers = new Set(items.map((item) => item.location_id));
  const leaves = items.filter((item) => !containers.has(item.item_id));
  const flagged = pickOne(leaves, roll);
  if (flagged) flagged.location_flag = DRIFT_VALUES.locationFlag;
  const malformed = pickOne(
    leaves.filter((item) => item !== flagged),
    roll,
  );
  if (malformed) delete malformed.type_id;
  return body;
};

/** Killmails: the victim's position and the attackers' security status and damage, required and not always sent. */
const killmail: Drift = (body) => {
  if (!isObject(body)) return body;
  if (isObject(body.victim)) delete body.victim.position;
  for (const attacker of objects(body.attackers ?? null)) {
    delete attacker.security_status;
    delete attacker.damage_done;
  }
  return body;
};

const planets: Drift = (body, roll) => {
  for (const planet of objects(body)) delete planet.owner_id;
  return oneItem("planet_type", DRIFT_VALUES.planetType)(body, roll);
};

const withoutField =
  (field: string): Drift =>
  (body) => {
    if (isObject(body)) delete body[field];
    return body;
  };

/** GET route templates → how their bodies drift. */
const DRIFTS: Readonly<Record<string, Drift>> = {
  "/characters/{character_id}": withoutField("achievement_score"),
  "/characters/{character_id}/assets": assets,
  "/characters/{character_id}/wallet/journal": oneItem("ref_type", DRIFT_VALUES.refType),
  "/characters/{character_id}/notifications": oneItem("type", DRIFT_VALUES.notificationType),
  "/characters/{character_id}/planets": planets,
  "/characters/{character_id}/online": withoutField("online"),
  "/killmails/{killmail_id}/{killmail_hash}": killmail,
};

export function hasDrift(method: string, template: string): boolean {
  return method === "GET" && Object.hasOwn(DRIFTS, template);
}

/** The body drifted; undefined when the route has no drift or the body is not JSON. */
export function driftBody(template: string, body: Buffer, roll: () => number): Buffer | undefined {
  const drift = DRIFTS[template];
  if (!drift) return undefined;
  let parsed: Json;
  try {
    parsed = JSON.parse(body.toString("utf8")) as Json;
  } catch {
    return undefined;
  }
  return Buffer.from(JSON.stringify(drift(parsed, roll)));
}

/**
 * The rule for SIM_DRIFT (demo, `npm run simulator`): the share of drift-capable
 * answers that drift, 0 to 1; unset, empty or 0 is none. Throws on anything else.
 */
export function driftRule(setting: string | undefined): { kind: "drift"; rate: number } | undefined {
  if (setting === undefined || setting.trim() === "") return undefined;
  const rate = Number(setting);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1)
    throw new RangeError(`SIM_DRIFT must be a number from 0 to 1, got "${setting}"`);
  return rate === 0 ? undefined : { kind: "drift", rate };
}
