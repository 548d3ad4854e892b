// npm run bench:exports [-- --short]: 1,000,000 wallet-journal rows (100,000 with
// --short) over 200 characters, seeded with INSERT ... SELECT generate_series, exported
// by the build-export job driven by the embedded runner (pg-boss, step memo) on a real
// PostgreSQL, as a single-machine install runs it. Prints the time, the process's RSS
// growth while building (targets: <= 60 s, <= 150 MB for the full million), and checks
// the file by inflating it and counting its lines.
import { performance } from "node:perf_hooks";
import { inflateRawSync } from "node:zlib";
import { buildExportJob } from "~/server/jobs/definitions/exports";
import { createExportBuild, DEFAULT_EXPORT_SETTINGS } from "~/server/exports/requests";
import { createTestDatabase } from "../../tests/support/database";
import { testRunner } from "../../tests/support/job-runner";

const short = process.argv.includes("--short");
const ROWS = short ? 100_000 : 1_000_000;
const CHARACTERS = 200;
const FIRST = 90_000_001;

const t = await createTestDatabase();
try {
  const { db } = t;
  const seedStart = performance.now();
  await db.$executeRaw`INSERT INTO "EveCharacter" (id, name)
    SELECT ${FIRST}::int + g, 'Bench Pilot ' || g FROM generate_series(0, ${CHARACTERS - 1}::int) g`;
  await db.$executeRaw`INSERT INTO "Character" (id) SELECT id FROM "EveCharacter"`;
  await db.$executeRaw`INSERT INTO "EveEntity" (id, category, name)
    SELECT id, 'character', name FROM "EveCharacter"
    UNION ALL SELECT 98000000 + g, 'corporation', 'Bench Corp ' || g FROM generate_series(1, 50) g`;
  await db.$executeRaw`INSERT INTO "CharacterWalletJournalEntry"
      ("characterId", "entryId", date, "refType", amount, balance, description, "firstPartyId", "secondPartyId", tax)
    SELECT ${FIRST}::int + g % ${CHARACTERS}::int, 20000000000 + g,
      timestamp '2026-06-01' + g * interval '7 seconds', 'player_donation',
      round(((g % 20000) - 10000) * 1.37, 2), round(g * 11.11, 2), 'Transfer, number ' || g,
      ${FIRST}::int + g % ${CHARACTERS}::int, 98000001 + g % 50, CASE WHEN g % 3 = 0 THEN round(g % 977 * 0.1, 2) END
    FROM generate_series(1, ${ROWS}::int) g`;
  await db.$executeRaw`ANALYZE`;
  console.log(
    `seeded ${ROWS.toLocaleString("en")} journal rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  const settings = { exports: DEFAULT_EXPORT_SETTINGS, retentionDays: 3650 };
  const runner = testRunner(db, [buildExportJob(() => ({ db }), settings)]);
  await runner.start();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const { fileId } = await createExportBuild(db, {
    topic: "wallet_journal",
    userId: null,
    now: new Date(),
    minUpdateAgeMinutes: 0,
  });
  await runner.send({ name: "memberaudit/export.build", data: { fileId, topic: "wallet_journal" } });
  await runner.idle();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await runner.stop();

  const file = await db.exportFile.findUniqueOrThrow({ where: { id: fileId } });
  const chunks = await db.exportFileChunk.count({ where: { fileId } });
  console.log(
    `status ${file.status}, rows written ${file.rowsWritten.toLocaleString("en")} of ${file.rowsExpected.toLocaleString("en")}`,
  );
  console.log(
    `file ${(Number(file.bytes) / 1_048_576).toFixed(1)} MB in ${chunks} chunk rows (${settings.exports.chunkRows.toLocaleString("en")} rows per step)`,
  );
  console.log(
    `export time: ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds).toLocaleString("en")} rows/s; target <= 60 s for 1,000,000)`,
  );
  console.log(
    `RSS growth: ${((rssPeak - rssBefore) / 1_048_576).toFixed(0)} MB (peak ${(rssPeak / 1_048_576).toFixed(0)} MB; target <= 150 MB)`,
  );

  // Check the bytes: the deflate stream between the local header and the data descriptor inflates to header + ROWS lines.
  const parts = await db.exportFileChunk.findMany({
    where: { fileId },
    orderBy: { seq: "asc" },
    select: { data: true },
  });
  const zip = Buffer.concat(parts.map((p) => Buffer.from(p.data)));
  const nameLength = zip.readUInt16LE(26);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x07, 0x08]));
  const csv = inflateRawSync(zip.subarray(30 + nameLength, end));
  let lines = 0;
  for (let i = csv.indexOf(10); i !== -1; i = csv.indexOf(10, i + 1)) lines++;
  console.log(
    `check: ${lines - 1 === ROWS ? "ok" : "MISMATCH"}, ${(lines - 1).toLocaleString("en")} CSV rows after the header`,
  );
  if (file.status !== "complete" || lines - 1 !== ROWS) process.exitCode = 1;
} finally {
  await t.drop();
}
