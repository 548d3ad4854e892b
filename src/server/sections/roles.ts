// roles: the character's corporation roles per location, diffed on (location, role).
// Only updated when the roles feature is on (Member Audit's FEATURE_ROLES_ENABLED).
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type RolesBody = EsiSuccessBody<"get", "/characters/{character_id}/roles">;

export const ROLE_LOCATIONS = {
  universal: "roles",
  hq: "roles_at_hq",
  base: "roles_at_base",
  other: "roles_at_other",
} as const satisfies Record<string, keyof RolesBody>;

export type RoleLocation = keyof typeof ROLE_LOCATIONS;

export interface RoleRow {
  location: RoleLocation;
  role: string;
}

const key = (r: { location: string; role: string }) => `${r.location}:${r.role}`;

/** One row per (location, role), sorted so equal role sets hash equal. */
export function roleRows(body: RolesBody): RoleRow[] {
  const rows = new Map<string, RoleRow>();
  for (const [location, field] of Object.entries(ROLE_LOCATIONS) as [RoleLocation, keyof RolesBody][]) {
    for (const role of body[field] ?? []) rows.set(key({ location, role }), { location, role });
  }
  return [...rows.values()].sort((a, b) => key(a).localeCompare(key(b)));
}

export const roles = defineSection<RoleRow[]>({
  name: "roles",
  label: "Roles",
  routes: ["GET /characters/{character_id}/roles"],
  scopes: ["esi-characters.read_corporation_roles.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "diff",
  feature: "roles",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/roles", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result, roleRows);
  },
  async persist({ tx, characterId }, rows) {
    const stored = await tx.characterRole.findMany({ where: { characterId }, select: { location: true, role: true } });
    const storedKeys = new Set(stored.map(key));
    const incomingKeys = new Set(rows.map(key));
    const created = rows.filter((r) => !storedKeys.has(key(r)));
    const removed = stored.filter((r) => !incomingKeys.has(key(r)));
    if (created.length > 0)
      await insertRows(tx, "CharacterRole", { data: created.map((r) => ({ characterId, ...r })) });
    for (const r of removed) {
      await tx.characterRole.delete({
        where: { characterId_location_role: { characterId, location: r.location, role: r.role } },
      });
    }
    return { written: created.length + removed.length };
  },
});
