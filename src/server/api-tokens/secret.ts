// A token is "ma_<prefix>_<secret>": the prefix (public, 10 characters) finds the row,
// the secret (32 random bytes) proves possession. Only the secret's SHA-256 is stored:
// with 256 bits of entropy a slow password hash adds nothing, and each request can
// afford one SHA-256.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const TOKEN_PATTERN = /^ma_([A-Za-z0-9_-]{10})_([A-Za-z0-9_-]{43})$/;

export interface NewSecret {
  token: string;
  prefix: string;
  secretHash: string;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function newSecret(): NewSecret {
  const prefix = randomBytes(8).toString("base64url").slice(0, 10);
  const secret = randomBytes(32).toString("base64url");
  return { token: `ma_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

/** The prefix and secret of a presented token, or null when it is not shaped like one. */
export function parseToken(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
