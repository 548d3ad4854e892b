// The app's process without Next's HTTP server, for tests that signal it: Next's start-up
// hook (src/instrumentation.ts) run as `next start` runs it (settings, logging, the
// embedded runner, the SIGTERM/SIGINT handlers), against the given database and simulator.
//   node --import tsx tests/support/app-process.ts      (settings from the environment)
// stdin "update <characterId> <eventId>" queues that character's update through the app's own
// sender, as the admin's "update now" does; stdout gets "started", "queued <eventId>" and the
// app's JSON log lines.
import { createInterface } from "node:readline";
import { characterUpdate } from "~/server/jobs/events";

async function main() {
  process.env.NEXT_RUNTIME = "nodejs";
  const { register } = await import("~/instrumentation");
  await register();
  const { appDeps } = await import("~/runtime/deps");
  process.stdout.write("started\n");
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, id, eventId] = line.trim().split(/\s+/);
    if (command !== "update" || !id || !eventId) continue;
    await appDeps().sendEvents({
      name: characterUpdate.name,
      id: eventId,
      data: { characterId: Number(id), force: true },
    });
    process.stdout.write(`queued ${eventId}\n`);
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
