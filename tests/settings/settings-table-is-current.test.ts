// docs/operations.md's settings table is generated from src/env.ts (npm run docs:settings): a
// setting added, removed, re-ranged or re-described without regenerating it fails here, and
// so does a setting without a description.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv, settingDocs, settingsShape } from "~/env";
import {
  BEGIN_MARKER,
  END_MARKER,
  readOperationsManual,
  renderSettingsTable,
  settingRows,
  settingsWithoutDescription,
  withSettingsTable,
} from "../../scripts/settings-table";

const rows = () => Object.fromEntries(settingRows().map((r) => [r.name, r]));

describe("the generated settings table", () => {
  it("matches src/env.ts exactly (run npm run docs:settings after changing settings)", () => {
    const manual = readOperationsManual();
    expect(manual).toContain(BEGIN_MARKER);
    expect(manual).toContain(END_MARKER);
    expect(manual).toBe(withSettingsTable(manual));
  });

  it("has a description for every setting the schema checks, and none for a setting it does not", () => {
    expect(settingsWithoutDescription()).toEqual([]);
    const known = new Set(Object.keys(settingsShape));
    expect(Object.keys(settingDocs).filter((name) => !known.has(name))).toEqual([]);
    // One row per setting, nothing left out.
    expect(settingRows().map((r) => r.name)).toEqual(Object.keys(settingsShape));
  });

  it("reads defaults, ranges, choices and requirements from the schema", () => {
    const r = rows();
    expect(r.JOB_CONCURRENCY).toMatchObject({ default: "`2`", allowed: "whole number, 1–64", required: "no" });
    expect(r.MEMBERAUDIT_DATA_RETENTION_LIMIT).toMatchObject({ default: "`360`", allowed: "whole number, 7 or more" });
    expect(r.MEMBERAUDIT_MODE).toMatchObject({ default: "`production`", allowed: "`demo`, `production`" });
    expect(r.MEMBERAUDIT_UPDATE_CRON!.default).toBe("`*/15 * * * *`");
    expect(r.AUTH_SECRET!.required).toBe("always");
    expect(r.TOKEN_ENCRYPTION_KEY!.required).toBe("always");
    expect(r.APP_URL!.required).toBe("production");
    expect(r.LDAP_USER_SEARCH_BASE!.required).toBe("with `LDAP_URL`");
  });

  it("agrees with what parseEnv accepts at the edges of a range it prints", () => {
    const base = { AUTH_SECRET: "s".repeat(40), TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64") };
    const demo = { ...base, MEMBERAUDIT_MODE: "demo" };
    expect(parseEnv({ ...demo, JOB_CONCURRENCY: "64" }).jobConcurrency).toBe(64);
    expect(() => parseEnv({ ...demo, JOB_CONCURRENCY: "65" })).toThrow(/JOB_CONCURRENCY/);
    expect(() => parseEnv({ ...demo, PORT: "70000" })).toThrow(/PORT/);
  });

  it("escapes pipes so a value cannot break the table's columns", () => {
    const table = renderSettingsTable();
    const columns = (line: string) => line.replaceAll("\\|", "").split("|").length;
    const lines = table.split("\n");
    for (const line of lines) expect(columns(line)).toBe(columns(lines[0]!));
  });

  it("is the one settings table: the README links to it instead of keeping its own", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    expect(readme).toContain("docs/operations.md#settings");
    expect(readme).not.toMatch(/^\| `APP_URL`/m);
  });
});
