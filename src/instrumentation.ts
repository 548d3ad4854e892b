// Runs once when the server starts: settings are validated before any request, so
// a bad setting stops startup naming the setting instead of failing later.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkDatabase, env, formatConfigError } = await import("~/env");
  try {
    const { databaseUrl } = env();
    if (databaseUrl) await checkDatabase(databaseUrl);
  } catch (error) {
    // One plain line before the logger exists: its own settings may be the bad ones.
    console.error(formatConfigError(error));
    process.exit(1);
  }
  const { configureAppLogging } = await import("~/runtime/deps");
  configureAppLogging();
  const { logger } = await import("~/server/logging/logger");
  if (!env().inngest.enabled) {
    // No Inngest server: this process runs the schedules and the jobs itself.
    const { appRunner } = await import("~/runtime/deps");
    // The queue lives in the database: a runner that cannot start leaves the runs queued for the next start.
    await appRunner()
      .start()
      .catch((error: unknown) => logger().error({ err: String(error) }, "the job runner did not start"));
  }
  // A new install has no market prices until the 15-minute cron's first tick: load them now, in the background
  // (one query when they are fresh). The first sheet's asset values should not wait for the schedule.
  const { appDeps } = await import("~/runtime/deps");
  const { warmUpUniverse } = await import("~/server/universe/warm-up");
  void Promise.resolve()
    .then(() => warmUpUniverse(appDeps()))
    .then(
      (r) => r.prices > 0 && logger().info({ prices: r.prices }, "market prices loaded at start"),
      (error: unknown) => logger().warn({ err: String(error) }, "market prices not loaded yet"),
    );
  // SIGTERM/SIGINT: runs given back to the queue, sections not left running, audit buffer written, pools closed.
  const { installGracefulShutdown } = await import("~/runtime/shutdown");
  installGracefulShutdown();
}
