// Authorization codes: single use, five minutes of simulated time. Used codes are
// remembered a while longer so a replay can be recognised and the grant it
// produced revoked (RFC 6749 section 10.5).
import { randomBytes } from "node:crypto";

export const CODE_LIFETIME_MS = 5 * 60 * 1000;
const REPLAY_MEMORY_MS = 60 * 60 * 1000;

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  characterId: number;
  /** The owner at login; a transfer before redemption makes the code worthless. */
  ownerHash: string;
  scopes: string[];
  codeChallenge: string | undefined;
  expiresAtMs: number;
  used: boolean;
  /** The grant issued when the code was redeemed, if it carried scopes. */
  grantId: string | undefined;
}

export type CodeRedemption =
  | { kind: "ok"; code: AuthorizationCode }
  | { kind: "replayed"; code: AuthorizationCode }
  | { kind: "invalid" };

export class CodeStore {
  private readonly codes = new Map<string, AuthorizationCode>();

  issue(data: Omit<AuthorizationCode, "expiresAtMs" | "used" | "grantId">, nowMs: number): string {
    this.forgetOld(nowMs);
    const code = randomBytes(24).toString("base64url");
    this.codes.set(code, {
      ...data,
      scopes: [...data.scopes],
      expiresAtMs: nowMs + CODE_LIFETIME_MS,
      used: false,
      grantId: undefined,
    });
    return code;
  }

  /** Marks the code used; the caller may still refuse it (wrong client, PKCE). */
  redeem(value: string, nowMs: number): CodeRedemption {
    const code = this.codes.get(value);
    if (!code) return { kind: "invalid" };
    if (code.used) return { kind: "replayed", code };
    if (nowMs >= code.expiresAtMs) return { kind: "invalid" };
    code.used = true;
    return { kind: "ok", code };
  }

  private forgetOld(nowMs: number): void {
    for (const [value, code] of this.codes) {
      if (code.expiresAtMs + REPLAY_MEMORY_MS < nowMs) this.codes.delete(value);
    }
  }
}
