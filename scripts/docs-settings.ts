// npm run docs:settings: writes the settings table into docs/operations.md ("Settings") from src/env.ts.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { OPERATIONS_MD, readOperationsManual, settingsWithoutDescription, withSettingsTable } from "./settings-table";

const missing = settingsWithoutDescription();
if (missing.length > 0) {
  console.error(`settings without a description in src/env.ts (settingDocs): ${missing.join(", ")}`);
  process.exit(1);
}
writeFileSync(OPERATIONS_MD, withSettingsTable(readOperationsManual()));
console.log(`wrote ${path.relative(process.cwd(), OPERATIONS_MD)} (settings table)`);
