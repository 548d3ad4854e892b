// The status page's section and token figures over seeded status rows: each enabled
// character's last run counted once as ok, error, stale or token fault (running besides),
// the last success, p50/p95 of the runs' durations, failures in the last 24 hours and by
// hour; tokens valid, invalid, expiring, and characters without one. Disabled characters
// are left out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFailuresByHour, readSections } from "~/server/status/sections";
import { readTokens } from "~/server/status/tokens";
import { DEFAULT_ENGINE_SETTINGS } from "~/server/updates/engine-settings";
import { createTestDatabase, type TestDatabase } from "../support/database";

const NOW = new Date("2026-12-07T12:30:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const STALE = DEFAULT_ENGINE_SETTINGS.staleMinutes.wallet_balance!;

let t: TestDatabase;

interface Row {
  isSuccess: boolean | null;
  isTokenError?: boolean;
  startedAt: Date | null;
  finishedAt: Date | null;
}

// wallet_balance, one row per character: durations 1..10 s for the finished ones.
const WALLET: Row[] = [
  { isSuccess: true, startedAt: ago(5), finishedAt: new Date(ago(5).getTime() + 1000) },
  { isSuccess: true, startedAt: ago(6), finishedAt: new Date(ago(6).getTime() + 2000) },
  { isSuccess: true, startedAt: ago(STALE + 30), finishedAt: new Date(ago(STALE + 30).getTime() + 3000) },
  { isSuccess: false, startedAt: ago(90), finishedAt: new Date(ago(90).getTime() + 4000) },
  { isSuccess: false, startedAt: ago(60 * 30), finishedAt: new Date(ago(60 * 30).getTime() + 10_000) },
  { isSuccess: false, isTokenError: true, startedAt: ago(10), finishedAt: new Date(ago(10).getTime() + 5000) },
  { isSuccess: null, startedAt: ago(1), finishedAt: null },
];

beforeAll(async () => {
  t = await createTestDatabase();
  const ids = [...WALLET.keys(), 7, 8].map((i) => 90_000_001 + i);
  for (const id of ids) {
    await t.db.eveCharacter.create({ data: { id, name: `c${id}` } });
    await t.db.character.create({ data: { id, isEnabled: id !== ids[8] } });
  }
  for (const [i, row] of WALLET.entries())
    await t.db.sectionUpdateStatus.create({
      data: { characterId: ids[i]!, section: "wallet_balance", isTokenError: false, ...row },
    });
  // The disabled character's failure is not counted.
  await t.db.sectionUpdateStatus.create({
    data: { characterId: ids[8]!, section: "wallet_balance", isSuccess: false, startedAt: ago(3), finishedAt: ago(2) },
  });
  const token = (characterId: number, status: "VALID" | "INVALID", expiresIn: number) =>
    t.db.esiToken.create({
      data: {
        characterId,
        ownerHash: "h",
        refreshTokenEnc: "x",
        scopes: [],
        status,
        accessTokenExpiresAt: new Date(NOW.getTime() + expiresIn * 60_000),
      },
    });
  await token(ids[0]!, "VALID", 15);
  await token(ids[1]!, "VALID", 2);
  await token(ids[2]!, "VALID", -30);
  await token(ids[5]!, "INVALID", -60);
});
afterAll(() => t?.drop());

describe("section figures", () => {
  it("count each enabled character's last run once, with durations and the day's failures", async () => {
    const sections = await readSections(t.db, DEFAULT_ENGINE_SETTINGS, NOW);
    const wallet = sections.find((s) => s.section === "wallet_balance")!;
    expect(wallet).toMatchObject({ ok: 2, error: 2, stale: 2, tokenFault: 1, running: 1, failures24h: 2 });
    expect(wallet.lastSuccess).toEqual(new Date(ago(5).getTime() + 1000));
    // Durations 1, 2, 3, 4, 10, 5 s: median 3.5, p95 between 5 and 10.
    expect(wallet.p50Seconds).toBeCloseTo(3.5, 5);
    expect(wallet.p95Seconds).toBeGreaterThan(5);
    expect(wallet.p95Seconds).toBeLessThanOrEqual(10);
    // Every enabled section has a row, with zeros where nothing ran.
    const skills = sections.find((s) => s.section === "skills")!;
    expect(skills).toMatchObject({ ok: 0, error: 0, stale: 0, tokenFault: 0, running: 0, failures24h: 0 });
    expect(skills.p50Seconds).toBeNull();
    expect(sections.some((s) => s.section === "roles")).toBe(DEFAULT_ENGINE_SETTINGS.rolesEnabled);
  });

  it("put the last 24 hours' failures in their hours", async () => {
    const hours = await readFailuresByHour(t.db, NOW);
    expect(hours).toHaveLength(24);
    expect(hours.at(-1)!.hour).toEqual(new Date("2026-12-07T12:00:00Z"));
    const counted = Object.fromEntries(
      hours.filter((h) => h.failures > 0).map((h) => [h.hour.toISOString(), h.failures]),
    );
    // 90 and 10 minutes ago (a token fault is a failed run too); not the disabled character's 2 minutes ago.
    expect(counted).toEqual({ "2026-12-07T11:00:00.000Z": 1, "2026-12-07T12:00:00.000Z": 1 });
  });
});

describe("token figures", () => {
  it("count valid, invalid and expiring tokens, and enabled characters without one", async () => {
    expect(await readTokens(t.db, NOW)).toEqual({ valid: 3, invalid: 1, expiring: 2, withoutToken: 4 });
  });
});
