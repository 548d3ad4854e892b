// The administrators' character list on real PostgreSQL: each of the seven total update
// states from status rows, token and enabled flag; the filters (status, corporation,
// alliance, enabled, orphan, name); sorting; server paging with cursors bound to their query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAdminCharacters, adminCharacterFilterOptions } from "~/server/admin-characters/list";
import { type TotalStatus, TOTAL_STATUSES } from "~/server/admin-characters/total-status";
import { adminCharacterSections } from "~/server/admin-characters/sections";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { SKIPPED_PREFIX } from "~/server/updates/run-record";
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";
import { createTestDatabase, type TestDatabase } from "../support/database";

const settings = DEFAULT_ENGINE_SETTINGS;
const SECTIONS = enabledSections(settings);
const WALLET_SCOPE = "esi-wallet.read_character_wallet.v1";
const CORP = { A: 98000101, B: 98000102 };
const ALLIANCE = 99000101;
const T0 = new Date("2026-12-01T10:00:00Z");
const T1 = new Date("2026-12-01T10:00:05Z");
let t: TestDatabase;

type Row = {
  isSuccess?: boolean | null;
  errorMessage?: string | null;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  isTokenError?: boolean;
};

interface Fixture {
  id: number;
  name: string;
  expected: TotalStatus;
  corp?: number;
  enabled?: boolean;
  owner?: string | null;
  token?: { status: "VALID" | "INVALID"; scopes: string[] } | null;
  /** Per section: the status row, or null for none; sections left out succeed. */
  rows?: (section: string, index: number) => Row | null;
}

const FIXTURES: Fixture[] = [
  { id: 1, name: "Ok Alpha", expected: "ok" },
  {
    id: 2,
    name: "Disabled Bravo",
    expected: "disabled",
    enabled: false,
    rows: (_s, i) => (i === 0 ? { isSuccess: false } : {}),
  },
  {
    id: 3,
    name: "Running Charlie",
    expected: "in_progress",
    rows: (_s, i) => (i === 0 ? { startedAt: new Date(T1.getTime() + 1000) } : {}),
  },
  {
    id: 4,
    name: "Failing Delta",
    expected: "error",
    rows: (_s, i) => (i === 1 ? { isSuccess: false, errorMessage: "ESI said 502" } : {}),
  },
  { id: 5, name: "Dead Echo", expected: "error", token: { status: "INVALID", scopes: [...CHARACTER_SCOPES] } },
  {
    id: 6,
    name: "Limited Foxtrot",
    expected: "limited_token",
    token: { status: "VALID", scopes: CHARACTER_SCOPES.filter((s) => s !== WALLET_SCOPE) },
    rows: (s) =>
      SECTIONS.find((d) => d.name === s)!.scopes.includes(WALLET_SCOPE)
        ? { isSuccess: false, isTokenError: true, errorMessage: "missing scope" }
        : {},
  },
  { id: 7, name: "New Golf", expected: "unknown", rows: () => null },
  { id: 8, name: "Partial Hotel", expected: "incomplete", corp: CORP.B, rows: (_s, i) => (i % 2 ? null : {}) },
  // A health-gate skip after a success is no error and no gap: the section waits for ESI.
  {
    id: 9,
    name: "Skipped India",
    expected: "ok",
    corp: CORP.B,
    owner: null,
    rows: (_s, i) => (i === 2 ? { errorMessage: `${SKIPPED_PREFIX}ESI is down` } : {}),
  },
  // Skipped before its first success: still a gap.
  {
    id: 10,
    name: "Skipped Juliet",
    expected: "incomplete",
    corp: CORP.B,
    rows: (_s, i) =>
      i === 2
        ? { isSuccess: null, startedAt: null, finishedAt: null, errorMessage: `${SKIPPED_PREFIX}ESI is down` }
        : {},
  },
];

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.eveCharacter.create({ data: { id: 100, name: "Zeta Main", corporationId: CORP.A } });
  await t.db.user.create({ data: { id: "owner", mainCharacterId: 100 } });
  await t.db.characterOwnership.create({ data: { characterId: 100, userId: "owner", ownerHash: "h100" } });
  for (const f of FIXTURES) {
    const corp = f.corp ?? CORP.A;
    await t.db.eveCharacter.create({
      data: {
        id: f.id,
        name: f.name,
        corporationId: corp,
        corporationName: corp === CORP.A ? "Alpha Corp" : "Bravo Corp",
        allianceId: corp === CORP.A ? ALLIANCE : null,
        allianceName: corp === CORP.A ? "The Alliance" : null,
      },
    });
    await t.db.character.create({ data: { id: f.id, isEnabled: f.enabled ?? true } });
    if (f.owner !== null)
      await t.db.characterOwnership.create({ data: { characterId: f.id, userId: "owner", ownerHash: `h${f.id}` } });
    const token = f.token === undefined ? { status: "VALID" as const, scopes: [...CHARACTER_SCOPES] } : f.token;
    if (token)
      await t.db.esiToken.create({
        data: { characterId: f.id, ownerHash: `h${f.id}`, refreshTokenEnc: "x", ...token },
      });
    const rows = SECTIONS.flatMap((s, i) => {
      const over = f.rows ? f.rows(s.name, i) : {};
      if (over === null) return [];
      return [{ characterId: f.id, section: s.name, isSuccess: true, startedAt: T0, finishedAt: T1, ...over }];
    });
    await t.db.sectionUpdateStatus.createMany({ data: rows });
  }
});
afterAll(async () => t?.drop());

const list = (input: Parameters<typeof listAdminCharacters>[2] = {}) => listAdminCharacters(t.db, settings, input);
const ids = async (input: Parameters<typeof listAdminCharacters>[2] = {}) =>
  (await list({ limit: 200, ...input })).rows.map((r) => r.id);

describe("total update status", () => {
  it.each(FIXTURES.map((f) => [f.name, f.expected, f.id] as const))("%s is %s", async (_name, expected, id) => {
    const row = (await list({ limit: 200 })).rows.find((r) => r.id === id)!;
    expect(row.status).toBe(expected);
  });

  it("covers all seven states", () => {
    expect(new Set(FIXTURES.map((f) => f.expected))).toEqual(new Set(TOTAL_STATUSES));
  });

  it("names the failing sections, the token's state and what it lacks, and the last success", async () => {
    const rows = (await list({ limit: 200 })).rows;
    const by = (id: number) => rows.find((r) => r.id === id)!;
    expect(by(4).failingSections).toEqual([SECTIONS[1]!.name]);
    // The limited token's sections are its token's problem, not failures.
    expect(by(6).failingSections).toEqual([]);
    expect(by(6).token).toEqual({ state: "valid", missingScopes: [WALLET_SCOPE] });
    expect(by(5).token).toEqual({ state: "invalid", reason: null });
    expect(by(1).token).toEqual({ state: "valid", missingScopes: [] });
    expect(by(1).lastSuccessAt).toEqual(T1);
    expect(by(7).lastSuccessAt).toBeNull();
    expect(by(9).isOrphan).toBe(true);
    expect(by(1).main).toEqual({ id: 100, name: "Zeta Main" });
  });

  it("the section table shows last success, last error, duration and next due", async () => {
    const table = await adminCharacterSections(t.db, settings, 4, new Date("2026-12-01T10:30:00Z"));
    const failed = table.sections.find((s) => s.section === SECTIONS[1]!.name)!;
    expect(failed).toMatchObject({
      state: "error",
      errorMessage: "ESI said 502",
      lastSuccessAt: null,
      durationMs: 5000,
    });
    expect(failed.nextDue).toEqual({ kind: "next_scan" });
    const ok = table.sections.find((s) => s.section === SECTIONS[0]!.name)!;
    const stale = settings.staleMinutes[SECTIONS[0]!.name]!;
    expect(ok).toMatchObject({ state: "ok", errorMessage: null, lastSuccessAt: T1, durationMs: 5000 });
    expect(ok.nextDue).toEqual(
      T1.getTime() + stale * 60_000 > Date.parse("2026-12-01T10:30:00Z")
        ? { kind: "at", at: new Date(T1.getTime() + stale * 60_000) }
        : { kind: "next_scan" },
    );
    const disabled = await adminCharacterSections(t.db, settings, 2);
    expect(new Set(disabled.sections.map((s) => JSON.stringify(s.nextDue)))).toEqual(
      new Set([JSON.stringify({ kind: "never", reason: "disabled" })]),
    );
    const limited = await adminCharacterSections(t.db, settings, 6);
    const wallet = limited.sections.find((s) => s.section === "wallet_balance")!;
    expect(wallet.nextDue).toEqual({ kind: "never", reason: "token" });
    await expect(adminCharacterSections(t.db, settings, 424242)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("filters, sorting and paging", () => {
  it("filters by status", async () => {
    expect(await ids({ status: "error" })).toEqual([5, 4]);
    expect(await ids({ status: "incomplete" })).toEqual([8, 10]);
    expect(await ids({ status: "ok" })).toEqual([1, 9]);
  });

  it("filters by corporation, alliance, enabled and orphan, and searches names", async () => {
    expect(await ids({ corporationId: CORP.B })).toEqual([8, 9, 10]);
    expect((await ids({ allianceId: ALLIANCE })).length).toBe(7);
    expect(await ids({ enabled: false })).toEqual([2]);
    expect((await ids({ enabled: true })).length).toBe(9);
    expect(await ids({ orphan: true })).toEqual([9]);
    expect(await ids({ orphan: false })).not.toContain(9);
    expect(await ids({ search: "skipped" })).toEqual([9, 10]);
    // The owner's main's name finds their characters; LIKE's wildcards match themselves.
    expect((await ids({ search: "Zeta" })).length).toBe(9);
    expect(await ids({ search: "%" })).toEqual([]);
    expect(await ids({ corporationId: CORP.B, status: "incomplete", orphan: false })).toEqual([8, 10]);
  });

  it("sorts by status in order of urgency, and by last success", async () => {
    const byStatus = (await list({ limit: 200, sort: "status" })).rows.map((r) => r.status);
    expect(byStatus).toEqual([...byStatus].sort((a, b) => TOTAL_STATUSES.indexOf(a) - TOTAL_STATUSES.indexOf(b)));
    expect(byStatus[0]).toBe("disabled");
    const desc = await ids({ sort: "name", order: "desc" });
    expect(desc[0]).toBe(10);
    const bySuccess = (await list({ limit: 200, sort: "lastSuccess" })).rows;
    expect(bySuccess.at(-1)!.lastSuccessAt).toBeNull();
  });

  it("pages on the server: every row once, and a cursor belongs to its query", async () => {
    const first = await list({ limit: 4 });
    expect(first.total).toBe(10);
    expect(first.rows).toHaveLength(4);
    const seen = first.rows.map((r) => r.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await list({ limit: 4, cursor });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(await ids());
    await expect(list({ limit: 4, cursor: first.nextCursor!, status: "ok" })).rejects.toMatchObject({
      code: "BAD_INPUT",
      details: { fields: ["cursor"] },
    });
  });

  it("offers the registered characters' corporations and alliances as filters", async () => {
    const options = await adminCharacterFilterOptions(t.db);
    expect(options.corporations).toEqual([
      { id: CORP.A, name: "Alpha Corp" },
      { id: CORP.B, name: "Bravo Corp" },
    ]);
    expect(options.alliances).toEqual([{ id: ALLIANCE, name: "The Alliance" }]);
  });
});
