// Industry tab: blueprints, industry jobs and market orders with type and place names.
import type { Db } from "~/server/db/client";
import { placeName, placeNames, typeNames } from "./name-lookups";

/** ESI's industry activity ids. */
export const INDUSTRY_ACTIVITIES: Record<number, string> = {
  1: "Manufacturing",
  3: "Time efficiency research",
  4: "Material efficiency research",
  5: "Copying",
  7: "Reverse engineering",
  8: "Invention",
  9: "Reactions",
  11: "Reactions",
};

export interface BlueprintRow {
  itemId: string;
  typeId: number;
  typeName: string;
  isCopy: boolean;
  /** Stack size (1 for a single original or copy). */
  quantity: number;
  materialEfficiency: number;
  timeEfficiency: number;
  /** Runs left on a copy; null for originals (unlimited). */
  runs: number | null;
  locationName: string;
  locationFlag: string;
}

export interface IndustryJobRow {
  jobId: string;
  activity: string;
  status: string;
  blueprintTypeName: string;
  productTypeName: string | null;
  runs: number;
  facilityName: string;
  startDate: Date;
  endDate: Date;
}

export interface MarketOrderRow {
  orderId: string;
  isBuyOrder: boolean;
  typeName: string;
  price: number;
  volumeRemain: number;
  volumeTotal: number;
  locationName: string;
  state: string;
  issued: Date;
  expires: Date;
}

export interface IndustrySheet {
  blueprints: BlueprintRow[];
  jobs: IndustryJobRow[];
  orders: MarketOrderRow[];
}

const DAY_MS = 86_400_000;
/** Active jobs first, then the rest newest first. */
const STATUS_ORDER = ["active", "paused", "ready", "delivered", "cancelled", "reverted"];

export async function industrySheet(db: Db, characterId: number): Promise<IndustrySheet> {
  const [blueprints, jobs, orders] = await Promise.all([
    db.characterBlueprint.findMany({ where: { characterId }, orderBy: { itemId: "asc" } }),
    db.characterIndustryJob.findMany({ where: { characterId }, orderBy: [{ endDate: "desc" }, { jobId: "desc" }] }),
    db.characterMarketOrder.findMany({ where: { characterId }, orderBy: [{ issued: "desc" }, { orderId: "desc" }] }),
  ]);
  const [types, places] = await Promise.all([
    typeNames(db, [...blueprints.map((b) => b.typeId), ...jobs.flatMap((j) => [j.blueprintTypeId, j.productTypeId]), ...orders.map((o) => o.typeId)]),
    placeNames(db, [...blueprints.map((b) => b.locationId), ...jobs.map((j) => j.facilityId), ...orders.map((o) => o.locationId)]),
  ]);
  const typeName = (id: number) => types.get(id)!.name;
  return {
    blueprints: blueprints
      .map((b) => ({
        itemId: b.itemId.toString(),
        typeId: b.typeId,
        typeName: typeName(b.typeId),
        isCopy: b.quantity === -2,
        quantity: b.quantity > 0 ? b.quantity : 1,
        materialEfficiency: b.materialEfficiency,
        timeEfficiency: b.timeEfficiency,
        runs: b.runs === -1 ? null : b.runs,
        locationName: placeName(places, b.locationId)!,
        locationFlag: b.locationFlag,
      }))
      .sort((a, b) => a.typeName.localeCompare(b.typeName) || a.itemId.localeCompare(b.itemId)),
    jobs: jobs
      .map((j) => ({
        jobId: j.jobId.toString(),
        activity: INDUSTRY_ACTIVITIES[j.activityId] ?? `Activity ${j.activityId}`,
        status: j.status,
        blueprintTypeName: typeName(j.blueprintTypeId),
        productTypeName: j.productTypeId === null ? null : typeName(j.productTypeId),
        runs: j.runs,
        facilityName: placeName(places, j.facilityId)!,
        startDate: j.startDate,
        endDate: j.endDate,
      }))
      .sort((a, b) => rank(a.status) - rank(b.status)),
    orders: orders.map((o) => ({
      orderId: o.orderId.toString(),
      isBuyOrder: o.isBuyOrder,
      typeName: typeName(o.typeId),
      price: Number(o.price),
      volumeRemain: o.volumeRemain,
      volumeTotal: o.volumeTotal,
      locationName: placeName(places, o.locationId)!,
      state: o.state,
      issued: o.issued,
      expires: new Date(o.issued.getTime() + o.duration * DAY_MS),
    })),
  };
}

function rank(status: string): number {
  const i = STATUS_ORDER.indexOf(status);
  return i === -1 ? STATUS_ORDER.length : i;
}
