// `npm run memberaudit -- uninstall [--yes]`: drops the app's tables, types, functions,
// migration bookkeeping and job queue from DATABASE_URL's database (src/server/cli/uninstall.ts),
// after the operator types the database's name (or with --yes). Needs only DATABASE_URL. The
// embedded database is a folder: the command says which one to delete and changes nothing.
import path from "node:path";
import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import pg from "pg";
import { settingsShape } from "~/env";
import {
  planIsEmpty,
  planUninstall,
  QUEUE_SCHEMA,
  type UninstallPlan,
  UninstallRefused,
  uninstall,
} from "~/server/cli/uninstall";

export interface UninstallIo {
  input: Readable;
  output: Writable;
  /** Whether a person can answer the prompt (stdin is a terminal). */
  interactive: boolean;
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Asks for the database's name; true only when it is typed exactly. */
export async function confirmByName(input: Readable, output: Writable, database: string): Promise<boolean> {
  const rl = createInterface({ input, output, terminal: false });
  try {
    const answer = await rl.question(`Type the database name (${database}) to drop all of the above: `);
    return answer.trim() === database;
  } catch {
    return false;
  } finally {
    rl.close();
  }
}

const wrap = (items: string[], indent = "    ", width = 100) => {
  const lines: string[] = [];
  let line = indent;
  for (const [i, item] of items.entries()) {
    const piece = `${item}${i < items.length - 1 ? "," : ""}`;
    if (line.length + piece.length + 1 > width && line.trim()) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${piece} `;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
};

function describePlan(
  plan: Pick<UninstallPlan, "tables" | "types" | "functions" | "queueSchema" | "extensions">,
  extensionsLabel: (n: number) => string = (n) => (n === 1 ? "extension" : "extensions"),
) {
  const lines: string[] = [];
  const list = (label: string, items: string[]) => {
    if (items.length) lines.push(`  ${items.length} ${label}:`, ...wrap(items));
  };
  list(plan.tables.length === 1 ? "table" : "tables", plan.tables);
  list(plan.types.length === 1 ? "type" : "types", plan.types);
  list(plan.functions.length === 1 ? "function" : "functions", plan.functions);
  if (plan.queueSchema) lines.push(`  schema ${QUEUE_SCHEMA} (the embedded runner's job queue, with all its objects)`);
  list(extensionsLabel(plan.extensions.length), plan.extensions);
  return lines;
}

export async function runUninstallCommand(
  source: Record<string, string | undefined>,
  options: { yes: boolean },
  io: UninstallIo,
): Promise<number> {
  const databaseUrl = source.DATABASE_URL?.trim();
  if (!databaseUrl) {
    const dataDir = path.resolve(source.DATA_DIR?.trim() || ".data");
    io.log(
      `No DATABASE_URL: the app's data is the embedded database in ${path.join(dataDir, "pglite")}.\n` +
        `Stop the app and delete ${dataDir} (it also holds the generated secrets). Nothing was changed.`,
    );
    return 2;
  }
  const checked = settingsShape.DATABASE_URL.safeParse(databaseUrl);
  if (!checked.success) {
    io.error(`Invalid setting DATABASE_URL: ${checked.error.issues[0]?.message ?? "invalid"}`);
    return 1;
  }
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    // The URL is never printed: it carries the password.
    io.error(`DATABASE_URL: the database cannot be reached (${(error as Error).message.split("\n")[0]})`);
    return 1;
  }
  try {
    const plan = await planUninstall(client);
    if (planIsEmpty(plan)) {
      io.log(`Database "${plan.database}" holds nothing of the app's. Nothing was dropped.`);
      return 0;
    }
    io.log(`This drops from database "${plan.database}", for good (take a backup first: pg_dump):`);
    for (const line of describePlan(
      plan,
      (n) => `${n === 1 ? "extension" : "extensions"} the migrations create, unless other objects remain`,
    ))
      io.log(line);
    if (!options.yes) {
      if (!io.interactive) {
        io.error(
          "Refusing without confirmation: run it in a terminal and type the database name, or add --yes. Nothing was dropped.",
        );
        return 2;
      }
      if (!(await confirmByName(io.input, io.output, plan.database))) {
        io.error("Not confirmed. Nothing was dropped.");
        return 2;
      }
    }
    const result = await uninstall(client, plan);
    io.log(`Dropped from database "${plan.database}":`);
    for (const line of describePlan(result.dropped)) io.log(line);
    for (const kept of result.keptExtensions) io.log(`  kept extension ${kept.name}: ${kept.reason}`);
    io.log("The database itself is left in place; drop it with dropdb if nothing else uses it.");
    return 0;
  } catch (error) {
    if (error instanceof UninstallRefused) {
      io.error(`Uninstall refused: ${error.message}. Nothing was dropped.`);
      return 1;
    }
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
