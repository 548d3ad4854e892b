// Contracts tab: the character's contracts newest first (keyset paged, filtered by
// status and type) with parties and places named, and one contract with its items
// (included and asked for) and, for auctions, its bids.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { entityNames, placeName, placeNames, typeNames } from "./name-lookups";
import { bigintId, decodeCursor, encodeCursor, isoDate, pageInput } from "~/server/paging/cursor";
import type { Page } from "./wallet";

export const CONTRACT_TYPES = ["item_exchange", "auction", "courier", "loan", "unknown"] as const;
export const CONTRACT_STATUSES = [
  "outstanding",
  "in_progress",
  "finished_issuer",
  "finished_contractor",
  "finished",
  "cancelled",
  "rejected",
  "failed",
  "deleted",
  "reversed",
] as const;

const LABELS: Record<string, string> = {
  item_exchange: "Item exchange",
  auction: "Auction",
  courier: "Courier",
  loan: "Loan",
  unknown: "Unknown",
  outstanding: "Outstanding",
  in_progress: "In progress",
  finished_issuer: "Finished (issuer)",
  finished_contractor: "Finished (contractor)",
  finished: "Finished",
  cancelled: "Cancelled",
  rejected: "Rejected",
  failed: "Failed",
  deleted: "Deleted",
  reversed: "Reversed",
};
export const contractLabel = (value: string): string => LABELS[value] ?? value;

export const contractsInput = z.object({
  ...pageInput,
  status: z.enum(CONTRACT_STATUSES).optional(),
  type: z.enum(CONTRACT_TYPES).optional(),
});
export type ContractsInput = z.input<typeof contractsInput>;

type Named = { id: number; name: string };

export interface ContractRow {
  contractId: string;
  type: string;
  typeLabel: string;
  status: string;
  statusLabel: string;
  availability: string;
  title: string;
  issuer: Named;
  issuerCorporation: Named;
  /** Null when the contract is public (ESI says 0). */
  assignee: Named | null;
  acceptor: Named | null;
  forCorporation: boolean;
  dateIssued: Date;
  dateExpired: Date;
  dateAccepted: Date | null;
  dateCompleted: Date | null;
  daysToComplete: number | null;
  price: number | null;
  reward: number | null;
  collateral: number | null;
  buyout: number | null;
  volume: number | null;
  startLocation: { id: string; name: string } | null;
  endLocation: { id: string; name: string } | null;
}

type ContractRecord = Prisma.CharacterContractGetPayload<object>;
const num = (d: Prisma.Decimal | null): number | null => (d === null ? null : Number(d));

async function describeContracts(db: Db, rows: ContractRecord[]): Promise<ContractRow[]> {
  const [names, places] = await Promise.all([
    entityNames(
      db,
      rows.flatMap((r) => [r.issuerId, r.issuerCorporationId, r.assigneeId || null, r.acceptorId || null]),
    ),
    placeNames(
      db,
      rows.flatMap((r) => [r.startLocationId, r.endLocationId]),
    ),
  ]);
  const named = (id: number): Named => ({ id, name: names.get(id) ?? `#${id}` });
  const place = (id: bigint | null) => (id === null ? null : { id: id.toString(), name: placeName(places, id)! });
  return rows.map((r) => ({
    contractId: r.contractId.toString(),
    type: r.type,
    typeLabel: contractLabel(r.type),
    status: r.status,
    statusLabel: contractLabel(r.status),
    availability: r.availability,
    title: r.title,
    issuer: named(r.issuerId),
    issuerCorporation: named(r.issuerCorporationId),
    assignee: r.assigneeId ? named(r.assigneeId) : null,
    acceptor: r.acceptorId ? named(r.acceptorId) : null,
    forCorporation: r.forCorporation,
    dateIssued: r.dateIssued,
    dateExpired: r.dateExpired,
    dateAccepted: r.dateAccepted,
    dateCompleted: r.dateCompleted,
    daysToComplete: r.daysToComplete,
    price: num(r.price),
    reward: num(r.reward),
    collateral: num(r.collateral),
    buyout: num(r.buyout),
    volume: r.volume,
    startLocation: place(r.startLocationId),
    endLocation: place(r.endLocationId),
  }));
}

export async function contractsList(db: Db, characterId: number, raw: ContractsInput = {}): Promise<Page<ContractRow>> {
  const input = contractsInput.parse(raw);
  const and: Prisma.CharacterContractWhereInput[] = [{ characterId }];
  if (input.status) and.push({ status: input.status });
  if (input.type) and.push({ type: input.type });
  if (input.cursor) {
    const [issued, contractId] = decodeCursor(input.cursor, z.tuple([isoDate, bigintId]));
    const at = new Date(issued);
    and.push({ OR: [{ dateIssued: { lt: at } }, { dateIssued: at, contractId: { lt: BigInt(contractId) } }] });
  }
  const rows = await db.characterContract.findMany({
    where: { AND: and },
    orderBy: [{ dateIssued: "desc" }, { contractId: "desc" }],
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    rows: await describeContracts(db, page),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor([last.dateIssued.toISOString(), last.contractId.toString()])
        : null,
  };
}

/** Statuses and types the character's contracts have, for the filter menus. */
export async function contractFilterOptions(db: Db, characterId: number) {
  const [statuses, types] = await Promise.all([
    db.characterContract.groupBy({ by: ["status"], where: { characterId } }),
    db.characterContract.groupBy({ by: ["type"], where: { characterId } }),
  ]);
  const known = <T extends string>(all: readonly T[], present: string[]) =>
    all.filter((v) => present.includes(v)).map((value) => ({ value, label: contractLabel(value) }));
  return {
    statuses: known(
      CONTRACT_STATUSES,
      statuses.map((s) => s.status),
    ),
    types: known(
      CONTRACT_TYPES,
      types.map((t) => t.type),
    ),
  };
}

export const contractInput = z.object({ contractId: bigintId.optional() });
export type ContractInput = z.input<typeof contractInput>;

export interface ContractItemRow {
  recordId: string;
  type: { id: number; name: string; groupName: string | null };
  quantity: number;
  /** "original" / "copy" for blueprints, else null. */
  blueprint: "original" | "copy" | null;
  isSingleton: boolean;
}

export interface ContractDetail extends ContractRow {
  /** What the issuer gives. */
  included: ContractItemRow[];
  /** What the issuer asks for in return (item exchanges). */
  requested: ContractItemRow[];
  /** Highest first. */
  bids: { bidId: number; bidder: Named; amount: number; dateBid: Date }[];
}

export async function contractDetail(
  db: Db,
  characterId: number,
  raw: ContractInput = {},
): Promise<ContractDetail | null> {
  const { contractId } = contractInput.parse(raw);
  if (!contractId) return null;
  const row = await db.characterContract.findUnique({
    where: { characterId_contractId: { characterId, contractId: BigInt(contractId) } },
    include: { items: { orderBy: { recordId: "asc" } }, bids: { orderBy: [{ amount: "desc" }, { dateBid: "asc" }] } },
  });
  if (!row) return null;
  const { items, bids, ...contract } = row;
  const [[described], types, bidders] = await Promise.all([
    describeContracts(db, [contract]),
    typeNames(
      db,
      items.map((i) => i.typeId),
    ),
    entityNames(
      db,
      bids.map((b) => b.bidderId),
    ),
  ]);
  const item = (i: (typeof items)[number]): ContractItemRow => ({
    recordId: i.recordId.toString(),
    type: types.get(i.typeId)!,
    quantity: i.quantity,
    blueprint: i.rawQuantity === -1 ? "original" : i.rawQuantity === -2 ? "copy" : null,
    isSingleton: i.isSingleton,
  });
  return {
    ...described!,
    included: items.filter((i) => i.isIncluded).map(item),
    requested: items.filter((i) => !i.isIncluded).map(item),
    bids: bids.map((b) => ({
      bidId: b.bidId,
      bidder: { id: b.bidderId, name: bidders.get(b.bidderId)! },
      amount: Number(b.amount),
      dateBid: b.dateBid,
    })),
  };
}
