// Contracts tab through the tRPC API: contracts newest first with parties and places
// named, status and type filters, a contract's included and requested items and an
// auction's bids, and the access rule.
import { describe, expect, it } from "vitest";
import { contracts } from "~/server/sections/contracts";
import type { ContractDetail, ContractRow } from "~/server/sheet/contracts";
import type { Page } from "~/server/sheet/wallet";
import { characterSection } from "~/simulator/data";
import { useSeededSheet } from "../support/seeded-sheet";

const CHARACTER = 2112000007;
const h = useSeededSheet(CHARACTER, [contracts]);
const where = { characterId: CHARACTER };
const sim = () => characterSection(CHARACTER, "contracts")!;

async function allContracts(input: Record<string, unknown> = {}): Promise<ContractRow[]> {
  const rows: ContractRow[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await h.ok<Page<ContractRow>>("sheet.contracts.list", {
      characterId: CHARACTER,
      limit: 8,
      ...input,
      cursor,
    });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return rows;
}
const storedOrder = async (extra: object = {}) =>
  (
    await h.t.db.characterContract.findMany({
      where: { ...where, ...extra },
      orderBy: [{ dateIssued: "desc" }, { contractId: "desc" }],
    })
  ).map((c) => c.contractId.toString());

describe("contracts sheet", () => {
  it("pages contracts newest first with parties, prices and places named", async () => {
    const rows = await allContracts();
    expect(rows.length).toBeGreaterThan(8);
    expect(rows.map((r) => r.contractId)).toEqual(await storedOrder());
    const last = sim().contracts.at(-1)!;
    const row = rows.find((r) => r.contractId === String(last.contract_id))!;
    expect(row).toMatchObject({ type: last.type, status: last.status, title: last.title ?? "" });
    expect(row.issuer.id).toBe(last.issuer_id);
    const issuer = await h.t.db.eveEntity.findUniqueOrThrow({ where: { id: last.issuer_id } });
    expect(row.issuer.name).toBe(issuer.name);
    if (last.price !== undefined) expect(row.price).toBeCloseTo(last.price, 2);
    const located = rows.filter((r) => r.startLocation);
    expect(located.length).toBeGreaterThan(0);
    expect(located.every((r) => !r.startLocation!.name.startsWith("#"))).toBe(true);
    const couriers = rows.filter((r) => r.type === "courier");
    if (couriers.length) expect(couriers.every((r) => r.endLocation && r.reward !== null)).toBe(true);
  });

  it("filters by status and by type, and offers only the values present", async () => {
    const options = await h.ok<{ statuses: { value: string }[]; types: { value: string }[] }>(
      "sheet.contracts.filterOptions",
      { characterId: CHARACTER },
    );
    expect(options.statuses.map((s) => s.value).sort()).toEqual(
      [...new Set(sim().contracts.map((c) => c.status))].sort(),
    );
    expect(options.types.map((s) => s.value).sort()).toEqual([...new Set(sim().contracts.map((c) => c.type))].sort());
    const type = options.types[0]!.value;
    const byType = await allContracts({ type });
    expect(byType.map((r) => r.contractId)).toEqual(await storedOrder({ type }));
    expect(byType.every((r) => r.type === type)).toBe(true);
    const status = options.statuses[0]!.value;
    const byStatus = await allContracts({ status });
    expect(byStatus.map((r) => r.contractId)).toEqual(await storedOrder({ status }));
    expect(byStatus.length).toBeLessThan((await storedOrder()).length);
  });

  it("opens a contract with its included and requested items named", async () => {
    const items = await h.t.db.characterContractItem.findMany({ where });
    await h.seedTypes(items.map((i) => i.typeId));
    const exchange =
      [...sim().items.entries()].find(
        ([, list]) => list.some((i) => i.is_included) && list.some((i) => !i.is_included),
      ) ?? [...sim().items.entries()].find(([, list]) => list.length > 1)!;
    const [contractId, simItems] = exchange;
    const detail = await h.ok<ContractDetail>("sheet.contracts.detail", {
      characterId: CHARACTER,
      contractId: String(contractId),
    });
    expect(detail.contractId).toBe(String(contractId));
    expect(detail.included.map((i) => i.recordId).sort()).toEqual(
      simItems
        .filter((i) => i.is_included)
        .map((i) => String(i.record_id))
        .sort(),
    );
    expect(detail.requested.map((i) => i.recordId).sort()).toEqual(
      simItems
        .filter((i) => !i.is_included)
        .map((i) => String(i.record_id))
        .sort(),
    );
    expect([...detail.included, ...detail.requested].every((i) => !i.type.name.startsWith("Type "))).toBe(true);
    const first = simItems[0]!;
    const shown = [...detail.included, ...detail.requested].find((i) => i.recordId === String(first.record_id))!;
    expect(shown.quantity).toBe(first.quantity);
    expect(await h.ok("sheet.contracts.detail", { characterId: CHARACTER, contractId: "1" })).toBeNull();
    expect(await h.ok("sheet.contracts.detail", { characterId: CHARACTER })).toBeNull();
  });

  it("shows an auction's bids, highest first, with bidder names", async () => {
    const [contractId, bids] =
      [...sim().bids.entries()].find(([, list]) => list.length > 1) ?? [...sim().bids.entries()][0]!;
    const detail = await h.ok<ContractDetail>("sheet.contracts.detail", {
      characterId: CHARACTER,
      contractId: String(contractId),
    });
    expect(detail.type).toBe("auction");
    expect(detail.bids.map((b) => b.bidId).sort()).toEqual(bids.map((b) => b.bid_id).sort());
    const amounts = detail.bids.map((b) => b.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(amounts[0]).toBeCloseTo(Math.max(...bids.map((b) => b.amount)), 2);
    expect(detail.bids.every((b) => !b.bidder.name.startsWith("#"))).toBe(true);
  });

  it("refuses a malformed cursor or filter with 400 and a character the caller may not view with 404", async () => {
    expect(
      (await h.query("owner", "sheet.contracts.list", { characterId: CHARACTER, cursor: "eyJ4IjoxfQ" })).status,
    ).toBe(400);
    expect((await h.query("owner", "sheet.contracts.list", { characterId: CHARACTER, status: "stolen" })).status).toBe(
      400,
    );
    const [newest] = await storedOrder();
    for (const [path, input] of [
      ["list", {}],
      ["filterOptions", {}],
      ["detail", { contractId: newest }],
    ] as const) {
      expect((await h.query("stranger", `sheet.contracts.${path}`, { characterId: CHARACTER, ...input })).status).toBe(
        404,
      );
      expect((await h.query("admin", `sheet.contracts.${path}`, { characterId: CHARACTER, ...input })).status).toBe(
        200,
      );
    }
  });
});
