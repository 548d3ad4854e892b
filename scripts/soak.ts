// npm run soak [-- --minutes N] [-- --short]: the fault soak (docs/soak.md). The built app
// with its embedded runner, against the simulator injecting 10 % 5xx, timeouts, 420s and
// 429s, and a token revoked mid-run; 50 signed-in users read sheets over loopback HTTP;
// halfway the app is killed with SIGKILL and started again. Figures only, no pass/fail.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SECTION_NAMES } from "~/server/sections/names";
import { simCharacters } from "~/simulator/roster";
import { createTestDatabase } from "../tests/support/database";
import { ensureBuilt, freePort } from "../tests/support/demo-app";
import { CLIENT } from "../tests/support/simulator";
import { type AppProcess, startApp } from "./soak/app-process";
import { runCli } from "./soak/cli";
import { diffCounts, type RowCounts, rowCounts, stuckRunning, watchRuns } from "./soak/db-watch";
import { ESI_TIMEOUT_MS, ONE_420, standingFaults } from "./soak/faults";
import { referenceLoad } from "./soak/reference";
import { type Jar, mutate, registerCharacter, signIn } from "./soak/sessions";
import { formatReport } from "./soak/report";
import { newCounters, runUsers } from "./soak/users";
import { startSimProcess } from "./bench/sim-process";

const argv = process.argv.slice(2);
const short = argv.includes("--short");
const minutesArg = argv.indexOf("--minutes");
const minutes = short ? 2.5 : minutesArg >= 0 ? Number(argv[minutesArg + 1]) : 30;
const charactersArg = argv.indexOf("--characters");
// The short form's characters finish their first load before the kill even on a busy CI machine.
const characterCount = charactersArg >= 0 ? Number(argv[charactersArg + 1]) : short ? 4 : simCharacters.length;
if (!(minutes > 0) || !(characterCount >= 2 && characterCount <= simCharacters.length)) {
  console.error(`usage: npm run soak -- [--minutes N | --short] [--characters 2..${simCharacters.length}]`);
  process.exit(2);
}
const USERS = 50;
const STALE_MINUTES = 2;
const workDir = mkdtempSync(path.join(tmpdir(), "ma-soak-"));
const logFile = path.join(workDir, "app.log");
const started = Date.now();
const clock = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};
const say = (line: string) => console.log(`[${clock()}] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await ensureBuilt();
const port = await freePort();
const appUrl = `http://localhost:${port}`;
const t = await createTestDatabase();
const sim = await startSimProcess({ redirectUris: [`${appUrl}/api/auth/callback/eveonline`] }).catch(async (e) => {
  await t.drop();
  throw e;
});
const authSecret = randomBytes(32).toString("base64");
const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  MEMBERAUDIT_MODE: "production",
  APP_URL: appUrl,
  PORT: String(port),
  AUTH_SECRET: authSecret,
  NEXTAUTH_URL: appUrl,
  NEXTAUTH_SECRET: authSecret,
  TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  DATABASE_URL: t.url,
  DATABASE_POOL_MAX: "10",
  EVE_SSO_CLIENT_ID: CLIENT.clientId,
  EVE_SSO_CLIENT_SECRET: CLIENT.clientSecret,
  EVE_SSO_BASE_URL: sim.url,
  ESI_BASE_URL: sim.url,
  EVE_IMAGE_BASE_URL: `${sim.url}/images`,
  ESI_TIMEOUT_MS: String(ESI_TIMEOUT_MS),
  MEMBERAUDIT_UPDATE_CRON: "* * * * *",
  MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG: JSON.stringify(
    Object.fromEntries(SECTION_NAMES.map((name) => [name, STALE_MINUTES])),
  ),
  // The embedded runner, whatever the shell says.
  INNGEST_EVENT_KEY: "",
  INNGEST_SIGNING_KEY: "",
  INNGEST_DEV: "",
  INNGEST_BASE_URL: "",
  EMBEDDED_DATABASE: "",
};

let app: AppProcess | undefined;
let usersRunning = false;
async function cleanUp(): Promise<void> {
  usersRunning = false;
  await app?.kill("SIGKILL");
  await sim.stop();
  await t.drop();
}
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

try {
  const registered = simCharacters.slice(0, characterCount).map((c) => c.characterId);
  const revoked = registered[registered.length - 1]!;
  for (const rule of standingFaults()) await sim.injectFault(rule);
  app = await startApp(appEnv, port, logFile);
  const peaks: number[] = [];
  say(`app up on ${appUrl} (pid ${app.pid}); log ${logFile}`);

  // The first pilot becomes superuser and opens every sheet to everyone who signs in after.
  const jars: Jar[] = [await signIn(appUrl, registered[0]!)];
  await mutate(appUrl, jars[0]!, "admin.createGroup", {
    name: "Soak auditors",
    description: "",
    permissions: ["basic_access", "characters_access", "view_everything"],
    isDefault: true,
  });
  for (const id of registered.slice(1)) jars.push(await signIn(appUrl, id));
  for (const [i, id] of registered.entries()) await registerCharacter(appUrl, jars[i]!, id);
  // The other users are pilots whose own characters are not registered: readers only.
  for (let i = jars.length; i < USERS; i++) jars.push(await signIn(appUrl, 2113000001 + i));
  say(`${jars.length} users signed in, ${registered.length} characters registered; faults on`);

  const counters = newCounters();
  const watch = watchRuns(t.db);
  const poller = setInterval(() => void watch.poll().catch(() => undefined), 2000);
  usersRunning = true;
  const load = runUsers(appUrl, jars, registered, counters, () => usersRunning);
  const loadStart = Date.now();
  const until = (fraction: number) => sleep(Math.max(0, loadStart + fraction * minutes * 60_000 - Date.now()));
  // A 420 stops all ESI calls for the rest of its minute: one in the short form, else one every 10 minutes.
  const fourTwentyAt = short ? [minutes * 0.3] : Array.from({ length: Math.ceil(minutes / 10) }, (_, i) => i * 10 + 5);
  const fourTwenties: Promise<void>[] = [];
  for (const m of fourTwentyAt.filter((m) => m < minutes)) {
    fourTwenties.push(
      until(m / minutes).then(async () => {
        if (!usersRunning) return;
        await sim.injectFault(ONE_420);
        say("420 injected");
      }),
    );
  }

  await until(0.35);
  say(`revoking character ${revoked}'s grants at the SSO (${await sim.revokeCharacter(revoked)} revoked)`);

  await until(0.5);
  const beforeKill: RowCounts = await rowCounts(t.db, registered);
  // A kill while nothing runs tests less: wait a little (15 % of the load, 3 minutes at most) for a run in progress.
  const waitUntil = Date.now() + Math.min(180_000, minutes * 0.15 * 60_000);
  while (Date.now() < waitUntil && (await stuckRunning(t.db, new Date())).length === 0) await sleep(250);
  const killedAt = new Date();
  peaks.push(app.peakRss());
  await app.kill("SIGKILL");
  const stuckAtKill = await stuckRunning(t.db, killedAt);
  const justAfterKill = await rowCounts(t.db, registered);
  say(`app killed with SIGKILL; ${stuckAtKill.length} section runs left "running"`);
  app = await startApp(appEnv, port, logFile);
  const downSeconds = (Date.now() - killedAt.getTime()) / 1000;
  say(`app up again after ${downSeconds.toFixed(1)} s (pid ${app.pid})`);
  let stuckClearedAfter: number | undefined = stuckAtKill.length === 0 ? 0 : undefined;
  const stuckWatch = setInterval(async () => {
    if (stuckClearedAfter !== undefined) return;
    const stuck = await stuckRunning(t.db, killedAt).catch(() => undefined);
    if (stuck?.length === 0) stuckClearedAfter = (Date.now() - killedAt.getTime()) / 1000;
  }, 5000);

  await until(1);
  usersRunning = false;
  await load;
  await Promise.all(fourTwenties);
  clearInterval(stuckWatch);
  const stuckAtEnd = await stuckRunning(t.db, killedAt);
  await watch.poll();
  clearInterval(poller);
  await sim.clearFaults();
  peaks.push(app.peakRss());
  await app.kill("SIGTERM");
  app = undefined;
  const simStats = await sim.stats();
  const token = await t.db.esiToken.findUnique({ where: { characterId: revoked } });
  const tokenErrors = await t.db.sectionUpdateStatus.count({ where: { characterId: revoked, isTokenError: true } });
  const failedAtEnd = await t.db.sectionUpdateStatus.count({ where: { isSuccess: { not: true } } });
  say(`load done; faults off; last update of every stale section (npm run memberaudit -- update-characters)`);

  const endOfLoad = await rowCounts(t.db, registered);
  // 20 minutes pass at ESI: the rate-limit buckets the load spent fill up again and every access token expires,
  // so the revoked grant is refused at its next refresh; the data stays as it is.
  await sim.advanceClock(1200);
  const settled = await runCli(appEnv, ["update-characters", "--inline"]);
  say(`last update: ${settled}`);
  const tokenAfterSettle = await t.db.esiToken.findUnique({ where: { characterId: revoked } });
  const after = await rowCounts(t.db, registered);
  const failedAfterSettle = await t.db.sectionUpdateStatus.findMany({
    where: { isSuccess: { not: true }, characterId: { not: revoked } },
    select: { characterId: true, section: true, errorMessage: true },
  });
  say("loading the same characters into a fresh database for comparison");
  await sim.advanceClock(900);
  const reference = await referenceLoad(sim.url, registered);

  const isRevoked = (key: string) => Number(key.split("/")[0]) === revoked;
  const compared = (key: string) => !isRevoked(key) && reference.complete.has(Number(key.split("/")[0]));
  console.log(
    formatReport({
      header: `fault soak: ${minutes} min of load (${short ? "short form" : `--minutes ${minutes}`}), ${USERS} users, ${registered.length} characters updated (stale after ${STALE_MINUTES} min, scan every minute)`,
      faults:
        `10 % 5xx (500/502/503/504), 0.5 % held ${(ESI_TIMEOUT_MS + 3000) / 1000} s (app's ESI timeout ` +
        `${ESI_TIMEOUT_MS / 1000} s), 1 % 429 (Retry-After 3 s), a 420 at ` +
        `${fourTwentyAt.filter((m) => m < minutes).join(", ")} min, grants revoked at ${(minutes * 0.35).toFixed(1)} min`,
      counters,
      tally: watch.tally,
      notSuccessfulAtEnd: failedAtEnd,
      sim: simStats,
      revoked: {
        characterId: revoked,
        atEnd: token?.status ?? "gone",
        afterUpdate: tokenAfterSettle?.status ?? "gone",
        tokenErrors,
        kept: diffCounts(endOfLoad, after, isRevoked),
      },
      rows: { beforeKill, endOfLoad, after, reference },
      atKill: diffCounts(beforeKill, justAfterKill, (key) => !isRevoked(key)),
      isRevoked,
      compared,
      acrossKill: diffCounts(beforeKill, after, (key) => !isRevoked(key)),
      versusEsi: diffCounts(reference.counts, after, compared),
      notSuccessfulAfterUpdate: failedAfterSettle.map((f) => `${f.characterId}/${f.section} (${f.errorMessage})`),
      kill: { atMinutes: (killedAt.getTime() - loadStart) / 60_000, downSeconds },
      stuck: {
        atKill: stuckAtKill.length,
        clearedAfterSeconds: stuckClearedAfter,
        atEnd: stuckAtEnd.map((r) => `${r.characterId}/${r.section}`),
      },
      peaks,
      simPeak: sim.peakRss() ?? 0,
      totalTime: clock(),
    }),
  );
} finally {
  await cleanUp();
}
