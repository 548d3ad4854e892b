// Starts the app. `demo`: the ESI/SSO simulator, the embedded database and the app,
// with nothing to configure. `start`: production settings from the environment; the
// embedded database when DATABASE_URL is not set.
import { spawn } from "node:child_process";
import path from "node:path";
import { checkDatabase, type Env, formatConfigError, parseEnv } from "~/env";
import { startEmbeddedPostgres } from "~/server/db/embedded";
import { applyMigrations } from "~/server/db/migrate";
import { makeNewFilesPrivate, securePrivateDir } from "~/server/launch/data-dir";
import { loadOrCreateSecrets } from "~/server/launch/secrets";
import { buildIsStale, runNextBuild } from "~/server/launch/next-build";

const root = path.resolve(import.meta.dirname, "..");
const mode = process.argv[2];
if (mode !== "demo" && mode !== "start") {
  console.error("usage: launch.ts demo|start");
  process.exit(2);
}

/** Stopped last-started first: the app, then the database and simulator it talks to. */
const stops: Array<() => Promise<void>> = [];
let stopping: Promise<never> | undefined;
function shutdown(code: number): Promise<never> {
  // Once: a signal and the app's exit both ask, and the second must not start the stops again.
  stopping ??= (async () => {
    for (const stop of [...stops].reverse()) await stop().catch(() => undefined);
    process.exit(code);
  })();
  return stopping;
}

async function main(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const port = Number(env.PORT ?? 3000);
  const dataDir = path.resolve(root, env.DATA_DIR ?? ".data");
  makeNewFilesPrivate();

  if (mode === "demo") {
    await securePrivateDir(dataDir);
    env.MEMBERAUDIT_MODE = "demo";
    env.APP_URL ??= `http://localhost:${port}`;
    const secrets = await loadOrCreateSecrets(dataDir);
    env.AUTH_SECRET ??= secrets.authSecret;
    env.TOKEN_ENCRYPTION_KEY ??= secrets.tokenEncryptionKey;
    const demo = parseEnv(env);
    const { createSimulator } = await import("~/simulator/server");
    const { driftRule } = await import("~/simulator/faults/drift");
    const simulator = createSimulator({
      clients: [
        { clientId: demo.sso.clientId, clientSecret: demo.sso.clientSecret, redirectUris: [demo.sso.callbackUrl] },
      ],
      stateFile: path.join(dataDir, "simulator.json"),
    });
    // SIM_DRIFT=0.2: a fifth of the answers that can drift come shaped like CCP's off-spec ones.
    const drift = driftRule(env.SIM_DRIFT);
    if (drift) simulator.injectFault(drift);
    const simUrl = await simulator.listen(Number(env.SIM_PORT ?? 4010), "127.0.0.1");
    stops.push(() => simulator.close());
    env.EVE_SSO_BASE_URL = simUrl;
    env.ESI_BASE_URL = simUrl;
    env.EVE_IMAGE_BASE_URL = `${simUrl}/images`;
    console.log(`simulator (EVE SSO + ESI) on ${simUrl}`);
  }

  // Settings first: a bad one stops startup before anything is started.
  let settings: Env;
  try {
    settings = parseEnv(env);
  } catch (error) {
    console.error(formatConfigError(error));
    return shutdown(1);
  }

  if (!settings.databaseUrl) {
    const embeddedDir = path.resolve(root, settings.embeddedDbDir ?? path.join(dataDir, "pglite"));
    await securePrivateDir(embeddedDir);
    const db = await startEmbeddedPostgres({
      dataDir: embeddedDir,
      port: Number(env.EMBEDDED_DB_PORT ?? 0),
    });
    stops.push(() => db.stop());
    env.DATABASE_URL = db.url;
    env.DATABASE_POOL_MAX = "1";
    env.EMBEDDED_DATABASE = "1";
    settings = parseEnv(env);
    console.log("embedded PostgreSQL (PGlite) started");
  }
  try {
    await checkDatabase(settings.databaseUrl!);
  } catch (error) {
    console.error(formatConfigError(error));
    return shutdown(1);
  }
  await applyMigrations(settings.databaseUrl!, { log: (line) => console.log(line) });

  // next-auth v4 reads these names.
  env.NEXTAUTH_URL = settings.appUrl;
  env.NEXTAUTH_SECRET = settings.authSecret;
  // The demo loads market prices and the types its characters use while the app is built (a first start) or
  // before it starts, so the first sheet a new user opens is complete. Launcher-only: Next is not yet connected
  // to the embedded database, whose one session this borrows.
  const preload = mode === "demo" && (env.DEMO_PRELOAD ?? "1") !== "0" && env.DEMO_PRELOAD !== "false";
  const warmUp = preload ? warmUpDemo(settings) : Promise.resolve();
  const build = (await buildIsStale(root)) ? runNextBuild(root, { ...env, NODE_ENV: "production" }) : undefined;
  await Promise.all([warmUp, build]);

  const next = spawn(
    process.execPath,
    [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port)],
    {
      cwd: root,
      // NEXT_MANUAL_SIG_HANDLE: the app's own handler (src/runtime/shutdown.ts) stops it, not Next's, which exits at once.
      env: { ...env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "1" },
      stdio: "inherit",
    },
  );
  const nextExited = new Promise<void>((resolve) => next.once("exit", () => resolve()));
  // Next first, and waited for: the database and the simulator it talks to stop only once it is gone, and a
  // next-server that does not stop in time (its job steps get SHUTDOWN_TIMEOUT_SECONDS) is killed rather
  // than left running without its database.
  const nextGrace = (settings.shutdownTimeoutSeconds + 20) * 1000;
  stops.push(async () => {
    if (next.exitCode !== null) return;
    next.kill("SIGTERM");
    const exited = await Promise.race([
      nextExited.then(() => true),
      new Promise((r) => setTimeout(r, nextGrace, false)),
    ]);
    if (!exited) next.kill("SIGKILL");
  });
  console.log(
    `Member Audit on ${settings.appUrl} (${settings.mode}, jobs: ${settings.inngest.enabled ? "Inngest" : "embedded runner"})`,
  );
  next.on("exit", (code) => void shutdown(code ?? 0));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
}

async function warmUpDemo(settings: Env): Promise<void> {
  const started = Date.now();
  const { rosterTypeIds } = await import("~/simulator/data");
  const { createDb } = await import("~/server/db/client");
  const { createEsiClient } = await import("~/server/esi/client");
  const { warmUpUniverse } = await import("~/server/universe/warm-up");
  const db = createDb(settings.databaseUrl!, 1);
  // The simulator runs in this process: more parallel look-ups than CCP would welcome cost it nothing.
  const esi = createEsiClient({ baseUrl: settings.esi.baseUrl, contact: settings.esi.contact, connections: 32 });
  try {
    const r = await warmUpUniverse({ db, esi }, { typeIds: rosterTypeIds(), concurrency: 32 });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`EVE data ready: ${r.prices} market prices and ${r.types} types loaded in ${seconds} s`);
  } catch (error) {
    // Not fatal: the scheduled jobs load the same data later.
    console.error(`EVE data not preloaded: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await esi.close();
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  void shutdown(1);
});
