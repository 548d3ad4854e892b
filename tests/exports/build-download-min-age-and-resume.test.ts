// An export built through the router and the job: the zip opens and its CSV holds the
// journal with names; the download is recorded and streams the same bytes; the
// requester is notified; a second build within the minimum age is refused by the
// server; a build killed halfway leaves the previous file the only one visible, and
// its retry (resumed from the memo, or started over) ends with one complete file.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadViewer } from "~/server/access/viewer";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { flushAudit } from "~/server/audit/record";
import { exportDownloadResponse } from "~/server/exports/download";
import { DEFAULT_EXPORT_SETTINGS, exportFileStates } from "~/server/exports/requests";
import { testAppDeps, type TestAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { exportRunner, StepsInterrupted, storedExportFile } from "../support/export-build";
import { exportCsv } from "../support/zip-csv";

const PILOT = 90000001;
const CORP = 98000001;
const ENTRIES = 25;
let t: TestDatabase;
let deps: TestAppDeps;

const caller = (userId: string) => appRouter.createCaller({ deps, user: { id: userId } as CurrentUser });
const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

async function seedJournal(count: number, amountOffset = 0) {
  await t.db.characterWalletJournalEntry.deleteMany();
  await t.db.characterWalletJournalEntry.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      characterId: PILOT,
      entryId: BigInt(1000 + i),
      date: new Date(Date.UTC(2026, 10, 1, 12, 0, i)),
      refType: "player_donation",
      amount: `${i % 2 ? "-" : ""}${1000 + i + amountOffset}.25`,
      balance: "5000000.00",
      description: `Donation, number ${i}`,
      firstPartyId: PILOT,
      secondPartyId: CORP,
    })),
  });
}

async function lastEvent() {
  const event = deps.sentEvents.at(-1)!;
  expect(event.name).toBe("memberaudit/export.build");
  return event;
}

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  const exporter = await t.db.group.create({
    data: { name: "exporters", permissions: ["basic_access", "exports_access"] },
  });
  const members = await t.db.group.create({
    data: { name: "members", permissions: ["basic_access", "reports_access"] },
  });
  await t.db.user.create({ data: { id: "exporter", memberships: { create: { groupId: exporter.id } } } });
  await t.db.user.create({ data: { id: "member", memberships: { create: { groupId: members.id } } } });
  await t.db.eveCharacter.create({ data: { id: PILOT, name: "Pilot, the First" } });
  await t.db.character.create({ data: { id: PILOT } });
  await t.db.eveEntity.createMany({
    data: [
      { id: PILOT, category: "character", name: "Pilot, the First" },
      { id: CORP, category: "corporation", name: '=Corp "Quoted"' },
    ],
  });
});
afterAll(async () => t?.drop());
beforeEach(() => {
  deps.exports = { ...DEFAULT_EXPORT_SETTINGS, minUpdateAgeMinutes: 60 };
});

describe("an export build", () => {
  it("writes a zip whose CSV holds every journal row with names, ISK as plain decimals and UTC dates", async () => {
    await seedJournal(ENTRIES);
    await caller("exporter").exports.build({ topic: "wallet_journal" });
    const runner = exportRunner(t.db, 10);
    await runner.run(await lastEvent());
    expect(runner.ran).toEqual(["start", "chunk-0", "chunk-1", "chunk-2", "finish"]);

    const { name, rows } = exportCsv((await storedExportFile(t.db, "wallet_journal"))!);
    expect(name).toBe("memberaudit_wallet_journal.csv");
    expect(rows[0]!.slice(0, 6)).toEqual(["Character", "Character ID", "Entry ID", "Date", "Type", "Amount (ISK)"]);
    expect(rows).toHaveLength(ENTRIES + 1);
    const header = rows[0]!;
    const col = (row: string[], h: string) => row[header.indexOf(h)];
    const second = rows[2]!;
    expect(col(second, "Character")).toBe("Pilot, the First");
    expect(col(second, "Entry ID")).toBe("1001");
    expect(col(second, "Date")).toBe("2026-11-01T12:00:01.000Z");
    expect(col(second, "Amount (ISK)")).toBe("-1001.25");
    expect(col(second, "First party")).toBe("Pilot, the First");
    expect(col(second, "Second party")).toBe(`'=Corp "Quoted"`);
    expect(col(second, "Second party ID")).toBe(String(CORP));
    expect(rows.slice(1).map((r) => col(r, "Entry ID"))).toEqual(
      Array.from({ length: ENTRIES }, (_, i) => String(1000 + i)),
    );

    const notes = await t.db.notification.findMany({ where: { userId: "exporter" } });
    expect(notes.map((n) => [n.level, n.title])).toEqual([["success", "Export finished: Wallet journal"]]);
  });

  it("downloads the stored file under memberaudit_<topic>_<UTC date>.zip and records who, what and when", async () => {
    const viewer = await loadViewer(t.db, "exporter");
    const response = await exportDownloadResponse(t.db, viewer, "exporter", "wallet_journal", "192.0.2.7");
    const day = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="memberaudit_wallet_journal_${day}.zip"`,
    );
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals((await storedExportFile(t.db, "wallet_journal"))!)).toBe(true);
    const downloads = await t.db.exportDownload.findMany();
    expect(downloads.map((d) => [d.userId, d.topic])).toEqual([["exporter", "wallet_journal"]]);
    expect(Date.now() - downloads[0]!.createdAt.getTime()).toBeLessThan(60_000);
    await flushAudit(t.db);
    const audit = await t.db.auditEvent.findMany({ where: { action: "export.download" } });
    expect(audit.map((a) => [a.actorUserId, a.detail, a.address])).toEqual([
      ["exporter", "wallet_journal", "192.0.2.7"],
    ]);
  });

  it("is refused by the server within the minimum age, and while another build of the topic runs", async () => {
    expect(await code(caller("exporter").exports.build({ topic: "wallet_journal" }))).toBe("TOO_MANY_REQUESTS");
    deps.exports = { ...DEFAULT_EXPORT_SETTINGS, minUpdateAgeMinutes: 0 };
    await caller("exporter").exports.build({ topic: "wallet_transactions" });
    expect(await code(caller("exporter").exports.build({ topic: "wallet_transactions" }))).toBe("CONFLICT");
    await exportRunner(t.db, 10).run(await lastEvent());
    expect(await code(caller("exporter").exports.build({ topic: "wallet_transactions" }))).toBe("ok");
    await exportRunner(t.db, 10).run(await lastEvent());
  });

  it("refuses build, progress and download without exports_access", async () => {
    expect(await code(caller("member").exports.build({ topic: "wallet_journal" }))).toBe("FORBIDDEN");
    expect(await code(caller("member").exports.progress())).toBe("FORBIDDEN");
    expect(await code(caller("member").exports.overview())).toBe("FORBIDDEN");
    const viewer = await loadViewer(t.db, "member");
    await expect(exportDownloadResponse(t.db, viewer, "member", "wallet_journal")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportDownloadResponse(t.db, null, null, "wallet_journal")).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(await t.db.exportDownload.count({ where: { userId: "member" } })).toBe(0);
  });

  for (const retry of ["resumed from its finished steps", "started over"] as const) {
    it(`killed halfway keeps the previous file the only one visible; ${retry}, it ends with one complete file`, async () => {
      deps.exports = { ...DEFAULT_EXPORT_SETTINGS, minUpdateAgeMinutes: 0 };
      const before = (await storedExportFile(t.db, "wallet_journal"))!;
      await seedJournal(ENTRIES + 5, 500);
      await caller("exporter").exports.build({ topic: "wallet_journal" });
      const event = await lastEvent();
      const runner = exportRunner(t.db, 10);
      await expect(runner.run(event, { dieBefore: "chunk-2" })).rejects.toBeInstanceOf(StepsInterrupted);

      expect((await storedExportFile(t.db, "wallet_journal"))!.equals(before)).toBe(true);
      const viewer = await loadViewer(t.db, "exporter");
      const during = await exportDownloadResponse(t.db, viewer, "exporter", "wallet_journal");
      expect(Buffer.from(await during.arrayBuffer()).equals(before)).toBe(true);
      const state = (await exportFileStates(t.db, new Date(), 0)).find((s) => s.topic === "wallet_journal")!;
      expect(state.build).toMatchObject({ rowsWritten: 20, rowsExpected: ENTRIES + 5 });

      const again = retry === "started over" ? exportRunner(t.db, 10) : runner;
      await again.run(event);
      if (retry === "resumed from its finished steps") {
        expect(runner.ran).toEqual(["start", "chunk-0", "chunk-1", "chunk-2", "chunk-3", "finish"]);
      }
      const { rows } = exportCsv((await storedExportFile(t.db, "wallet_journal"))!);
      expect(rows).toHaveLength(ENTRIES + 5 + 1);
      expect(rows[1]![rows[0]!.indexOf("Amount (ISK)")]).toBe("1500.25");
      expect(await t.db.exportFile.count({ where: { topic: "wallet_journal" } })).toBe(1);
      const files = await t.db.exportFile.findMany({ select: { id: true } });
      expect(await t.db.exportFileChunk.count({ where: { fileId: { notIn: files.map((f) => f.id) } } })).toBe(0);
    });
  }
});
