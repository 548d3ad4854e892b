// Access tokens for authenticated ESI routes. A stored access token is used while
// it has more than a minute left; otherwise it is refreshed through EVE SSO, and the
// rotated refresh token and the new access token are stored encrypted. One refresh
// at a time per character: in-process by sharing the pending promise, across
// processes by a PostgreSQL advisory lock held while the row is re-read, refreshed
// and written. invalid_grant marks the token INVALID (reason and time) and every
// later call fails at once without asking the SSO again, until the character is
// re-added. Scopes are checked before anything is sent.
import { refreshAccessToken, SsoError, type SsoClientConfig, type TokenResponse } from "~/server/identity/sso-client";
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { EsiMissingScopeError, EsiNoTokenError, EsiTokenInvalidError, EsiTokenRefreshError } from "./errors";
import type { EsiMetrics } from "./metrics";

export interface AccessToken {
  characterId: number;
  accessToken: string;
  scopes: readonly string[];
  expiresAt: Date;
}

export interface TokenProvider {
  /** A token with at least `marginSeconds` left that carries every scope in `scopes`. */
  accessToken(characterId: number, scopes: readonly string[], route: string): Promise<AccessToken>;
  /** After ESI rejected `rejected` (401): a different token, refreshed unless another caller already did. */
  renew(characterId: number, rejected: string, route: string): Promise<AccessToken>;
}

export interface TokenProviderOptions {
  db: Db;
  cipher: TokenCipher;
  sso: SsoClientConfig;
  metrics?: EsiMetrics;
  /** Refresh when the stored access token has less than this left. Default 60 s. */
  refreshMarginSeconds?: number;
  /** Decrypted tokens are reused in-process for at most this long. Default 30 s. */
  memoryTtlMs?: number;
  /** The SSO call; tests may count or replace it. */
  refresh?: (config: SsoClientConfig, refreshToken: string) => Promise<TokenResponse>;
}

// High half of the advisory-lock key: "ESIT". The low half is the character id.
const LOCK_NAMESPACE = 0x45534954n;

export function tokenLockKey(characterId: number): string {
  return ((LOCK_NAMESPACE << 32n) | BigInt(characterId >>> 0)).toString();
}

interface Cached extends AccessToken {
  cachedAt: number;
}

type RefreshResult = { kind: "ok"; token: AccessToken } | { kind: "invalid"; reason: string };

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const { db, cipher, sso, metrics } = options;
  const marginMs = (options.refreshMarginSeconds ?? 60) * 1000;
  const memoryTtlMs = options.memoryTtlMs ?? 30_000;
  const callSso = options.refresh ?? refreshAccessToken;
  const memory = new Map<number, Cached>();
  const pending = new Map<number, Promise<AccessToken>>();

  function checkScopes(characterId: number, have: readonly string[], need: readonly string[], route: string): void {
    const missing = need.find((scope) => !have.includes(scope));
    if (missing) throw new EsiMissingScopeError(characterId, route, missing);
  }

  function remember(token: AccessToken): AccessToken {
    memory.set(token.characterId, { ...token, cachedAt: Date.now() });
    return token;
  }

  /** Refresh under the character's advisory lock; `rejected` is a token known to be bad. */
  async function refreshLocked(characterId: number, rejected: string | undefined): Promise<AccessToken> {
    const result = await db.$transaction(
      async (tx): Promise<RefreshResult> => {
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${tokenLockKey(characterId)}::bigint)`;
        const row = await tx.esiToken.findUnique({ where: { characterId } });
        if (!row) throw new EsiNoTokenError(characterId);
        if (row.status === "INVALID") return { kind: "invalid", reason: row.invalidReason ?? "marked invalid" };
        // Another process may have refreshed while we waited for the lock.
        if (
          row.accessTokenEnc &&
          row.accessTokenExpiresAt &&
          row.accessTokenExpiresAt.getTime() - marginMs > Date.now()
        ) {
          const current = cipher.decrypt(row.accessTokenEnc);
          if (current !== rejected) {
            return {
              kind: "ok",
              token: { characterId, accessToken: current, scopes: row.scopes, expiresAt: row.accessTokenExpiresAt },
            };
          }
        }
        let response: TokenResponse;
        try {
          response = await callSso(sso, cipher.decrypt(row.refreshTokenEnc));
        } catch (error) {
          metrics?.tokenRefresh(false);
          if (error instanceof SsoError && error.isInvalidGrant) {
            const reason = `${error.code}: ${error.description}`;
            await tx.esiToken.update({
              where: { characterId },
              data: { status: "INVALID", invalidReason: reason, invalidAt: new Date() },
            });
            return { kind: "invalid", reason };
          }
          throw new EsiTokenRefreshError(characterId, error instanceof Error ? error.message : String(error));
        }
        metrics?.tokenRefresh(true);
        const expiresAt = new Date(Date.now() + response.expiresIn * 1000);
        await tx.esiToken.update({
          where: { characterId },
          data: {
            accessTokenEnc: cipher.encrypt(response.accessToken),
            accessTokenExpiresAt: expiresAt,
            // CCP may rotate the refresh token: always keep the newest.
            ...(response.refreshToken ? { refreshTokenEnc: cipher.encrypt(response.refreshToken) } : {}),
            lastRefreshedAt: new Date(),
          },
        });
        return { kind: "ok", token: { characterId, accessToken: response.accessToken, scopes: row.scopes, expiresAt } };
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
    if (result.kind === "invalid") {
      memory.delete(characterId);
      throw new EsiTokenInvalidError(characterId, result.reason);
    }
    return remember(result.token);
  }

  function refreshOnce(characterId: number, rejected: string | undefined): Promise<AccessToken> {
    let promise = pending.get(characterId);
    if (!promise) {
      promise = refreshLocked(characterId, rejected).finally(() => pending.delete(characterId));
      pending.set(characterId, promise);
    }
    return promise;
  }

  return {
    async accessToken(characterId, scopes, route) {
      const cached = memory.get(characterId);
      const now = Date.now();
      if (cached && now - cached.cachedAt < memoryTtlMs && cached.expiresAt.getTime() - marginMs > now) {
        checkScopes(characterId, cached.scopes, scopes, route);
        return cached;
      }
      const row = await db.esiToken.findUnique({ where: { characterId } });
      if (!row) throw new EsiNoTokenError(characterId, route);
      if (row.status === "INVALID")
        throw new EsiTokenInvalidError(characterId, row.invalidReason ?? "marked invalid", route);
      checkScopes(characterId, row.scopes, scopes, route);
      if (row.accessTokenEnc && row.accessTokenExpiresAt && row.accessTokenExpiresAt.getTime() - marginMs > now) {
        return remember({
          characterId,
          accessToken: cipher.decrypt(row.accessTokenEnc),
          scopes: row.scopes,
          expiresAt: row.accessTokenExpiresAt,
        });
      }
      const token = await refreshOnce(characterId, undefined);
      checkScopes(characterId, token.scopes, scopes, route);
      return token;
    },

    async renew(characterId, rejected) {
      const cached = memory.get(characterId);
      if (cached && cached.accessToken !== rejected && cached.expiresAt.getTime() - marginMs > Date.now())
        return cached;
      memory.delete(characterId);
      return refreshOnce(characterId, rejected);
    },
  };
}
