// The SSO's RS256 signing key. CCP publishes one RSA key under the fixed kid
// "JWT-Signature-Key" and clients select it by kid + alg, so the simulator does
// the same; the private half can be exported so a state file keeps tokens issued
// before a restart verifiable after it.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type JsonWebKey, type KeyObject } from "node:crypto";
import { jwtVerify, SignJWT, type JWTPayload } from "jose";

export const SIGNING_KEY_ID = "JWT-Signature-Key";
export const SIGNING_ALGORITHM = "RS256";

export interface PublicJwk {
  alg: "RS256";
  e: string;
  kid: string;
  kty: "RSA";
  n: string;
  use: "sig";
}

export interface JwksDocument {
  keys: PublicJwk[];
  /** Non-standard member CCP's JWKS carries; kept so clients see the same document shape. */
  SkipUnresolvedJsonWebKeys: true;
}

export class SigningKey {
  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
  ) {}

  static generate(): SigningKey {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    return new SigningKey(privateKey, publicKey);
  }

  static fromPrivateJwk(jwk: JsonWebKey): SigningKey {
    const privateKey = createPrivateKey({ key: jwk, format: "jwk" });
    if (privateKey.asymmetricKeyType !== "rsa") throw new Error("The stored signing key is not an RSA key");
    return new SigningKey(privateKey, createPublicKey(privateKey));
  }

  toPrivateJwk(): JsonWebKey {
    return this.privateKey.export({ format: "jwk" });
  }

  publicJwk(): PublicJwk {
    const { n, e } = this.publicKey.export({ format: "jwk" });
    if (!n || !e) throw new Error("RSA public key without modulus or exponent");
    return { alg: SIGNING_ALGORITHM, e, kid: SIGNING_KEY_ID, kty: "RSA", n, use: "sig" };
  }

  jwks(): JwksDocument {
    return { keys: [this.publicJwk()], SkipUnresolvedJsonWebKeys: true };
  }

  /** Claims are signed as given: callers decide iat/exp from the simulated clock. */
  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: SIGNING_KEY_ID, typ: "JWT" })
      .sign(this.privateKey);
  }

  /** Signature, issuer and expiry against the simulated `now`; throws jose errors. */
  async verify(token: string, now: Date, issuer: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, {
      algorithms: [SIGNING_ALGORITHM],
      issuer,
      currentDate: now,
    });
    return payload;
  }
}
