// npm run docs:api: writes docs/api-procedures.md from the router (src/server/api/procedure-list.ts).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderProcedureList } from "~/server/api/procedure-list";

const target = path.resolve(import.meta.dirname, "../docs/api-procedures.md");
writeFileSync(target, renderProcedureList());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
