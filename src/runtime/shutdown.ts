// Graceful shutdown of the app process on SIGTERM or SIGINT (docs/operations.md,
// "Stopping"): the embedded runner takes no more runs, the runs in hand finish the step
// they are in and go back to the queue (a step still running at SHUTDOWN_TIMEOUT_SECONDS
// goes back too), no section is left marked running, the audit buffer is written, the
// ESI client and the database pool are closed, and the process exits 0. A second Ctrl-C
// exits at once. Next's own handler would exit before this is done: the launcher sets
// NEXT_MANUAL_SIG_HANDLE=1 so that this one is the process's only handler.
import { env } from "~/env";
import { closeAuditBuffers } from "~/server/audit/record";
import { errorField, logger } from "~/server/logging/logger";
import { releaseRunningSections } from "~/server/updates/running-sections";
import { existingAppDeps } from "./deps";
import { existingRunner } from "./jobs";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
const holder = globalThis as unknown as { __memberauditShutdown?: { signal: string; done: Promise<void> } };

/** Installs the handlers once per process. */
export function installGracefulShutdown(): void {
  if (process.listenerCount("SIGTERM") > 0 && !process.env.NEXT_MANUAL_SIG_HANDLE && process.env.NEXT_RUNTIME) {
    logger().warn(
      "NEXT_MANUAL_SIG_HANDLE is not set: Next.js exits on SIGTERM before running job steps are given back (start the app with `npm start`)",
    );
  }
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      const begun = holder.__memberauditShutdown;
      // Ctrl-C twice is impatience: exit now. Any other repeat changes nothing: a process manager signals the
      // whole group (systemd, the tests) and the launcher then forwards its own SIGTERM, after Ctrl-C too.
      if (begun) {
        if (signal !== "SIGINT" || begun.signal !== "SIGINT") return;
        logger().warn("SIGINT again: exiting without waiting");
        process.exit(1);
      }
      const done = shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger().error({ err: errorField(error) }, "shutdown failed");
          process.exit(1);
        },
      );
      holder.__memberauditShutdown = { signal, done };
    });
  }
}

/** The steps of a graceful stop, in order; exported for the process-level test's harness. */
export async function shutdown(signal: string): Promise<void> {
  const timeoutSeconds = env().shutdownTimeoutSeconds;
  const log = logger();
  // Whatever hangs (a pool that does not close), the process still ends, a little after the timeout.
  const failsafe = setTimeout(
    () => {
      log.error(`shutdown did not finish within ${timeoutSeconds + 15}s: exiting`);
      process.exit(1);
    },
    (timeoutSeconds + 15) * 1000,
  );
  failsafe.unref();
  log.info({ signal, timeoutSeconds }, `${signal}: stopping; running job steps get ${timeoutSeconds}s to finish`);
  const runner = existingRunner();
  if (runner) {
    const report = await runner.stop(timeoutSeconds * 1000);
    log.info(report, `job runner stopped: ${report.released + report.abandoned} run(s) given back to the queue`);
  }
  const deps = existingAppDeps();
  if (deps) {
    const sections = await releaseRunningSections(deps.db);
    if (sections > 0) log.info({ sections }, `${sections} section update(s) left unfinished: they run again`);
  }
  await closeAuditBuffers();
  if (deps) {
    await deps.esi.close();
    await deps.db.$disconnect();
  }
  log.info("stopped");
  log.flush();
}
