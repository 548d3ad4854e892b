// Every topic's zip, built by the job from rows in the database: its CSV header starts
// with the character, its rows carry names beside the ids (types, places, entities),
// ISK as plain decimals, dates in UTC ISO-8601, and rows past the retention cutoff are
// left out where the section keeps data for a limited time. One row per step, so each
// topic's keyset cursor is used for a page after the first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExportBuild } from "~/server/exports/requests";
import { EXPORT_TOPIC_NAMES } from "~/server/exports/topics";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { exportRunner, storedExportFile } from "../support/export-build";
import { RECENT, SEED, seedEveryTopic } from "../support/export-seed";
import { exportCsv } from "../support/zip-csv";

const S = SEED;
const at = RECENT.toISOString();
const station = "Jita IV - Moon 4 - Caldari Navy Assembly Plant";

/** Per topic: how many rows, and fields of the first row by header. */
const EXPECTED: Record<string, { rows: number; first: Record<string, string> }> = {
  assets: {
    rows: 3,
    first: { "Item ID": String(S.ship), Type: "Rifter", Name: "My Rifter", "Location path": station, Group: "Frigate" },
  },
  contacts: {
    rows: 1,
    first: { Contact: "Other Pilot", "Contact ID": String(S.other), Standing: "5", Watched: "yes", Labels: "Friends" },
  },
  contracts: {
    rows: 1,
    first: {
      "Contract ID": "5001",
      Issuer: "Pilot One",
      "Issuer corporation": "Corp A",
      Assignee: "Other Pilot",
      "Acceptor ID": "",
      "Start location": station,
      "Price (ISK)": "1500000.50",
      Issued: at,
    },
  },
  contract_items: {
    rows: 1,
    first: { "Contract ID": "5001", Type: "Veldspar", "Type ID": String(S.ore), Quantity: "100" },
  },
  contract_bids: { rows: 1, first: { Bidder: "Other Pilot", "Amount (ISK)": "2000000.00", Date: at } },
  mails: {
    rows: 1,
    first: {
      "Mail ID": "700",
      Sender: "Other Pilot",
      Recipients: "Pilot One; Corp news",
      "Recipient IDs": `${S.pilot}; 145000001`,
      Subject: "Hello, Pilot",
      Labels: "Inbox",
      Date: at,
    },
  },
  mail_bodies: { rows: 1, first: { "Mail ID": "700", Body: "<font>Fly safe</font>" } },
  skills: { rows: 1, first: { Skill: "Gunnery", "Active level": "4", "Trained level": "5", "Skill points": "256000" } },
  skill_queue: { rows: 1, first: { Position: "0", Skill: "Gunnery", Level: "5", Finish: at } },
  implants: { rows: 1, first: { Implant: "Ocular Filter", "Type ID": String(S.implant) } },
  jump_clones: { rows: 1, first: { Name: "Trade clone", Location: station, Implants: "Ocular Filter" } },
  wallet_journal: {
    rows: 1,
    first: {
      "Entry ID": "9001",
      "Amount (ISK)": "-12.30",
      "First party": "Corp A",
      "Second party": "Pilot One",
      Date: at,
    },
  },
  wallet_transactions: {
    rows: 1,
    first: {
      Type: "Veldspar",
      "Unit price (ISK)": "12.50",
      "Total (ISK)": "125.00",
      Client: "Other Pilot",
      Location: station,
    },
  },
  mining_ledger: {
    rows: 1,
    first: { Date: "2026-11-19", "Solar system": "Jita", Type: "Veldspar", Quantity: "12345" },
  },
  industry_jobs: {
    rows: 1,
    first: {
      Activity: "Manufacturing",
      Blueprint: "Rifter Blueprint",
      Product: "Rifter",
      Facility: station,
      Installer: "Pilot One",
      "Cost (ISK)": "1234.56",
    },
  },
  market_orders: {
    rows: 1,
    first: { Type: "Veldspar", "Price (ISK)": "13.00", Region: "The Forge", Location: station, "Buy order": "no" },
  },
  blueprints: {
    rows: 1,
    first: { Type: "Rifter Blueprint", "Original or copy": "copy", Runs: "5", Location: station },
  },
  killmails: {
    rows: 1,
    first: { "Solar system": "Jita", Victim: "Other Pilot", "Victim ship": "Rifter", "Final blow": "Pilot One" },
  },
  loyalty: { rows: 1, first: { Corporation: "Corp A", "Loyalty points": "4200" } },
  standings: { rows: 1, first: { From: "Corp A", "From type": "npc_corp", Standing: "2.5" } },
  planets: { rows: 1, first: { Planet: "Jita IV", "Solar system": "Jita", "Planet type": "temperate", Pins: "8" } },
  corporation_history: { rows: 1, first: { Corporation: "Corp A", "Corporation ID": String(S.corp), Start: at } },
  notifications: { rows: 1, first: { Type: "StructureUnderAttack", Sender: "Corp A", Read: "no", Time: at } },
};

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedEveryTopic(t.db);
});
afterAll(async () => t?.drop());

async function build(topic: string): Promise<string[][]> {
  const { fileId } = await createExportBuild(t.db, { topic, userId: null, now: new Date(), minUpdateAgeMinutes: 0 });
  await exportRunner(t.db, 1, 30).run({ name: "memberaudit/export.build", data: { fileId, topic } });
  const { name, rows } = exportCsv((await storedExportFile(t.db, topic))!);
  expect(name).toBe(`memberaudit_${topic}.csv`);
  return rows;
}

describe("every export topic", () => {
  it("is covered here", () => {
    expect([...EXPORT_TOPIC_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [topic, expected] of Object.entries(EXPECTED)) {
    it(`${topic}: header, rows with names, retention respected`, async () => {
      const rows = await build(topic);
      const header = rows[0]!;
      expect(header.slice(0, 2)).toEqual(["Character", "Character ID"]);
      expect(rows.slice(1)).toHaveLength(expected.rows);
      const first = rows[1]!;
      expect(first.slice(0, 2)).toEqual(["Pilot One", String(S.pilot)]);
      const got = Object.fromEntries(Object.keys(expected.first).map((h) => [h, first[header.indexOf(h)]]));
      expect(got).toEqual(expected.first);
    });
  }

  it("assets: nested items carry the path through ship and container, and their value", async () => {
    const rows = await build("assets");
    const header = rows[0]!;
    const ore = rows.find((r) => r[header.indexOf("Type")] === "Veldspar")!;
    expect(ore[header.indexOf("Location path")]).toBe(`${station} > My Rifter > Small Secure Container`);
    expect(ore[header.indexOf("Location ID")]).toBe(String(S.station));
    expect(ore[header.indexOf("Value (ISK)")]).toBe("1250.00");
  });
});
