// Names for the raw ids section rows store (types, EVE entities, places), looked up in
// one query per kind. A missing name falls back to the id, never to an error: the
// shared tables fill in the background and may lag behind the section data.
import type { Db } from "~/server/db/client";

const unique = <T>(ids: Iterable<T | null | undefined>): T[] => [
  ...new Set([...ids].filter((id): id is T => id !== null && id !== undefined)),
];

export interface NamedType {
  id: number;
  name: string;
  groupName: string | null;
}

export async function typeNames(db: Db, ids: Iterable<number | null | undefined>): Promise<Map<number, NamedType>> {
  const wanted = unique(ids);
  const rows = wanted.length
    ? await db.eveType.findMany({
        where: { id: { in: wanted } },
        select: { id: true, name: true, group: { select: { name: true } } },
      })
    : [];
  const found = new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, groupName: r.group.name }]));
  return new Map(wanted.map((id) => [id, found.get(id) ?? { id, name: `Type ${id}`, groupName: null }]));
}

export async function entityNames(db: Db, ids: Iterable<number | null | undefined>): Promise<Map<number, string>> {
  const wanted = unique(ids);
  const rows = wanted.length
    ? await db.eveEntity.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } })
    : [];
  const found = new Map(rows.map((r) => [r.id, r.name]));
  return new Map(wanted.map((id) => [id, found.get(id) ?? `#${id}`]));
}

/** Stations, structures and solar systems by id (the shared Location table, then EveEntity). */
export async function placeNames(
  db: Db,
  ids: Iterable<number | bigint | null | undefined>,
): Promise<Map<string, string>> {
  const wanted = unique([...ids].map((id) => (id === null || id === undefined ? null : BigInt(id))));
  const rows = wanted.length
    ? await db.location.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } })
    : [];
  const found = new Map(rows.map((r) => [r.id.toString(), r.name]));
  const small = wanted.filter((id) => !found.has(id.toString()) && id <= 2_147_483_647n).map(Number);
  for (const [id, name] of await entityNames(db, small)) if (!name.startsWith("#")) found.set(String(id), name);
  return new Map(wanted.map((id) => [id.toString(), found.get(id.toString()) ?? `#${id}`]));
}

export const placeName = (names: Map<string, string>, id: number | bigint | null | undefined): string | null =>
  id === null || id === undefined ? null : (names.get(id.toString()) ?? `#${id}`);
