// `tsx scripts/simulator.ts` runs the simulator on its own and stops cleanly on SIGTERM.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("scripts/simulator.ts", () => {
  it("prints its URL, serves the configured client and exits 0 on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/simulator.ts"], {
      cwd: root,
      env: {
        ...process.env,
        SIM_PORT: String(port),
        SIM_CLIENT_ID: "script-client",
        SIM_REDIRECT_URIS: "http://localhost:9999/cb",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d) => {
        output += d;
        if (output.includes("\n")) resolve(output.split("\n")[0]!);
      });
      child.once("exit", () => reject(new Error(`exited early:\n${output}`)));
    });
    try {
      expect(line).toBe(`EVE SSO/ESI simulator listening on http://127.0.0.1:${port}`);
      const authorize = `http://127.0.0.1:${port}/v2/oauth/authorize?response_type=code&client_id=script-client&redirect_uri=${encodeURIComponent("http://localhost:9999/cb")}&state=s`;
      expect((await fetch(authorize)).status).toBe(200);
      const unknownClient = authorize.replace("script-client", "memberaudit-demo");
      expect((await fetch(unknownClient)).status).toBe(400);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });
});
