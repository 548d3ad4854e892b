// Mutations change exactly the section they name, in the way they promise,
// bump dataVersion, and replay identically after the cache drops the character.
import { beforeEach, describe, expect, it } from "vitest";
import {
  characterSection,
  configureSimData,
  dataVersion,
  MUTATION_KINDS,
  type MutationKind,
  mutateCharacter,
  resetSimData,
} from "~/simulator/data";
import { findSkill } from "~/simulator/data/catalog";
import { spForLevel } from "~/simulator/data/skills";
import { walletBalance } from "~/simulator/data/wallet";
import { simCharacters } from "~/simulator/roster";
import { changedSections, snapshot } from "../support/sim-data-snapshot";

const ANCHOR = Date.UTC(2026, 10, 1);
const NOW = ANCHOR + 3 * 3_600_000;
const ID = 2112000004;

beforeEach(() => {
  resetSimData();
  configureSimData({ seed: 5, anchorMs: ANCHOR });
});

const data = <K extends Parameters<typeof characterSection>[1]>(name: K, id = ID) => {
  const section = characterSection(id, name);
  if (!section) throw new Error(`no ${name}`);
  return section;
};

describe("mutateCharacter", () => {
  it.each(MUTATION_KINDS.filter((k) => k !== "all"))(
    "%s touches only its own section and bumps dataVersion",
    (kind) => {
      const before = snapshot(ID);
      const result = mutateCharacter(ID, kind, NOW);
      expect(result.dataVersion).toBe(1);
      expect(dataVersion(ID)).toBe(1);
      expect(changedSections(before, snapshot(ID))).toEqual([kind]);
      expect(Object.keys(result.changed)).toEqual([kind]);
      expect(result.changed[kind]?.length).toBeGreaterThan(0);
    },
  );

  it("all touches every mutable section once", () => {
    const before = snapshot(ID);
    const result = mutateCharacter(ID, "all", NOW);
    expect(result.dataVersion).toBe(1);
    expect(changedSections(before, snapshot(ID)).sort()).toEqual([
      "assets",
      "contacts",
      "contracts",
      "location",
      "mail",
      "skills",
      "wallet",
    ]);
  });

  it("wallet adds journal entries and transactions at the given time, keeping the balance", () => {
    const journalBefore = data("wallet").journal.length;
    const transactionsBefore = data("wallet").transactions.length;
    const { changed } = mutateCharacter(ID, "wallet", NOW);
    const wallet = data("wallet");
    const added = wallet.journal.slice(journalBefore);
    expect(added.map((e) => e.id)).toEqual(changed.wallet);
    expect(added.every((e) => Date.parse(e.date) >= NOW)).toBe(true);
    expect(wallet.transactions.length - transactionsBefore).toBe(
      added.filter((e) => e.ref_type === "market_transaction").length,
    );
    let balance = wallet.journal[journalBefore - 1]?.balance ?? wallet.openingBalance;
    for (const e of added) {
      expect(Math.abs((e.balance ?? 0) - balance - (e.amount ?? 0))).toBeLessThan(0.011);
      balance = e.balance ?? 0;
    }
    expect(walletBalance(wallet)).toBe(balance);
  });

  it("skills finishes the head of the queue", () => {
    const id = simCharacters
      .map((c) => c.characterId)
      .find((cid) => (characterSection(cid, "skills")?.queue.length ?? 0) > 1)!;
    const before = data("skills", id);
    const head = { ...before.queue[0]! };
    const queueLength = before.queue.length;
    const totalBefore = before.skills.total_sp;
    const spBefore = before.skills.skills.find((s) => s.skill_id === head.skill_id)?.skillpoints_in_skill ?? 0;
    expect(mutateCharacter(id, "skills", NOW).changed.skills).toEqual([head.skill_id]);
    const after = data("skills", id);
    const skill = after.skills.skills.find((s) => s.skill_id === head.skill_id)!;
    expect(skill.trained_skill_level).toBe(head.finished_level);
    expect(skill.skillpoints_in_skill).toBe(spForLevel(findSkill(head.skill_id)!.rank, head.finished_level));
    expect(after.skills.total_sp - totalBefore).toBe(skill.skillpoints_in_skill - spBefore);
    expect(after.queue).toHaveLength(queueLength - 1);
    expect(after.queue.map((q) => q.queue_position)).toEqual(after.queue.map((_, i) => i));
    if (after.queue[0]?.start_date) expect(Date.parse(after.queue[0].start_date)).toBe(Math.floor(NOW / 1000) * 1000);
  });

  it("assets moves and adds items without breaking the tree or the generated base", () => {
    const base = data("assets").base;
    const before = new Map(data("assets").items.map((i) => [i.item_id, i]));
    const { changed } = mutateCharacter(ID, "assets", NOW);
    const assets = data("assets");
    expect(assets.base).toBe(base);
    const after = new Map(assets.items.map((i) => [i.item_id, i]));
    for (const id of changed.assets ?? []) {
      const old = before.get(id);
      const now = after.get(id)!;
      expect(now).toBeDefined();
      if (old) expect(now.location_id).not.toBe(old.location_id);
    }
    expect(assets.items.length).toBeGreaterThan(before.size);
    for (const item of assets.items)
      if (item.location_type === "item" && item.location_flag !== "Hangar")
        expect(after.has(item.location_id)).toBe(true);
  });

  it("mail delivers new unread mail with higher ids", () => {
    const maxBefore = Math.max(...data("mail").headers.map((h) => h.mail_id ?? 0));
    const { changed } = mutateCharacter(ID, "mail", NOW);
    for (const id of changed.mail ?? []) {
      const header = data("mail").headers.find((h) => h.mail_id === id)!;
      expect(id).toBeGreaterThan(maxBefore);
      expect(header.is_read).toBe(false);
      expect(Date.parse(header.timestamp ?? "")).toBeGreaterThanOrEqual(NOW - 1000);
    }
  });

  it("location moves to another system and ship", () => {
    const before = structuredClone(data("location"));
    mutateCharacter(ID, "location", NOW);
    const after = data("location");
    expect(after.location.solar_system_id).not.toBe(before.location.solar_system_id);
    expect(after.ship.ship_item_id).not.toBe(before.ship.ship_item_id);
    expect(after.online.online).toBe(true);
  });

  it("contacts and contracts change what they report", () => {
    const contactsBefore = data("contacts").contacts.length;
    expect(mutateCharacter(ID, "contacts", NOW).changed.contacts).toHaveLength(3);
    expect(data("contacts").contacts.length).toBe(contactsBefore + 2);
    const contractsBefore = data("contracts").contracts.length;
    const touched = mutateCharacter(ID, "contracts", NOW).changed.contracts ?? [];
    const contracts = data("contracts").contracts;
    expect(contracts.length).toBe(contractsBefore + 1);
    const fresh = contracts.find((c) => c.contract_id === touched[touched.length - 1])!;
    expect(fresh.status).toBe("outstanding");
    expect(Date.parse(fresh.date_issued)).toBe(Math.floor(NOW / 1000) * 1000);
    expect(dataVersion(ID)).toBe(2);
  });

  it("replays recorded mutations identically after the cache drops the character", () => {
    const kinds: MutationKind[] = ["wallet", "skills", "all", "assets", "mail", "wallet"];
    for (const [i, kind] of kinds.entries()) mutateCharacter(ID, kind, NOW + i * 60_000);
    const mutated = snapshot(ID);
    configureSimData({});
    expect(snapshot(ID)).toEqual(mutated);
    expect(dataVersion(ID)).toBe(kinds.length);
  });

  it("rejects unknown characters and kinds", () => {
    expect(() => mutateCharacter(2114000000, "wallet", NOW)).toThrow(RangeError);
    expect(() => mutateCharacter(ID, "teleport" as MutationKind, NOW)).toThrow(RangeError);
    expect(dataVersion(ID)).toBe(0);
  });
});
