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
  /** Open jobs (active, paused, ready) and the most recent finished ones. */
  jobs: IndustryJobRow[];
  /** Open orders and the most recent closed ones. */
  orders: MarketOrderRow[];
  /** Finished jobs and closed orders stored in all; only the newest HISTORY_LIMIT of each are listed. */
  historyTotals: { jobs: number; orders: number };
}

/** Jobs and orders are kept after they leave ESI's window, so history grows without bound; the tab lists the newest. */
export const HISTORY_LIMIT = 200;
const OPEN_JOB_STATUSES = ["active", "paused", "ready"];

const DAY_MS = 86_400_000;

export async function industrySheet(db: Db, characterId: number): Promise<IndustrySheet> {
  const finishedJobs = { characterId, status: { notIn: OPEN_JOB_STATUSES } };
  const closedOrders = { characterId, state: { not: "open" } };
  const [blueprints, openJobs, pastJobs, openOrders, pastOrders, jobHistory, orderHistory] = await Promise.all([
    db.characterBlueprint.findMany({ where: { characterId }, orderBy: { itemId: "asc" } }),
    db.characterIndustryJob.findMany({
      where: { characterId, status: { in: OPEN_JOB_STATUSES } },
      orderBy: [{ endDate: "asc" }, { jobId: "asc" }],
    }),
    db.characterIndustryJob.findMany({
      where: finishedJobs,
      orderBy: [{ endDate: "desc" }, { jobId: "desc" }],
      take: HISTORY_LIMIT,
    }),
    db.characterMarketOrder.findMany({
      where: { characterId, state: "open" },
      orderBy: [{ issued: "desc" }, { orderId: "desc" }],
    }),
    db.characterMarketOrder.findMany({
      where: closedOrders,
      orderBy: [{ issued: "desc" }, { orderId: "desc" }],
      take: HISTORY_LIMIT,
    }),
    db.characterIndustryJob.count({ where: finishedJobs }),
    db.characterMarketOrder.count({ where: closedOrders }),
  ]);
  // Open jobs soonest-ending first, then history newest first.
  const jobs = [...openJobs, ...pastJobs];
  const orders = [...openOrders, ...pastOrders];
  const [types, places] = await Promise.all([
    typeNames(db, [
      ...blueprints.map((b) => b.typeId),
      ...jobs.flatMap((j) => [j.blueprintTypeId, j.productTypeId]),
      ...orders.map((o) => o.typeId),
    ]),
    placeNames(db, [
      ...blueprints.map((b) => b.locationId),
      ...jobs.map((j) => j.facilityId),
      ...orders.map((o) => o.locationId),
    ]),
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
    jobs: jobs.map((j) => ({
      jobId: j.jobId.toString(),
      activity: INDUSTRY_ACTIVITIES[j.activityId] ?? `Activity ${j.activityId}`,
      status: j.status,
      blueprintTypeName: typeName(j.blueprintTypeId),
      productTypeName: j.productTypeId === null ? null : typeName(j.productTypeId),
      runs: j.runs,
      facilityName: placeName(places, j.facilityId)!,
      startDate: j.startDate,
      endDate: j.endDate,
    })),
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
    historyTotals: { jobs: jobHistory, orders: orderHistory },
  };
}
