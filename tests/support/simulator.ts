// Shared set-up for the ESI client tests: the simulator on a free loopback port,
// a registered character with a real refresh token from the simulator's SSO, and
// clients wired like src/server/deps.ts does it.
import { createTokenCipher, type TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { createEsiClient, type EsiClient, type EsiClientConfig } from "~/server/esi/client";
import { EsiMetrics } from "~/server/esi/metrics";
import { createTokenProvider, type TokenProviderOptions } from "~/server/esi/tokens";
import { simCharacters } from "~/simulator/roster";
import { createSimulator, type Simulator, type SimulatorOptions } from "~/simulator/server";

export const CLIENT = {
  clientId: "esi-tests",
  clientSecret: "esi-tests-secret",
  redirectUris: ["http://localhost/callback"],
};
export const cipher: TokenCipher = createTokenCipher({ current: Buffer.alloc(32, 7).toString("base64") });
export const ALL_SCOPES = [
  "esi-assets.read_assets.v1",
  "esi-wallet.read_character_wallet.v1",
  "esi-mail.read_mail.v1",
  "esi-skills.read_skills.v1",
];

export async function startSim(options: Partial<SimulatorOptions> = {}): Promise<{ sim: Simulator; url: string }> {
  const sim = createSimulator({ clients: [CLIENT], ...options } as SimulatorOptions);
  const url = await sim.listen(0, "127.0.0.1");
  return { sim, url };
}

/** Logs the character in at the simulator's SSO (picker POST + code exchange) and returns its tokens. */
export async function loginTokens(
  url: string,
  characterId: number,
  scopes: string[],
): Promise<{ accessToken: string; refreshToken: string; expiresIn: number }> {
  const form = new URLSearchParams({
    response_type: "code",
    client_id: CLIENT.clientId,
    redirect_uri: CLIENT.redirectUris[0]!,
    scope: scopes.join(" "),
    state: "s",
    character_id: String(characterId),
  });
  const picked = await fetch(`${url}/v2/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
  const code = new URL(picked.headers.get("location") ?? "http://invalid/").searchParams.get("code");
  if (!code) throw new Error(`no code from the simulator's SSO (${picked.status}: ${await picked.text()})`);
  const exchanged = await fetch(`${url}/v2/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code }),
  });
  const body = (await exchanged.json()) as { access_token: string; refresh_token: string; expires_in: number };
  if (!body.refresh_token) throw new Error(`token exchange failed: ${JSON.stringify(body)}`);
  return { accessToken: body.access_token, refreshToken: body.refresh_token, expiresIn: body.expires_in };
}

/**
 * Registers `characterId` in the database with a real grant. `accessTokenExpiresAt`
 * in the past (default) makes the first call refresh.
 */
export async function registerWithToken(
  db: Db,
  url: string,
  characterId: number,
  options: { scopes?: string[]; accessTokenExpiresAt?: Date } = {},
): Promise<{ refreshToken: string; accessToken: string }> {
  const scopes = options.scopes ?? ALL_SCOPES;
  const tokens = await loginTokens(url, characterId, scopes);
  const character = simCharacters.find((c) => c.characterId === characterId);
  await db.eveCharacter.upsert({
    where: { id: characterId },
    create: { id: characterId, name: character?.name ?? `Character ${characterId}` },
    update: {},
  });
  await db.character.upsert({ where: { id: characterId }, create: { id: characterId }, update: {} });
  const data = {
    ownerHash: `owner-${characterId}`,
    refreshTokenEnc: cipher.encrypt(tokens.refreshToken),
    accessTokenEnc: cipher.encrypt(tokens.accessToken),
    accessTokenExpiresAt: options.accessTokenExpiresAt ?? new Date(Date.now() - 1000),
    scopes,
    status: "VALID" as const,
    invalidReason: null,
    invalidAt: null,
  };
  await db.esiToken.upsert({ where: { characterId }, create: { characterId, ...data }, update: data });
  return tokens;
}

export function makeClient(
  db: Db | undefined,
  url: string,
  overrides: Partial<EsiClientConfig> = {},
  tokenOverrides: Partial<TokenProviderOptions> = {},
): EsiClient {
  const metrics = overrides.metrics ?? new EsiMetrics();
  const sso = { baseUrl: url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret };
  return createEsiClient({
    baseUrl: url,
    contact: "esi-tests@example.org",
    db,
    tokens: db ? createTokenProvider({ db, cipher, sso, metrics, ...tokenOverrides }) : undefined,
    metrics,
    retry: { baseDelayMs: 20, maxDelayMs: 200 },
    ...overrides,
  });
}
