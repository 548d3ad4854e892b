// npm run memberaudit -- <command>: management commands (see `help`).
// Settings come from the environment as for `npm start`; without DATABASE_URL the
// embedded database in DATA_DIR is used (stop the app first: PGlite has one owner).
import path from "node:path";
import { type Env, formatConfigError, parseEnv } from "~/env";
import { countSectionRows, resetSectionData } from "~/server/cli/section-data";
import { updateDurations } from "~/server/cli/update-stats";
import { startEmbeddedPostgres } from "~/server/db/embedded";
import { applyMigrations } from "~/server/db/migrate";
import { isAppError } from "~/server/errors/app-error";
import { EXPORT_TOPIC_NAMES } from "~/server/exports/topics";
import { characterUpdate } from "~/server/jobs/events";
import { enabledSections } from "~/server/updates/engine-settings";
import { runCharacterSection, validateSectionNames } from "~/server/updates/update-character";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { planUpdates } from "~/server/updates/update-plan";

// Each command on a line of its own, two spaces in: tests/cli/commands-are-documented.test.ts
// reads them from `help` and checks that docs/operations.md and the README list every one.
const HELP = `usage: npm run memberaudit -- <command> [options]
  update-characters [section ...] [--all] [--character ID] [--inline]
      update stale sections (or the named ones) of every enabled character (or one);
      --all updates even fresh sections; --inline runs here (always, without Inngest)
  reset-characters [--character ID] [--reload] --yes
      delete all section data and update statuses, keeping characters and tokens;
      --reload updates everything afterwards
  stats            effective settings, rows per section table, stale minutes, update durations
  load-eve [--category ID ...] [--refresh]
      preload EVE types, groups, categories (and skill dogma) for Member Audit's categories
      (or the given ones); known types are skipped unless --refresh
  export <topic ...> | --all [--out DIR]
      build data export files here (the minimum age between builds applies) and write
      them to DIR (the current folder); topics: ${EXPORT_TOPIC_NAMES.join(", ")}
  uninstall [--yes]
      drop the app's tables, types, functions, migration bookkeeping and job queue from
      DATABASE_URL's database, after you type its name (or with --yes); needs only DATABASE_URL`;

const args = process.argv.slice(2);
const command = args[0];
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args
  .slice(1)
  .filter((a, i, all) => !a.startsWith("--") && !["--character", "--out"].includes(all[i - 1] ?? ""));

async function main(): Promise<number> {
  if (!command || command === "help" || command === "--help") {
    console.log(HELP);
    return command ? 0 : 2;
  }
  if (command === "uninstall") {
    const { runUninstallCommand } = await import("./uninstall-command");
    return runUninstallCommand(
      process.env,
      { yes: flag("--yes") },
      {
        input: process.stdin,
        output: process.stdout,
        interactive: Boolean(process.stdin.isTTY),
        log: (line) => console.log(line),
        error: (line) => console.error(line),
      },
    );
  }
  let env = { ...process.env };
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(env.DATA_DIR ?? ".data", "pglite"), port: 0 });
    env = { ...env, DATABASE_URL: embedded.url, DATABASE_POOL_MAX: "1" };
    await applyMigrations(embedded.url);
  }
  try {
    let settings: Env;
    try {
      settings = parseEnv(env);
    } catch (error) {
      console.error(formatConfigError(error));
      return 1;
    }
    Object.assign(process.env, env);
    const { appDeps } = await import("~/runtime/deps");
    const deps = appDeps();
    const characterId = option("--character") ? Number(option("--character")) : undefined;
    if (option("--character") && !Number.isSafeInteger(characterId)) {
      console.error("--character needs a numeric character id");
      return 2;
    }

    if (command === "stats") {
      console.log(
        "effective settings:",
        JSON.stringify({
          retentionDays: settings.engine.section.retentionDays,
          assetsChunkSize: settings.engine.section.assetsChunkSize,
          rolesEnabled: settings.engine.rolesEnabled,
          updateCron: settings.engine.updateCron,
          jobs: settings.inngest.enabled ? "Inngest" : "embedded runner",
        }),
      );
      console.log("\nstale minutes per section:");
      for (const s of enabledSections(settings.engine))
        console.log(`  ${s.name.padEnd(24)} ${settings.engine.staleMinutes[s.name]}`);
      console.log("\nrows per section table:");
      for (const [model, count] of Object.entries(await countSectionRows(deps.db)))
        console.log(`  ${model.padEnd(36)} ${count}`);
      console.log("\nupdate durations (successful runs):");
      for (const d of await updateDurations(deps.db)) {
        console.log(
          `  ${d.section.padEnd(24)} n=${d.runs}  min ${d.minSeconds.toFixed(2)} s  avg ${d.avgSeconds.toFixed(2)} s  max ${d.maxSeconds.toFixed(2)} s`,
        );
      }
      return 0;
    }

    if (command === "export") {
      const { runExportCommand } = await import("./export-command");
      const topics = flag("--all") ? EXPORT_TOPIC_NAMES : positional;
      return runExportCommand(deps.db, settings, topics, option("--out") ?? ".");
    }

    if (command === "load-eve") {
      const { loadEve } = await import("~/server/cli/load-eve");
      const categories = args.flatMap((a, i) => (args[i - 1] === "--category" ? [Number(a)] : []));
      if (categories.some((c) => !Number.isSafeInteger(c) || c <= 0)) {
        console.error("--category needs a numeric category id");
        return 2;
      }
      const report = await loadEve(deps, {
        categories: categories.length ? categories : undefined,
        refresh: flag("--refresh"),
        log: (line) => console.log(line),
        progress: (done, total) => {
          if (done % 100 === 0 || done === total) process.stdout.write(`\r  ${done}/${total} types fetched`);
        },
      });
      if (report.stored > 0) process.stdout.write("\n");
      console.log(
        `${report.categories} categories, ${report.groups} groups, ${report.types} types (${report.stored} stored now), ${report.requests} ESI requests, ${report.failed.length} failed`,
      );
      for (const f of report.failed.slice(0, 20)) console.log(`  ${f.kind} ${f.id}: ${f.reason}`);
      return 0;
    }

    if (command === "reset-characters") {
      if (!flag("--yes")) {
        console.error("This deletes all section data. Run again with --yes to confirm.");
        return 2;
      }
      const deleted = await resetSectionData(deps.db, characterId ? [characterId] : undefined);
      console.log(`deleted ${deleted} rows of section data`);
      if (!flag("--reload")) return 0;
      args.push("--all");
    }

    if (command === "update-characters" || command === "reset-characters") {
      const sections = validateSectionNames(command === "update-characters" ? positional : [], settings.engine);
      const all = flag("--all");
      const plan = await planUpdates(deps.db, settings.engine, { sections, all, characterId });
      const total = [...plan.values()].reduce((n, s) => n + s.length, 0);
      console.log(`${plan.size} characters, ${total} section updates`);
      if (settings.inngest.enabled && !flag("--inline")) {
        await deps.sendEvents(
          [...plan].map(([id, names]) => ({
            name: characterUpdate.name,
            data: { characterId: id, sections: names, force: all },
          })),
        );
        console.log(`queued ${plan.size} character updates with Inngest`);
        return 0;
      }
      const update = updateDepsFrom(deps);
      let done = 0;
      let failed = 0;
      let deferred = 0;
      for (const [id, names] of plan) {
        for (const name of names) {
          const outcome = await runCharacterSection(update, id, name, { force: all, settings: settings.engine });
          if (outcome.status === "failed") failed += 1;
          if (outcome.status === "deferred") deferred += 1;
          done += 1;
          if (done % 25 === 0 || done === total)
            process.stdout.write(`\r  ${done}/${total} section updates, ${failed} failed, ${deferred} deferred`);
        }
      }
      process.stdout.write("\n");
      return failed > 0 ? 1 : 0;
    }

    console.error(`unknown command ${command}\n${HELP}`);
    return 2;
  } catch (error) {
    // A bad section name, or another refusal meant for the operator.
    if (isAppError(error) && error.code === "BAD_INPUT") {
      console.error(error.message);
      return 2;
    }
    throw error;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
