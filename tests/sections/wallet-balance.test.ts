// The template's tests: first load, no change (no section row written), changed
// data, an ESI failure (last good data kept, error recorded), an invalid token.
import { describe, expect, it } from "vitest";
import { walletBalance } from "~/server/sections/wallet-balance";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000001;
const h = useSectionHarness(CHARACTER, walletBalance);
const balance = () => h.db.characterWalletBalance.findUniqueOrThrow({ where: { characterId: CHARACTER } });

describe("wallet_balance section", () => {
  it("loads the balance on first run and records success", async () => {
    expect(await h.run()).toEqual({ section: "wallet_balance", status: "updated", written: 1 });
    expect(Number((await balance()).total)).toBeGreaterThan(0);
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("writes no section row when nothing changed", async () => {
    const before = await balance();
    expect((await h.run()).status).toBe("unchanged");
    expect((await balance()).updatedAt).toEqual(before.updatedAt);
  });

  it("stores changed data", async () => {
    const before = await balance();
    h.sim.mutateCharacter(CHARACTER, "wallet");
    h.sim.expireCaches(CHARACTER);
    expect((await h.run(true)).status).toBe("updated");
    expect((await balance()).total.equals(before.total)).toBe(false);
  });

  it("keeps the last good data and records the error when ESI fails", async () => {
    await h.expectFailureKeeps("/characters/{character_id}/wallet", async () => (await balance()).total.toString());
  });

  it("records an invalid token as a token error without a retry storm", async () => {
    await h.expectTokenError();
  });
});
