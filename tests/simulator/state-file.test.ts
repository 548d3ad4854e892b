// With a state file, a restarted simulator keeps its key, grants, owner hashes and clock.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRemoteJWKSet, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createSimulator } from "~/simulator/server";
import { CLIENT, DEAD_REFRESH_TOKEN, loginTokens, refresh, startSimulator } from "../support/sso-flow";

describe("simulator state file", () => {
  it("survives a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sim-state-"));
    const stateFile = path.join(dir, "nested", "simulator.json");

    const first = await startSimulator({ stateFile });
    const tokens = await loginTokens(first.url, "Aura Vexlin");
    const revoked = await loginTokens(first.url, "Brann Solberg");
    first.sim.revokeCharacterTokens(2112000009);
    const hash = first.sim.transferCharacter(2112000003);
    first.sim.advanceClock(3600);
    const clockBefore = first.sim.now().getTime();
    const jwks = first.sim.jwks();
    await first.sim.close();

    expect(existsSync(stateFile)).toBe(true);
    expect(readdirSync(path.dirname(stateFile))).toEqual(["simulator.json"]);
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as Record<string, unknown>;
    expect(saved).toMatchObject({ version: 1, transfers: { "2112000003": 1 }, clockOffsetSeconds: 3600 });

    const second = await startSimulator({ stateFile });
    try {
      expect(second.sim.jwks()).toEqual(jwks);
      expect(second.sim.ownerHash(2112000003)).toBe(hash);
      expect(second.sim.now().getTime()).toBeGreaterThanOrEqual(clockBefore);
      const keys = createRemoteJWKSet(new URL(`${second.url}/oauth/jwks`));
      await expect(
        jwtVerify(tokens.access_token, keys, { currentDate: new Date(clockBefore - 3000 * 1000) }),
      ).resolves.toBeTruthy();
      expect((await refresh(second.url, tokens.refresh_token)).status).toBe(200);
      expect(await refresh(second.url, revoked.refresh_token)).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
    } finally {
      await second.sim.close();
    }
  });

  it("orphans stored grants when a restart changes the seed, since every owner hash changes", async () => {
    const stateFile = path.join(mkdtempSync(path.join(tmpdir(), "sim-state-")), "simulator.json");
    const first = await startSimulator({ stateFile, seed: 1 });
    const tokens = await loginTokens(first.url, "Talia Drennan");
    const hash = first.sim.ownerHash(2112000012);
    await first.sim.close();

    const second = await startSimulator({ stateFile, seed: 7 });
    try {
      expect(second.sim.ownerHash(2112000012)).not.toBe(hash);
      expect(await refresh(second.url, tokens.refresh_token)).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
    } finally {
      await second.sim.close();
    }
  });

  it("refuses a state file that is not a simulator state document", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sim-state-")), "bad.json");
    writeFileSync(file, JSON.stringify({ hello: "world" }));
    expect(() => createSimulator({ clients: [CLIENT], stateFile: file })).toThrow(/not a version 1 state document/);
  });
});
