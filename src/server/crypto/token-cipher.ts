// AES-256-GCM for refresh and access tokens at rest. Ciphertexts carry the id of
// the key that made them, so the key can be rotated: new writes use the current
// key, reads accept the previous ones until every row has been rewritten.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";

export interface TokenCipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
  /** True when the value was made with a key other than the current one. */
  isStale(ciphertext: string): boolean;
}

export class TokenDecryptError extends Error {
  constructor(reason: string) {
    super(`Cannot decrypt token: ${reason}`);
    this.name = "TokenDecryptError";
  }
}

function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function createTokenCipher(keys: { current: string; previous?: string[] }): TokenCipher {
  const current = Buffer.from(keys.current, "base64");
  if (current.length !== 32) throw new Error("token encryption key must be 32 bytes");
  const byId = new Map<string, Buffer>();
  for (const k of [keys.current, ...(keys.previous ?? [])]) {
    const buf = Buffer.from(k, "base64");
    byId.set(keyId(buf), buf);
  }
  const currentId = keyId(current);

  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      // The key id is authenticated data: a ciphertext cannot be relabelled to another key.
      cipher.setAAD(Buffer.from(currentId));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, currentId, iv.toString("base64url"), tag.toString("base64url"), body.toString("base64url")].join(
        ".",
      );
    },
    decrypt(ciphertext) {
      const parts = ciphertext.split(".");
      if (parts.length !== 5 || parts[0] !== VERSION) throw new TokenDecryptError("unknown format");
      const [, id, iv, tag, body] = parts as [string, string, string, string, string];
      const key = byId.get(id);
      if (!key) throw new TokenDecryptError(`no key with id ${id} is configured`);
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
        decipher.setAAD(Buffer.from(id));
        decipher.setAuthTag(Buffer.from(tag, "base64url"));
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new TokenDecryptError("authentication failed");
      }
    },
    isStale(ciphertext) {
      return ciphertext.split(".")[1] !== currentId;
    },
  };
}
