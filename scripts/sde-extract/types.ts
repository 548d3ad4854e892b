// types.json: the categories, groups and types the simulator uses, with the dogma
// attributes, module slots and blueprint products it reads, and the planetary
// schematics.
import { definedOnly, en, entries, num, obj, type SdePackage, type Yaml } from "./values";

// Categories whose published types the simulator hands out: skills, ships,
// modules, charges, drones, materials, blueprints, implants, asteroids,
// deployables, planetary industry structures, planetary resources and
// commodities, structures.
const CATEGORIES = new Set([4, 6, 7, 8, 9, 16, 18, 22, 25, 41, 42, 43, 65]);
// Implants and boosters (cat 20 also holds unpublished junk), cargo containers
// (cat 2 groups), planets, stations and capsules.
const EXTRA_GROUPS = new Set([300, 303, 745, 12, 340, 448, 649, 7, 15, 29]);
// Planet, station and capsule types are unpublished, but ESI serves them and bodies use them.
const UNPUBLISHED_GROUPS = new Set([7, 15, 29]);

// Dogma attributes the simulator's ESI bodies and generators read.
const ATTRIBUTES = new Set([
  180,
  181,
  275, // skill primary/secondary attribute, rank (timeConstant)
  182,
  183,
  184,
  1285,
  1289,
  1290, // required skills 1-6
  277,
  278,
  279,
  1286,
  1287,
  1288, // their levels
  12,
  13,
  14,
  1137, // low/med/high/rig slots of ships
  331, // implant slot
]);
// Module slot from the effect that fits it.
const SLOT_EFFECTS: Record<number, string> = { 11: "lo", 12: "hi", 13: "med", 2663: "rig", 3772: "sub" };

export async function buildTypes(sde: SdePackage) {
  const [categories, groups, types, dogma, blueprints, schematics] = await Promise.all(
    ["categories", "groups", "types", "typeDogma", "blueprints", "planetSchematics"].map((name) =>
      sde.raw("fsd", name),
    ),
  );
  const groupRows = entries(groups).filter(
    ([id, g]) => CATEGORIES.has(num(g.categoryID) ?? -1) || EXTRA_GROUPS.has(id),
  );
  const keptGroups = new Map(groupRows);
  const productOf = new Map<number, { product: number; maxRuns: number }>();
  for (const [id, bp] of entries(blueprints)) {
    const products = obj(obj(bp.activities).manufacturing).products;
    const product = Array.isArray(products) ? num(obj(products[0]).typeID) : undefined;
    if (product !== undefined) productOf.set(id, { product, maxRuns: num(bp.maxProductionLimit) ?? 1 });
  }
  const dogmaOf = new Map(entries(dogma));

  const typeRows = entries(types).flatMap(([id, t]) => {
    const groupId = num(t.groupID) ?? -1;
    const group = keptGroups.get(groupId);
    if (!group) return [];
    const categoryId = num(group.categoryID) ?? -1;
    const published = t.published === true;
    if (!published && !UNPUBLISHED_GROUPS.has(groupId)) return [];
    const typeDogma = dogmaOf.get(id);
    const attributes = Object.fromEntries(
      (Array.isArray(typeDogma?.dogmaAttributes) ? (typeDogma.dogmaAttributes as Yaml[]) : [])
        .filter((a) => ATTRIBUTES.has(num(a.attributeID) ?? -1))
        .map((a) => [String(a.attributeID), num(a.value) ?? 0])
        .sort(([a], [b]) => Number(a) - Number(b)),
    );
    const effects = Array.isArray(typeDogma?.dogmaEffects) ? (typeDogma.dogmaEffects as Yaml[]) : [];
    const slot = effects.map((e) => SLOT_EFFECTS[num(e.effectID) ?? -1]).find((s) => s !== undefined);
    const blueprint = productOf.get(id);
    return [
      definedOnly({
        id,
        groupId,
        name: en(t.name),
        published,
        volume: num(t.volume),
        capacity: num(t.capacity) || undefined,
        mass: categoryId === 6 || categoryId === 18 ? num(t.mass) : undefined,
        portionSize: num(t.portionSize),
        basePrice: num(t.basePrice),
        marketGroupId: num(t.marketGroupID),
        // Skill descriptions are short and shown by audit tools; the rest would
        // multiply the extract's size for text nobody reads in a simulator.
        description: categoryId === 16 ? en(t.description).slice(0, 600) : undefined,
        dogma: Object.keys(attributes).length > 0 ? attributes : undefined,
        slot,
        productTypeId: blueprint?.product,
        maxRuns: blueprint?.maxRuns,
      }),
    ];
  });
  const keptTypeIds = new Set(typeRows.map((t) => t.id));

  const categoryRows = entries(categories)
    .filter(([id]) => groupRows.some(([, g]) => num(g.categoryID) === id))
    .map(([id, c]) => ({ id, name: en(c.name), published: c.published === true }));
  const groupOut = groupRows.map(([id, g]) => ({
    id,
    categoryId: num(g.categoryID) ?? 0,
    name: en(g.name),
    published: g.published === true,
  }));
  const schematicRows = entries(schematics).flatMap(([id, s]) => {
    const io = entries(s.types);
    const output = io.find(([, v]) => v.isInput === false);
    if (!output) return [];
    return [
      {
        id,
        name: en(s.nameID),
        cycleTime: num(s.cycleTime) ?? 0,
        output: [output[0], num(output[1].quantity) ?? 0],
        inputs: io.filter(([, v]) => v.isInput === true).map(([typeId, v]) => [typeId, num(v.quantity) ?? 0]),
        pinTypeIds: (Array.isArray(s.pins) ? (s.pins as number[]) : [])
          .filter((p) => keptTypeIds.has(p))
          .sort((a, b) => a - b),
      },
    ];
  });
  return { categories: categoryRows, groups: groupOut, types: typeRows, schematics: schematicRows };
}
