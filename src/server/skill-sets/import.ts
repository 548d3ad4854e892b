// Creating skill sets from text (Member Audit's two import pages): a skill plan
// ("Skill Name IV" per line, as the EVE client or EveMon copy it) or an EFT fitting,
// whose required skills come from the dogma attributes of the hull and every item.
// Unknown names are skipped and reported; duplicates keep the highest level.
import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { DOGMA, resolveTypes } from "~/server/universe/types";
import { createSkillSet, skillSetError, updateSkillSet } from "./manage";

const LEVELS: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5 };

export interface ImportOptions {
  /** Replace the skills of an existing set with this name instead of refusing. */
  overwrite?: boolean;
  /** Add the set to this skill set group. */
  groupId?: number | null;
}

export interface ImportReport {
  id: number;
  name: string;
  created: boolean;
  skills: number;
  /** Names not found (types) or lines not understood. */
  skipped: string[];
}

export function parseSkillPlan(text: string): { entries: { name: string; level: number }[]; invalid: string[] } {
  const entries: { name: string; level: number }[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^(.+?)\s+(I{1,3}|IV|V|[1-5])$/i.exec(line);
    if (!match) invalid.push(line);
    else entries.push({ name: match[1]!.trim(), level: LEVELS[match[2]!.toUpperCase()]! });
  }
  return { entries, invalid };
}

export interface EftFitting {
  shipName: string;
  fitName: string;
  /** Every item name (modules, charges, drones, cargo), duplicates removed. */
  itemNames: string[];
}

export function parseEft(text: string): EftFitting {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const first = lines.findIndex((l) => l.length > 0);
  const header = first >= 0 ? /^\[([^,\]]+),\s*([^\]]*)\]$/.exec(lines[first]!) : null;
  if (!header) throw skillSetError("Not an EFT fitting: the first line must read [Ship, Fit name].");
  const names = new Set<string>();
  for (const line of lines.slice(first + 1)) {
    if (!line || /^\[empty .* slot\]$/i.test(line)) continue;
    const item = line.replace(/\s*\/offline$/i, "").replace(/\s+x\d+$/i, "");
    // "Module, Charge": a loaded module names its charge after a comma.
    for (const part of item.split(",")) if (part.trim()) names.add(part.trim());
  }
  return { shipName: header[1]!.trim(), fitName: header[2]!.trim() || header[1]!.trim(), itemNames: [...names] };
}

/** Types by exact name; names EveType lacks are looked up at ESI (/universe/ids) and loaded when `esi` is given. */
async function typesByName(deps: { db: Db; esi?: EsiClient }, names: readonly string[]): Promise<Map<string, number>> {
  const find = async (wanted: readonly string[]) =>
    wanted.length === 0
      ? []
      : deps.db.eveType.findMany({ where: { name: { in: [...wanted] } }, select: { id: true, name: true } });
  const found = new Map((await find(names)).map((t) => [t.name, t.id]));
  const missing = names.filter((n) => !found.has(n));
  if (missing.length > 0 && deps.esi) {
    const ids = await deps.esi.post("/universe/ids", { body: missing.slice(0, 500) }).catch(() => null);
    const typeIds = (ids?.inventory_types ?? []).map((t) => t.id).filter((id): id is number => typeof id === "number");
    if (typeIds.length > 0) {
      await resolveTypes({ db: deps.db, esi: deps.esi }, typeIds);
      for (const t of await find(missing)) found.set(t.name, t.id);
    }
  }
  return found;
}

async function save(
  db: Db,
  name: string,
  skills: Map<number, number>,
  extra: { description: string; shipTypeId?: number | null },
  options: ImportOptions,
  by: string | null,
): Promise<{ id: number; created: boolean }> {
  if (skills.size === 0) throw skillSetError("No skill recognised: nothing to import.");
  const existing = await db.skillSet.findUnique({ where: { name }, include: { groups: { select: { id: true } } } });
  if (existing && !options.overwrite)
    throw skillSetError(`A skill set named "${name}" exists already; tick overwrite to replace its skills.`);
  const groupIds = [
    ...new Set([...(existing?.groups.map((g) => g.id) ?? []), ...(options.groupId ? [options.groupId] : [])]),
  ];
  const input = {
    name,
    description: extra.description,
    shipTypeId: extra.shipTypeId ?? existing?.shipTypeId ?? null,
    isVisible: existing?.isVisible ?? true,
    groupIds,
    skills: [...skills].map(([skillTypeId, requiredLevel]) => ({ skillTypeId, requiredLevel })),
  };
  if (existing) {
    await updateSkillSet(db, existing.id, input, by);
    return { id: existing.id, created: false };
  }
  return { ...(await createSkillSet(db, input, by)), created: true };
}

function keepMax(into: Map<number, number>, skillId: number, level: number): void {
  into.set(skillId, Math.max(into.get(skillId) ?? 0, level));
}

export async function importSkillPlan(
  deps: { db: Db; esi?: EsiClient },
  input: { text: string; name: string } & ImportOptions,
  by: string | null,
): Promise<ImportReport> {
  const { entries, invalid } = parseSkillPlan(input.text);
  const ids = await typesByName(deps, [...new Set(entries.map((e) => e.name))]);
  const skills = await deps.db.eveType.findMany({
    where: { id: { in: [...ids.values()] }, group: { categoryId: 16 } },
    select: { id: true },
  });
  const isSkill = new Set(skills.map((s) => s.id));
  const levels = new Map<number, number>();
  const skipped = [...invalid];
  for (const e of entries) {
    const id = ids.get(e.name);
    if (id !== undefined && isSkill.has(id)) keepMax(levels, id, e.level);
    else skipped.push(e.name);
  }
  const saved = await save(
    deps.db,
    input.name,
    levels,
    { description: `Generated from a skill plan${by ? ` by ${by}` : ""} at ${new Date().toISOString()}` },
    input,
    by,
  );
  return { ...saved, name: input.name, skills: levels.size, skipped: [...new Set(skipped)] };
}

export async function importEftFitting(
  deps: { db: Db; esi?: EsiClient },
  input: { text: string; name?: string | null } & ImportOptions,
  by: string | null,
): Promise<ImportReport> {
  const fit = parseEft(input.text);
  const ids = await typesByName(deps, [fit.shipName, ...fit.itemNames]);
  const shipTypeId = ids.get(fit.shipName);
  if (shipTypeId === undefined) throw skillSetError(`Unknown ship type "${fit.shipName}".`);
  const typeIds = [shipTypeId, ...fit.itemNames.flatMap((n) => (ids.has(n) ? [ids.get(n)!] : []))];
  const dogma = await deps.db.eveTypeDogmaAttribute.findMany({ where: { typeId: { in: typeIds } } });
  const byType = new Map<number, Map<number, number>>();
  for (const a of dogma) {
    if (!byType.has(a.typeId)) byType.set(a.typeId, new Map());
    byType.get(a.typeId)!.set(a.attributeId, a.value);
  }
  // Prerequisites of the skills themselves are not expanded (as in Member Audit).
  const levels = new Map<number, number>();
  for (const typeId of typeIds) {
    const attrs = byType.get(typeId);
    if (!attrs) continue;
    for (const [skillAttr, levelAttr] of DOGMA.requiredSkills) {
      const skill = attrs.get(skillAttr);
      const level = attrs.get(levelAttr);
      if (skill && level) keepMax(levels, Math.round(skill), Math.round(level));
    }
  }
  const name = input.name?.trim() || fit.fitName;
  const description = `Generated from EFT fitting '${fit.fitName}'${by ? ` by ${by}` : ""} at ${new Date().toISOString()}`;
  const saved = await save(deps.db, name, levels, { description, shipTypeId }, input, by);
  return { ...saved, name, skills: levels.size, skipped: fit.itemNames.filter((n) => !ids.has(n)) };
}
