// What makes the synthetic data realistic: skill points that follow ranks and
// levels, prerequisites met, a consistent running balance, an asset tree whose
// every parent exists with modules fitted in real slots, coherent contracts,
// killmails and colonies, and the volumes promised for roster and synthetic pilots.
import { beforeAll, describe, expect, it } from "vitest";
import {
  characterContext,
  characterSection,
  configureSimData,
  resetSimData,
  SYNTHETIC_FIRST_ID,
} from "~/simulator/data";
import { findSkill, findStructure, implantsBySlot } from "~/simulator/data/catalog";
import { decodeKillmailId, killmailDetail, recentKillmails } from "~/simulator/data/killmails";
import { mailLabels } from "~/simulator/data/mail";
import { spForLevel } from "~/simulator/data/skills";
import { walletBalance } from "~/simulator/data/wallet";
import { simCharacters } from "~/simulator/roster";
import { categoryOfType, DOGMA, findSchematic, findType } from "~/simulator/sde";

const ANCHOR = Date.UTC(2026, 10, 1);
const SAMPLE = [
  ...simCharacters.map((c) => c.characterId),
  SYNTHETIC_FIRST_ID,
  SYNTHETIC_FIRST_ID + 321,
  SYNTHETIC_FIRST_ID + 4567,
];

beforeAll(() => {
  resetSimData();
  configureSimData({ seed: 3, anchorMs: ANCHOR });
});

const section = <K extends Parameters<typeof characterSection>[1]>(id: number, name: K) => {
  const data = characterSection(id, name);
  if (!data) throw new Error(`no ${name} for ${id}`);
  return data;
};

describe("skills", () => {
  it("follows CCP's curve: 250 x rank x sqrt(32)^(level-1)", () => {
    for (const rank of [1, 2, 3, 5, 8, 12, 16]) {
      for (let level = 1; level <= 5; level++) {
        const exact = 250 * rank * Math.sqrt(32) ** (level - 1);
        expect(spForLevel(rank, level)).toBeGreaterThanOrEqual(exact - 1e-6);
        expect(spForLevel(rank, level) - exact).toBeLessThan(1);
      }
    }
    expect([1, 2, 3, 4, 5].map((l) => spForLevel(1, l))).toEqual([250, 1415, 8000, 45255, 256000]);
  });

  it.each(SAMPLE)("are consistent with levels, ranks, prerequisites and the queue for %i", (id) => {
    const { skills, queue, attributes } = section(id, "skills");
    const levels = new Map(skills.skills.map((s) => [s.skill_id, s.trained_skill_level]));
    const head = queue[0];
    for (const s of skills.skills) {
      const info = findSkill(s.skill_id);
      expect(info, `skill ${s.skill_id} is a real skill`).toBeDefined();
      const rank = info?.rank ?? 1;
      expect(s.active_skill_level).toBeLessThanOrEqual(s.trained_skill_level);
      if (head?.skill_id === s.skill_id) {
        expect(s.skillpoints_in_skill).toBe(head.training_start_sp);
        expect(s.skillpoints_in_skill).toBeGreaterThanOrEqual(spForLevel(rank, s.trained_skill_level));
        expect(s.skillpoints_in_skill).toBeLessThan(spForLevel(rank, s.trained_skill_level + 1));
      } else {
        expect(s.skillpoints_in_skill).toBe(spForLevel(rank, s.trained_skill_level));
      }
      if (s.trained_skill_level > 0)
        for (const [required, level] of info?.requires ?? [])
          expect(levels.get(required) ?? 0).toBeGreaterThanOrEqual(level);
    }
    expect(skills.total_sp).toBe(skills.skills.reduce((sum, s) => sum + s.skillpoints_in_skill, 0));
    const volumes = characterContext(id)!.profile.volumes;
    expect(skills.skills.length).toBeGreaterThanOrEqual(Math.min(50, volumes.skills));
    expect(skills.skills.length).toBeLessThanOrEqual(420);
    const queued = new Map(levels);
    queue.forEach((entry, i) => {
      const rank = findSkill(entry.skill_id)?.rank ?? 1;
      expect(entry.queue_position).toBe(i);
      expect(entry.finished_level).toBe((queued.get(entry.skill_id) ?? 0) + 1);
      queued.set(entry.skill_id, entry.finished_level);
      expect(entry.level_start_sp).toBe(spForLevel(rank, entry.finished_level - 1));
      expect(entry.level_end_sp).toBe(spForLevel(rank, entry.finished_level));
      if (entry.start_date && entry.finish_date) {
        expect(Date.parse(entry.finish_date)).toBeGreaterThan(Date.parse(entry.start_date));
        const next = queue[i + 1];
        if (next?.start_date) expect(next.start_date).toBe(entry.finish_date);
      }
    });
    const sum =
      attributes.charisma + attributes.intelligence + attributes.memory + attributes.perception + attributes.willpower;
    expect(sum).toBe(99);
  });
});

describe("wallet", () => {
  it.each(SAMPLE)("keeps a running balance and links every market transaction for %i", (id) => {
    const wallet = section(id, "wallet");
    const problems: string[] = [];
    let previous = wallet.openingBalance;
    let lastId = 0;
    for (const entry of wallet.journal) {
      const balance = entry.balance ?? 0;
      if (Math.abs(balance - (previous + (entry.amount ?? 0))) >= 0.011)
        problems.push(`${entry.id}: balance ${balance} after ${previous} + ${entry.amount}`);
      if (balance < 0) problems.push(`${entry.id}: negative balance`);
      if (entry.id <= lastId) problems.push(`${entry.id}: id not increasing`);
      previous = balance;
      lastId = entry.id;
    }
    expect(walletBalance(wallet)).toBe(wallet.journal[wallet.journal.length - 1]?.balance ?? wallet.openingBalance);
    const journal = new Map(wallet.journal.map((e) => [e.id, e]));
    for (const t of wallet.transactions) {
      const entry = journal.get(t.journal_ref_id);
      if (entry?.ref_type !== "market_transaction" || entry.context_id !== t.transaction_id)
        problems.push(`${t.transaction_id}: no journal entry`);
      else if (
        Math.abs(Math.abs(entry.amount ?? 0) - t.quantity * t.unit_price) >= 0.011 ||
        (entry.amount ?? 0) < 0 !== t.is_buy
      )
        problems.push(`${t.transaction_id}: amount`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });
});

describe("assets", () => {
  it.each(SAMPLE)("form a tree whose parents exist, with modules fitted in real slots, for %i", (id) => {
    const { items } = section(id, "assets");
    const byId = new Map(items.map((i) => [i.item_id, i]));
    expect(byId.size).toBe(items.length);
    const problems: string[] = [];
    let fitted = 0;
    for (const item of items) {
      if (!findType(item.type_id)) problems.push(`${item.item_id}: unknown type ${item.type_id}`);
      if (item.is_singleton && item.quantity !== 1) problems.push(`${item.item_id}: singleton quantity`);
      if (item.location_type !== "item") continue;
      if (item.location_flag === "Hangar") {
        if (!findStructure(item.location_id)) problems.push(`${item.item_id}: hangar of unknown structure`);
        continue;
      }
      const parent = byId.get(item.location_id);
      if (!parent) problems.push(`${item.item_id}: parent ${item.location_id} missing`);
      const slot = /^(Hi|Med|Lo|Rig)Slot(\d)$/.exec(item.location_flag);
      if (!slot || !parent) continue;
      fitted += 1;
      const hull = findType(parent.type_id);
      const kind = slot[1] as "Hi" | "Med" | "Lo" | "Rig";
      const countAttr = { Hi: DOGMA.hiSlots, Med: DOGMA.medSlots, Lo: DOGMA.lowSlots, Rig: DOGMA.rigSlots }[kind];
      if (!hull || categoryOfType(hull) !== 6) problems.push(`${item.item_id}: fitted to a non-ship`);
      if (Number(slot[2]) >= (hull?.dogma?.[countAttr] ?? 0))
        problems.push(`${item.item_id}: slot ${item.location_flag} beyond the hull's slots`);
      if (findType(item.type_id)?.slot !== { Hi: "hi", Med: "med", Lo: "lo", Rig: "rig" }[kind])
        problems.push(`${item.item_id}: module does not fit ${item.location_flag}`);
    }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(fitted).toBeGreaterThan(0);
  });

  it("derives blueprints and jobs from the blueprint items", () => {
    const id = 2112000003;
    const items = new Map(section(id, "assets").items.map((i) => [i.item_id, i]));
    const { jobs } = section(id, "industry");
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      expect(items.get(job.blueprint_id)?.type_id).toBe(job.blueprint_type_id);
      expect(Date.parse(job.end_date)).toBeGreaterThan(Date.parse(job.start_date));
      if (job.status === "active") expect(Date.parse(job.end_date)).toBeGreaterThan(ANCHOR);
    }
  });
});

describe("other sections", () => {
  it.each(SAMPLE)("keep contracts, mining, clones, mail and colonies coherent for %i", (id) => {
    const contracts = section(id, "contracts");
    for (const c of contracts.contracts) {
      expect(Date.parse(c.date_expired)).toBeGreaterThan(Date.parse(c.date_issued));
      if (c.status.startsWith("finished"))
        expect(c.acceptor_id !== 0 && c.date_accepted !== undefined && c.date_completed !== undefined).toBe(true);
      if (c.status === "in_progress") expect(c.type === "courier" && c.acceptor_id !== 0).toBe(true);
      if (c.acceptor_id === 0) expect(c.date_accepted).toBeUndefined();
      expect(contracts.items.get(c.contract_id)?.length).toBeGreaterThan(0);
    }
    const mining = section(id, "industry").mining;
    expect(new Set(mining.map((m) => `${m.date}|${m.solar_system_id}|${m.type_id}`)).size).toBe(mining.length);
    for (const m of mining) expect(ANCHOR - Date.parse(m.date)).toBeLessThanOrEqual(30 * 86_400_000);
    const slotOf = new Map(
      [...implantsBySlot().entries()].flatMap(([slot, types]) => types.map((t) => [t.id, slot] as const)),
    );
    const { clones, implants } = section(id, "clones");
    for (const set of [implants, ...clones.jump_clones.map((c) => c.implants)])
      expect(new Set(set.map((t) => slotOf.get(t))).size).toBe(set.length);
    const mail = section(id, "mail");
    const labels = mailLabels(mail);
    expect(labels.total_unread_count).toBe(mail.headers.filter((h) => !h.is_read).length);
    for (const colony of section(id, "planets").colonies) {
      const layout = section(id, "planets").layouts.get(colony.planet_id)!;
      const pins = new Set(layout.pins.map((p) => p.pin_id));
      expect(colony.num_pins).toBe(pins.size);
      for (const link of layout.links)
        expect(pins.has(link.source_pin_id) && pins.has(link.destination_pin_id)).toBe(true);
      for (const route of layout.routes)
        expect(pins.has(route.source_pin_id) && pins.has(route.destination_pin_id)).toBe(true);
      for (const pin of layout.pins)
        if (pin.schematic_id) expect(findSchematic(pin.schematic_id)?.pinTypeIds).toContain(pin.type_id);
    }
  });

  it("builds killmails the character took part in, with damage that adds up", () => {
    for (const id of [2112000010, 2112000001]) {
      const ctx = characterContext(id)!;
      const recent = recentKillmails(ctx);
      expect(recent.length).toBe(ctx.profile.volumes.killmails);
      for (const ref of recent.slice(0, 20)) {
        const decoded = decodeKillmailId(ref.killmail_id)!;
        expect(decoded.characterId).toBe(id);
        const kill = killmailDetail(ctx, decoded.n)!;
        expect(kill.attackers.reduce((s, a) => s + a.damage_done, 0)).toBe(kill.victim.damage_taken);
        expect(kill.attackers.filter((a) => a.final_blow)).toHaveLength(1);
        expect(kill.victim.character_id === id || kill.attackers.some((a) => a.character_id === id)).toBe(true);
      }
    }
  });
});

describe("volumes", () => {
  it("gives the roster fixed, moderate volumes", () => {
    for (const c of simCharacters) {
      const id = c.characterId;
      expect(section(id, "assets").items.length).toBeGreaterThanOrEqual(300);
      expect(section(id, "assets").items.length).toBeLessThanOrEqual(3000);
      expect(section(id, "wallet").journal.length).toBeGreaterThanOrEqual(500);
      expect(section(id, "wallet").journal.length).toBeLessThanOrEqual(5000);
      expect(section(id, "skills").skills.skills.length).toBeGreaterThanOrEqual(50);
      expect(section(id, "mail").headers.length).toBeLessThanOrEqual(2000);
    }
  });

  it("draws synthetic volumes from heavy tails up to ESI's maxima", () => {
    const volumes = Array.from(
      { length: 2000 },
      (_, i) => characterContext(SYNTHETIC_FIRST_ID + i * 47)!.profile.volumes,
    );
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const assets = volumes.map((v) => v.assets);
    const journal = volumes.map((v) => v.journal);
    expect(Math.max(...assets)).toBe(50_000);
    expect(Math.max(...journal)).toBe(50_000);
    expect(Math.max(...volumes.map((v) => v.mails))).toBe(2000);
    expect(Math.min(...assets)).toBeGreaterThanOrEqual(0);
    expect(median(assets)).toBeGreaterThan(300);
    expect(median(assets)).toBeLessThan(2000);
    expect(median(journal)).toBeLessThan(2000);
    for (const v of volumes) {
      expect(v.skills).toBeGreaterThanOrEqual(50);
      expect(v.skills).toBeLessThanOrEqual(400);
      expect(v.contacts).toBeLessThanOrEqual(1024);
      expect(v.killmails).toBeLessThanOrEqual(999);
    }
  });

  it("generates exactly the profile's volumes for synthetic characters", () => {
    for (const id of [SYNTHETIC_FIRST_ID + 7, SYNTHETIC_FIRST_ID + 70]) {
      const v = characterContext(id)!.profile.volumes;
      expect(section(id, "assets").items.length).toBe(v.assets);
      expect(section(id, "wallet").journal.length).toBe(v.journal);
      expect(section(id, "mail").headers.length).toBe(v.mails);
      expect(section(id, "contracts").contracts.length).toBe(v.contracts);
    }
  });
});
