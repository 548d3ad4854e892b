import { describe, expect, it } from "vitest";
import { createTokenCipher, TokenDecryptError } from "~/server/crypto/token-cipher";

const keyA = Buffer.alloc(32, 1).toString("base64");
const keyB = Buffer.alloc(32, 2).toString("base64");

describe("token cipher (AES-256-GCM at rest)", () => {
  it("round-trips and never contains the plaintext", () => {
    const cipher = createTokenCipher({ current: keyA });
    const secret = "MDEyMzQ1Njc4OWFiY2RlZg==";
    const sealed = cipher.encrypt(secret);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString("base64"));
    expect(cipher.decrypt(sealed)).toBe(secret);
    expect(cipher.encrypt(secret)).not.toBe(sealed); // fresh IV each time
  });

  it("refuses a tampered ciphertext", () => {
    const cipher = createTokenCipher({ current: keyA });
    const parts = cipher.encrypt("refresh-token").split(".");
    const body = Buffer.from(parts[4]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString("base64url");
    expect(() => cipher.decrypt(parts.join("."))).toThrow(TokenDecryptError);
  });

  it("reads values sealed with a previous key after rotation and flags them stale", () => {
    const old = createTokenCipher({ current: keyA }).encrypt("token-1");
    const rotated = createTokenCipher({ current: keyB, previous: [keyA] });
    expect(rotated.decrypt(old)).toBe("token-1");
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.encrypt("token-1"))).toBe(false);
    expect(() => createTokenCipher({ current: keyB }).decrypt(old)).toThrow(/no key with id/);
  });
});
