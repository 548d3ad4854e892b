// Item static data from the extract: types (with dogma attributes and slot
// effects), groups, categories and planetary-industry schematics.
import {
  findCategory,
  findGroup,
  findSchematic,
  findType,
  groupsInCategory,
  type SdeType,
  sdeCategories,
  sdeGroups,
  sdeTypes,
  typesInGroup,
} from "../../sde";
import { type EsiRoute, idParam, lookup } from "../route";

const SLOT_EFFECT = { lo: 11, hi: 12, med: 13, rig: 2663, sub: 3772 } as const;

function typeBody(type: SdeType) {
  return {
    type_id: type.id,
    name: type.name,
    description: type.description ?? "",
    group_id: type.groupId,
    published: type.published,
    ...(type.volume === undefined ? {} : { volume: type.volume }),
    ...(type.capacity === undefined ? {} : { capacity: type.capacity }),
    ...(type.mass === undefined ? {} : { mass: type.mass }),
    ...(type.portionSize === undefined ? {} : { portion_size: type.portionSize }),
    ...(type.marketGroupId === undefined ? {} : { market_group_id: type.marketGroupId }),
    ...(type.dogma
      ? { dogma_attributes: Object.entries(type.dogma).map(([id, value]) => ({ attribute_id: Number(id), value })) }
      : {}),
    ...(type.slot ? { dogma_effects: [{ effect_id: SLOT_EFFECT[type.slot], is_default: false }] } : {}),
  };
}

export const itemRoutes: readonly EsiRoute[] = [
  {
    method: "GET",
    path: "/universe/types",
    cacheSeconds: 0,
    pageSize: 1000,
    handler: () => sdeTypes().map((t) => t.id),
  },
  {
    method: "GET",
    path: "/universe/types/{type_id}",
    cacheSeconds: 0,
    handler: ({ params }) => typeBody(lookup(findType(idParam(params, "type_id")), "Type not found")),
  },
  {
    method: "GET",
    path: "/universe/groups",
    cacheSeconds: 0,
    pageSize: 1000,
    handler: () => sdeGroups().map((g) => g.id),
  },
  {
    method: "GET",
    path: "/universe/groups/{group_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const group = lookup(findGroup(idParam(params, "group_id")), "Group not found");
      return {
        group_id: group.id,
        name: group.name,
        category_id: group.categoryId,
        published: group.published,
        types: typesInGroup(group.id).map((t) => t.id),
      };
    },
  },
  { method: "GET", path: "/universe/categories", cacheSeconds: 0, handler: () => sdeCategories().map((c) => c.id) },
  {
    method: "GET",
    path: "/universe/categories/{category_id}",
    cacheSeconds: 0,
    handler: ({ params }) => {
      const category = lookup(findCategory(idParam(params, "category_id")), "Category not found");
      return {
        category_id: category.id,
        name: category.name,
        published: category.published,
        groups: groupsInCategory(category.id).map((g) => g.id),
      };
    },
  },
  {
    method: "GET",
    path: "/universe/schematics/{schematic_id}",
    cacheSeconds: 3600,
    handler: ({ params }) => {
      const schematic = lookup(findSchematic(idParam(params, "schematic_id")), "Schematic not found");
      return { schematic_name: schematic.name, cycle_time: schematic.cycleTime };
    },
  },
];
