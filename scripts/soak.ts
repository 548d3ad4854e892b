// npm run soak [-- --minutes N] [-- --short]: the fault soak (docs/soak.md). The built app
// with its embedded runner, against the simulator injecting 10 % 5xx, timeouts, 420s and
// 429s, and a token revoked mid-run; 50 signed-in users read sheets over loopback HTTP;
// halfway the app is killed with SIGKILL and started again. Figures only, no pass/fail.
import { spawn } from "node:child_process";
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
import { diffCounts, type RowCounts, rowCounts, stuckRunning, totalRows, watchRuns } from "./soak/db-watch";
import { ESI_TIMEOUT_MS, ONE_420, standingFaults } from "./soak/faults";
import { referenceLoad } from "./soak/reference";
import { type Jar, mutate, registerCharacter, signIn } from "./soak/sessions";
import { answered, fiveHundreds, newCounters, runUsers } from "./soak/users";
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
const root = path.resolve(import.meta.dirname, "..");
const workDir = mkdtempSync(path.join(tmpdir(), "ma-soak-"));
const logFile = path.join(workDir, "app.log");
const started = Date.now();
const clock = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};
const say = (line: string) => console.log(`[${clock()}] ${line}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
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
  const killedAt = new Date();
  peaks.push(app.peakRss());
  await app.kill("SIGKILL");
  const stuckAtKill = await stuckRunning(t.db, killedAt);
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

  const compared = (key: string) => {
    const id = Number(key.split("/")[0]);
    return id !== revoked && reference.complete.has(id);
  };
  const notRevoked = (key: string) => Number(key.split("/")[0]) !== revoked;
  const acrossKill = diffCounts(beforeKill, after, notRevoked);
  const versusEsi = diffCounts(reference.counts, after, compared);
  const revokedKept = diffCounts(endOfLoad, after, (key) => !notRevoked(key));
  const statuses = [...counters.byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  const simFaults = Object.entries(simStats.byStatus)
    .filter(([s]) => s === "timeout" || Number(s) >= 420)
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ");

  console.log(`
fault soak: ${minutes} min of load (${short ? "short form" : `--minutes ${minutes}`}), ${USERS} users, ${registered.length} characters updated (stale after ${STALE_MINUTES} min, scan every minute)
  faults:                     10 % 5xx (500/502/503/504), 0.5 % held ${(ESI_TIMEOUT_MS + 3000) / 1000} s (app's ESI timeout ${ESI_TIMEOUT_MS / 1000} s), 1 % 429 (Retry-After 3 s), a 420 at ${fourTwentyAt.filter((m) => m < minutes).map((m) => `${m.toFixed(1)}`).join(", ")} min, grants revoked at ${(minutes * 0.35).toFixed(1)} min
  requests served:            ${answered(counters)} (${counters.pages} sheet pages, ${counters.trpc} tRPC batches; by status ${statuses.join(", ")}); ${counters.unanswered} unanswered while the app was down
  5xx answered to users:      ${fiveHundreds(counters)}${counters.serverErrors.map((e) => `\n    ${e}`).join("")}
  section runs:               ${watch.tally.runs} (${watch.tally.succeeded} succeeded, ${watch.tally.failed} failed; ${failedAtEnd} status rows not successful at the end of the load)
  failures recorded, by reason:${[...watch.tally.reasons]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([reason, n]) => `\n    ${String(n).padStart(5)}  ${reason}`)
    .join("")}
  ESI (simulator):            ${simStats.requests} requests, ${simStats.faultsInjected} faults injected (${simFaults})
  token revoked mid-run:      character ${revoked}: token ${token?.status ?? "gone"} at the end of the load (${tokenErrors} sections recording a token error), ${tokenAfterSettle?.status ?? "gone"} after the last update; rows: ${totalRows(endOfLoad, (k) => !notRevoked(k))} at the end of the load, ${totalRows(after, (k) => !notRevoked(k))} after the last update (${revokedKept.missing} lost)
  SIGKILL at ${((killedAt.getTime() - loadStart) / 60_000).toFixed(1)} min:         answering again after ${downSeconds.toFixed(1)} s
  stuck in "running":         ${stuckAtKill.length} left by the kill; ${stuckClearedAfter === undefined ? `not cleared during the run (${stuckAtEnd.length} at its end: ${stuckAtEnd.map((s) => `${s.characterId}/${s.section}`).join(", ")})` : `0 after ${stuckClearedAfter.toFixed(0)} s`}
  section rows lost:          ${acrossKill.missing} across the kill (${totalRows(beforeKill, notRevoked)} rows before it, ${totalRows(after, notRevoked)} after the last update${acrossKill.extra ? `, ${acrossKill.extra} rows more` : ""}); ${versusEsi.missing} missing against ESI's answer (${totalRows(reference.counts, compared)} rows in a fresh load of ${reference.complete.size - (reference.complete.has(revoked) ? 1 : 0)} characters${versusEsi.extra ? `, ${versusEsi.extra} extra` : ""})${[...acrossKill.pairs.filter((p) => p.missing), ...versusEsi.pairs.map((p) => p.text)]
    .slice(0, 12)
    .map((p) => `\n    ${typeof p === "string" ? p : p.text}`)
    .join("")}${failedAfterSettle.length ? `\n    not successful after the last update: ${failedAfterSettle.map((f) => `${f.characterId}/${f.section} (${f.errorMessage})`).join("; ")}` : ""}${reference.notLoaded.length ? `\n    not loaded in the fresh load: ${reference.notLoaded.join("; ")}` : ""}
  engine peak RSS:            ${peaks.map(mb).join(" before the kill, ")} after the restart (VmHWM of the app's processes); simulator ${mb(sim.peakRss() ?? 0)}
  total time:                 ${clock()}`);
} finally {
  await cleanUp();
}

/** The operator's CLI against the soak's database, as a child process; resolves with its last line. */
function runCli(env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/memberaudit.ts"), ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (d) => (output += d));
    // Exit 1 means some section failed (the revoked character's, for one): that is reported, not fatal.
    child.once("exit", (code) => {
      const last = output.trim().split(/[\r\n]/).pop() ?? "";
      if (code === 0 || code === 1) resolve(last.trim());
      else reject(new Error(`memberaudit ${args[0]} exited ${code}: ${last}`));
    });
  });
}
