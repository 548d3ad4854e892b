// A separate process running the embedded job runner against a database, as an app
// process does, for the restart and two-process tests (tests/jobs/):
//   tsx tests/support/job-worker.ts <database url> seed <n>   queue n runs of test/effect, exit
//   tsx tests/support/job-worker.ts <database url> work       work until killed
//   tsx tests/support/job-worker.ts <database url> drain      work until nothing is left, exit
// Each run records every step it executes (test_step_calls) and writes its effect once per
// key (test_effects); stdout says "effect <key>" after each write, "idle" when drained.
// JOB_CONCURRENCY and POOL_MAX size it; TICK_CRON adds a cron job writing test_ticks.
import { z } from "zod";
import { createDb, sqlPoolOf } from "~/server/db/client";
import { EmbeddedRunner } from "~/server/jobs/embedded-runner";
import { defineEvent, defineJob, type JobDefinition } from "~/server/jobs/job";

export const effectEvent = defineEvent("test/effect", z.object({ key: z.number().int() }));

export const WORKER_TABLES_SQL = `
  CREATE TABLE test_effects (key int PRIMARY KEY, pid int NOT NULL);
  CREATE TABLE test_step_calls (key int NOT NULL, step text NOT NULL);
  CREATE TABLE test_ticks (pid int NOT NULL, at timestamptz NOT NULL DEFAULT now());
`;

async function main() {
  const [url, mode, count] = process.argv.slice(2);
  if (!url || !mode) throw new Error("usage: job-worker.ts <database url> seed <n> | work | drain");
  const db = createDb(url, Number(process.env.POOL_MAX ?? 1));
  const jobs: JobDefinition<any>[] = [
    defineJob({
      id: "test-effect",
      trigger: effectEvent,
      retries: 3,
      async handler({ event, step }) {
        const { key } = event.data;
        await step.run(
          "record",
          () => db.$executeRaw`INSERT INTO test_step_calls (key, step) VALUES (${key}, 'record')`,
        );
        await step.run("write", async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          await db.$executeRaw`INSERT INTO test_step_calls (key, step) VALUES (${key}, 'write')`;
          // The effect: keyed, so doing it again changes nothing (as a section's write is keyed by its content hash).
          await db.$executeRaw`INSERT INTO test_effects (key, pid) VALUES (${key}, ${process.pid}) ON CONFLICT (key) DO NOTHING`;
          process.stdout.write(`effect ${key}\n`);
        });
      },
    }),
  ];
  if (process.env.TICK_CRON) {
    jobs.push(
      defineJob({
        id: "test-tick",
        trigger: { cron: process.env.TICK_CRON },
        retries: 0,
        handler: () => db.$executeRaw`INSERT INTO test_ticks (pid) VALUES (${process.pid})`,
      }),
    );
  }
  const runner = new EmbeddedRunner(jobs, {
    db,
    sql: sqlPoolOf(db),
    concurrency: Number(process.env.JOB_CONCURRENCY ?? 2),
    pollIntervalMs: 200,
    retryDelaySeconds: 0,
    heartbeatSeconds: 10,
    superviseIntervalSeconds: 1,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (mode === "seed") {
    const n = Number(count);
    await runner.send(Array.from({ length: n }, (_, key) => ({ name: effectEvent.name, data: { key } })));
  } else {
    await runner.start();
    process.stdout.write("started\n");
    if (mode === "work") await new Promise(() => undefined);
    await runner.idle();
    process.stdout.write("idle\n");
  }
  await runner.stop();
  await db.$disconnect();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
