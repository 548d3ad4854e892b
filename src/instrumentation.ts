// Runs once when the server starts: settings are validated before any request, so
// a bad setting stops startup naming the setting instead of failing later.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkDatabase, env, formatConfigError } = await import("~/env");
  try {
    const { databaseUrl } = env();
    if (databaseUrl) await checkDatabase(databaseUrl);
  } catch (error) {
    console.error(formatConfigError(error));
    process.exit(1);
  }
  if (!env().inngest.enabled) {
    // No Inngest server: this process runs the schedules and the jobs itself.
    const { appRunner } = await import("~/runtime/deps");
    // The queue lives in the database: a runner that cannot start leaves the runs queued for the next start.
    await appRunner()
      .start()
      .catch((error: unknown) => console.error(`[jobs] the job runner did not start: ${String(error)}`));
  }
  // A new install has no market prices until the 15-minute cron's first tick: load them now, in the background
  // (one query when they are fresh). The first sheet's asset values should not wait for the schedule.
  const { appDeps } = await import("~/runtime/deps");
  const { warmUpUniverse } = await import("~/server/universe/warm-up");
  void Promise.resolve()
    .then(() => warmUpUniverse(appDeps()))
    .then(
      (r) => r.prices > 0 && console.warn(`[start] ${r.prices} market prices loaded`),
      (error: unknown) => console.error(`[start] market prices not loaded yet: ${String(error)}`),
    );
  // The audit log is buffered in memory (docs/audit.md): write what is pending before the process goes.
  const { closeAuditBuffers } = await import("~/server/audit/record");
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void closeAuditBuffers().finally(() => {
        // Alone on the signal we replace Node's default exit, so exit like it would have.
        if (process.listenerCount(signal) === 0) process.exit(0);
      });
    });
  }
}
