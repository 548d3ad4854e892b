// Grants are what a refresh token stands for: one login of one character into one
// app with a set of scopes. Rotation adds tokens to the same grant, so revoking
// any of them, or transferring the character, ends them all.
import { randomBytes, randomUUID } from "node:crypto";

export interface Grant {
  grantId: string;
  clientId: string;
  characterId: number;
  scopes: string[];
  /** The owner hash at login; a transfer changes the character's hash and orphans the grant. */
  ownerHash: string;
  /** Born from a PKCE login, so a bare client_id may refresh it. */
  pkce: boolean;
  createdAt: string;
  revokedAt: string | undefined;
  refreshTokens: string[];
}

/** 16 random bytes in base64: 24 characters, like CCP's v2 refresh tokens. */
function newRefreshToken(): string {
  return randomBytes(16).toString("base64");
}

export class GrantStore {
  private readonly grants = new Map<string, Grant>();
  private readonly byToken = new Map<string, Grant>();

  constructor(
    stored: readonly Grant[] = [],
    private readonly onChange: () => void = () => {},
  ) {
    for (const grant of stored)
      this.index({ ...grant, scopes: [...grant.scopes], refreshTokens: [...grant.refreshTokens] });
  }

  create(
    data: Pick<Grant, "clientId" | "characterId" | "scopes" | "ownerHash" | "pkce">,
    now: Date,
  ): { grant: Grant; refreshToken: string } {
    const refreshToken = newRefreshToken();
    const grant: Grant = {
      ...data,
      scopes: [...data.scopes],
      grantId: randomUUID(),
      createdAt: now.toISOString(),
      revokedAt: undefined,
      refreshTokens: [refreshToken],
    };
    this.index(grant);
    this.onChange();
    return { grant, refreshToken };
  }

  /** Active or revoked; callers check `revokedAt`. */
  findByRefreshToken(token: string): Grant | undefined {
    return this.byToken.get(token);
  }

  find(grantId: string): Grant | undefined {
    return this.grants.get(grantId);
  }

  rotate(grant: Grant): string {
    const token = newRefreshToken();
    grant.refreshTokens.push(token);
    this.byToken.set(token, grant);
    this.onChange();
    return token;
  }

  revoke(grant: Grant, now: Date): boolean {
    if (grant.revokedAt) return false;
    grant.revokedAt = now.toISOString();
    this.onChange();
    return true;
  }

  /** Number of the character's grants that were active and are now revoked. */
  revokeCharacter(characterId: number, now: Date): number {
    let revoked = 0;
    for (const grant of this.grants.values()) {
      if (grant.characterId === characterId && !grant.revokedAt) {
        grant.revokedAt = now.toISOString();
        revoked++;
      }
    }
    if (revoked > 0) this.onChange();
    return revoked;
  }

  toJSON(): Grant[] {
    return [...this.grants.values()];
  }

  private index(grant: Grant): void {
    this.grants.set(grant.grantId, grant);
    for (const token of grant.refreshTokens) this.byToken.set(token, grant);
  }
}
