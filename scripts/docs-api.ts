// npm run docs:api: writes docs/api-procedures.md from the router (src/server/api/procedure-list.ts),
// the outputs through the TypeScript compiler (src/server/api/procedure-outputs.ts).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderProcedureList } from "~/server/api/procedure-list";

const started = performance.now();
const target = path.resolve(import.meta.dirname, "../docs/api-procedures.md");
writeFileSync(target, renderProcedureList());
console.log(`wrote ${path.relative(process.cwd(), target)} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
