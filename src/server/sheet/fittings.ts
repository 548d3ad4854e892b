// Fittings tab: saved fittings with their ship and items grouped by slot kind, in the
// order EVE's fitting window shows them.
import type { Db } from "~/server/db/client";
import { typeNames } from "./name-lookups";

export const SLOT_GROUPS = [
  "high",
  "medium",
  "low",
  "rig",
  "subsystem",
  "service",
  "drone",
  "fighter",
  "cargo",
  "other",
] as const;
export type SlotGroup = (typeof SLOT_GROUPS)[number];

/** ESI flags: HiSlot0..7, MedSlot0..7, LoSlot0..7, RigSlot0..2, SubSystemSlot0..3, ServiceSlot0..7, DroneBay, FighterBay, Cargo, Invalid. */
export function slotGroup(flag: string): SlotGroup {
  if (flag.startsWith("HiSlot")) return "high";
  if (flag.startsWith("MedSlot")) return "medium";
  if (flag.startsWith("LoSlot")) return "low";
  if (flag.startsWith("RigSlot")) return "rig";
  if (flag.startsWith("SubSystemSlot")) return "subsystem";
  if (flag.startsWith("ServiceSlot")) return "service";
  if (flag === "DroneBay") return "drone";
  if (flag === "FighterBay") return "fighter";
  if (flag === "Cargo") return "cargo";
  return "other";
}

export interface FittingItem {
  flag: string;
  typeId: number;
  typeName: string;
  quantity: number;
}

export interface FittingView {
  fittingId: number;
  name: string;
  description: string;
  shipTypeId: number;
  shipTypeName: string;
  groups: { group: SlotGroup; items: FittingItem[] }[];
}

interface StoredItem {
  flag: string;
  quantity: number;
  type_id: number;
}

function storedItems(json: unknown): StoredItem[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (i): i is StoredItem =>
      typeof i === "object" &&
      i !== null &&
      typeof i.flag === "string" &&
      typeof i.quantity === "number" &&
      typeof i.type_id === "number",
  );
}

/** Slot number within its group (HiSlot2 -> 2), so modules list top to bottom as fitted. */
const slotIndex = (flag: string) => Number(/(\d+)$/.exec(flag)?.[1] ?? 0);

export async function fittingsSheet(db: Db, characterId: number): Promise<FittingView[]> {
  const fittings = await db.characterFitting.findMany({
    where: { characterId },
    orderBy: [{ name: "asc" }, { fittingId: "asc" }],
  });
  const items = new Map(fittings.map((f) => [f.fittingId, storedItems(f.items)]));
  const types = await typeNames(db, [
    ...fittings.map((f) => f.shipTypeId),
    ...[...items.values()].flat().map((i) => i.type_id),
  ]);
  return fittings.map((f) => {
    const byGroup = new Map<SlotGroup, FittingItem[]>();
    for (const i of items.get(f.fittingId)!) {
      const group = slotGroup(i.flag);
      byGroup.set(group, [
        ...(byGroup.get(group) ?? []),
        { flag: i.flag, typeId: i.type_id, typeName: types.get(i.type_id)!.name, quantity: i.quantity },
      ]);
    }
    return {
      fittingId: f.fittingId,
      name: f.name,
      description: f.description,
      shipTypeId: f.shipTypeId,
      shipTypeName: types.get(f.shipTypeId)!.name,
      groups: SLOT_GROUPS.filter((g) => byGroup.has(g)).map((group) => ({
        group,
        items: byGroup
          .get(group)!
          .sort((a, b) => slotIndex(a.flag) - slotIndex(b.flag) || a.typeName.localeCompare(b.typeName)),
      })),
    };
  });
}
