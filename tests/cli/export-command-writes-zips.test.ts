// `memberaudit export` run as a separate process: builds the named topics with a
// progress bar, writes each zip under its download name into --out, refuses unknown
// topics, and a second run within the minimum age is refused per topic.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { seedEveryTopic } from "../support/export-seed";
import { exportCsv } from "../support/zip-csv";

let t: TestDatabase;
let out: string;
const target = () => ({ databaseUrl: t.url, simulatorUrl: "http://127.0.0.1:9" });

beforeAll(async () => {
  t = await createTestDatabase();
  await seedEveryTopic(t.db);
  out = await mkdtemp(path.join(tmpdir(), "ma-export-"));
});
afterAll(async () => {
  await t?.drop();
  if (out) await rm(out, { recursive: true, force: true });
});

describe("memberaudit export", () => {
  it("writes each named topic's zip into --out with a progress bar", async () => {
    const { code, out: text } = await runCli(target(), "export", "loyalty", "standings", "--out", out);
    expect(code).toBe(0);
    expect(text).toMatch(/loyalty +\[#+\] 1\/1 rows/);
    const day = new Date().toISOString().slice(0, 10);
    expect((await readdir(out)).sort()).toEqual([`memberaudit_loyalty_${day}.zip`, `memberaudit_standings_${day}.zip`]);
    const { rows } = exportCsv(await readFile(path.join(out, `memberaudit_loyalty_${day}.zip`)));
    expect(rows[1]).toEqual(["Pilot One", "90000001", "Corp A", "98000001", "4200"]);
  }, 120_000);

  it("refuses unknown topics, and a build within the minimum age", async () => {
    const unknown = await runCli(target(), "export", "secrets");
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain("unknown topic: secrets");
    const again = await runCli(target(), "export", "loyalty", "--out", out);
    expect(again.code).toBe(1);
    expect(again.out).toContain("was built less than 60 minutes ago");
  }, 120_000);
});
