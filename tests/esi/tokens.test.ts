// Access tokens against the simulator's real SSO and a real PostgreSQL: refresh
// before expiry, rotation stored encrypted, one refresh at a time across pools,
// invalid_grant recorded once and never retried, scopes checked before anything
// is sent.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshAccessToken, type SsoClientConfig } from "~/server/identity/sso-client";
import { createDb, type Db } from "~/server/db/client";
import { EsiMissingScopeError, EsiTokenInvalidError } from "~/server/esi/client";
import { createTokenProvider, type TokenProvider } from "~/server/esi/tokens";
import { simCharacters } from "~/simulator/roster";
import type { Simulator } from "~/simulator/server";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { CLIENT, cipher, makeClient, registerWithToken, startSim } from "../support/simulator";

let t: TestDatabase;
let second: Db;
let sim: Simulator;
let url: string;
let sso: SsoClientConfig;
let refreshCalls = 0;
const countingRefresh: typeof refreshAccessToken = (config, token) => {
  refreshCalls += 1;
  return refreshAccessToken(config, token);
};
const provider = (db: Db): TokenProvider => createTokenProvider({ db, cipher, sso, refresh: countingRefresh });
const [c1, c2, c3, c4] = [simCharacters[0]!, simCharacters[1]!, simCharacters[2]!, simCharacters[3]!];

beforeAll(async () => {
  t = await createTestDatabase();
  second = createDb(t.url, 4);
  ({ sim, url } = await startSim());
  sso = { baseUrl: url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret };
});
afterAll(async () => {
  await sim?.close();
  await second?.$disconnect();
  await t?.drop();
});

async function rawTokenRow(characterId: number): Promise<Record<string, unknown>> {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT * FROM "EsiToken" WHERE "characterId" = $1`, [characterId]);
    return rows[0] as Record<string, unknown>;
  } finally {
    await client.end();
  }
}

describe("ESI access tokens", () => {
  it("uses the stored access token while it has more than a minute left", async () => {
    const tokens = await registerWithToken(t.db, url, c1.characterId, {
      accessTokenExpiresAt: new Date(Date.now() + 10 * 60_000),
    });
    refreshCalls = 0;
    const token = await provider(t.db).accessToken(c1.characterId, ["esi-skills.read_skills.v1"], "/x");
    expect(token.accessToken).toBe(tokens.accessToken);
    expect(refreshCalls).toBe(0);
  });

  it("refreshes shortly before expiry and stores the rotated refresh token and the new access token encrypted", async () => {
    const old = await registerWithToken(t.db, url, c2.characterId, {
      accessTokenExpiresAt: new Date(Date.now() + 30_000),
    });
    refreshCalls = 0;
    const token = await provider(t.db).accessToken(c2.characterId, [], "/x");
    expect(refreshCalls).toBe(1);
    expect(token.accessToken).not.toBe(old.accessToken);
    expect(token.expiresAt.getTime()).toBeGreaterThan(Date.now() + 19 * 60_000);

    const raw = await rawTokenRow(c2.characterId);
    const newRefresh = cipher.decrypt(String(raw.refreshTokenEnc));
    expect(newRefresh).not.toBe(old.refreshToken);
    expect(cipher.decrypt(String(raw.accessTokenEnc))).toBe(token.accessToken);
    expect(JSON.stringify(raw)).not.toContain(newRefresh);
    expect(JSON.stringify(raw)).not.toContain(token.accessToken);
    expect(raw.lastRefreshedAt).toBeInstanceOf(Date);
    // The rotated token is the live one: the simulator accepts it.
    await expect(refreshAccessToken(sso, newRefresh)).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("refreshes once for many concurrent callers in two processes (pools)", async () => {
    await registerWithToken(t.db, url, c3.characterId);
    refreshCalls = 0;
    const [p1, p2] = [provider(t.db), provider(second)];
    const tokens = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? p1 : p2).accessToken(c3.characterId, [], "/x")),
    );
    expect(refreshCalls).toBe(1);
    expect(new Set(tokens.map((x) => x.accessToken)).size).toBe(1);
  });

  it("a revoked grant: one refresh attempt, the token recorded INVALID with reason and time, no retries later", async () => {
    await registerWithToken(t.db, url, c4.characterId);
    sim.revokeCharacterTokens(c4.characterId);
    refreshCalls = 0;
    const [p1, p2] = [provider(t.db), provider(second)];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? p1 : p2).accessToken(c4.characterId, [], "/x")),
    );
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof EsiTokenInvalidError)).toBe(true);
    expect(refreshCalls).toBe(1);
    const row = await t.db.esiToken.findUniqueOrThrow({ where: { characterId: c4.characterId } });
    expect(row.status).toBe("INVALID");
    expect(row.invalidReason).toContain("invalid_grant");
    expect(row.invalidAt).toBeInstanceOf(Date);
    // Later calls, in a fresh provider too, fail at once.
    await expect(provider(second).accessToken(c4.characterId, [], "/x")).rejects.toBeInstanceOf(EsiTokenInvalidError);
    expect(refreshCalls).toBe(1);
  });

  it("a route whose scope the token lacks fails before any request, token refresh included", async () => {
    const id = simCharacters[4]!.characterId;
    await registerWithToken(t.db, url, id, { scopes: ["esi-skills.read_skills.v1"] });
    refreshCalls = 0;
    const esi = makeClient(t.db, url, {}, { refresh: countingRefresh });
    try {
      const error = await esi
        .get("/characters/{character_id}/assets", { path: { character_id: id } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EsiMissingScopeError);
      expect(error).toMatchObject({ scope: "esi-assets.read_assets.v1", characterId: id });
      expect(refreshCalls).toBe(0);
      expect(esi.snapshot().requests).toBe(0);
    } finally {
      await esi.close();
    }
  });
});
