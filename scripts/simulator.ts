// Runs the EVE SSO + ESI simulator on its own, for the demo and for browser tests.
//   SIM_PORT (4010), SIM_HOST (127.0.0.1), SIM_CLIENT_ID, SIM_CLIENT_SECRET,
//   SIM_REDIRECT_URIS (comma separated), SIM_STATE_FILE (optional), SIM_PUBLIC_URL (optional),
//   SIM_DRIFT (optional, 0..1: share of answers shaped like CCP's off-spec ones)
import { driftRule } from "../src/simulator/faults/drift";
import { createSimulator } from "../src/simulator/server";

const env = process.env;
const port = Number(env.SIM_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`SIM_PORT must be a port number, got "${env.SIM_PORT}"`);
  process.exit(2);
}
const redirectUris = (
  env.SIM_REDIRECT_URIS ??
  "http://localhost:3000/api/auth/callback/eveonline,http://localhost:3000/api/characters/callback"
)
  .split(",")
  .map((uri) => uri.trim())
  .filter(Boolean);

let drift: ReturnType<typeof driftRule>;
try {
  drift = driftRule(env.SIM_DRIFT);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const simulator = createSimulator({
  clients: [
    {
      clientId: env.SIM_CLIENT_ID ?? "memberaudit-demo",
      clientSecret: env.SIM_CLIENT_SECRET ?? "demo-secret",
      redirectUris,
    },
  ],
  publicUrl: env.SIM_PUBLIC_URL || undefined,
  stateFile: env.SIM_STATE_FILE || undefined,
});

if (drift) simulator.injectFault(drift);
const url = await simulator.listen(port, env.SIM_HOST ?? "127.0.0.1");
console.log(`EVE SSO/ESI simulator listening on ${url}`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await simulator.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
