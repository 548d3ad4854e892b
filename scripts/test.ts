// npm test: the whole suite (unit, integration on real PostgreSQL, simulator, and
// Chromium end-to-end), then one plain summary line that CI reads.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const report = path.join(root, "test-results", "vitest.json");
mkdirSync(path.dirname(report), { recursive: true });

const result = spawnSync(
  process.execPath,
  [
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit" },
);

try {
  const summary = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { name: string; status: string; assertionResults: { status: string }[] }[];
  };
  // A file that fails before its tests run (a set-up error) fails no test: count it as a failure, or the
  // summary would read "0 failed" while its tests show up as skipped.
  const brokenFiles = summary.testResults.filter(
    (file) => file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed"),
  );
  for (const file of brokenFiles) console.log(`failed before its tests ran: ${path.relative(root, file.name)}`);
  console.log(
    `\n${summary.numPassedTests} passed, ${summary.numFailedTests + brokenFiles.length} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`,
  );
} catch {
  console.log("\n0 passed, 1 failed");
}
process.exit(result.status ?? 1);
