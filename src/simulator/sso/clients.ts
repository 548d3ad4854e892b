// Registered applications, as on developers.eveonline.com: each has a secret, its
// exact callback URLs and the scopes it was registered for.
import { createHash, timingSafeEqual } from "node:crypto";

export interface SimClientConfig {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  /** Allowed scopes; undefined allows publicData and every esi-* scope. */
  scopes?: string[];
}

const ESI_SCOPE = /^esi-[a-z0-9_]+\.[a-z0-9_]+\.v\d+$/;

export class ClientRegistry {
  private readonly clients: Map<string, SimClientConfig>;

  constructor(clients: readonly SimClientConfig[]) {
    this.clients = new Map(
      clients.map((c) => [c.clientId, { ...c, redirectUris: [...c.redirectUris], scopes: c.scopes && [...c.scopes] }]),
    );
  }

  find(clientId: string | null | undefined): SimClientConfig | undefined {
    return clientId ? this.clients.get(clientId) : undefined;
  }

  /** Scopes in `requested` that this client may not ask for, in request order. */
  disallowedScopes(client: SimClientConfig, requested: readonly string[]): string[] {
    return requested.filter((scope) =>
      client.scopes ? !client.scopes.includes(scope) : scope !== "publicData" && !ESI_SCOPE.test(scope),
    );
  }
}

export function secretMatches(client: SimClientConfig, secret: string): boolean {
  // Hash first so the comparison is constant-time regardless of length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(client.clientSecret), digest(secret));
}

export type ClientAuthentication =
  | { kind: "confidential"; client: SimClientConfig }
  /** Only a client_id: allowed for PKCE grants, which prove possession with the verifier. */
  | { kind: "public"; client: SimClientConfig }
  | { kind: "failed"; description: string };

/**
 * HTTP Basic (client_secret_basic), client_id + client_secret in the form
 * (client_secret_post), or a bare client_id for PKCE.
 */
export function authenticateClient(
  registry: ClientRegistry,
  authorization: string | undefined,
  form: URLSearchParams,
): ClientAuthentication {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "");
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return { kind: "failed", description: "Unknown client" };
    const rawId = decoded.slice(0, colon);
    const rawSecret = decoded.slice(colon + 1);
    const client = registry.find(rawId) ?? registry.find(formDecode(rawId));
    const secretOk = client && (secretMatches(client, rawSecret) || secretMatches(client, formDecode(rawSecret)));
    return client && secretOk ? { kind: "confidential", client } : { kind: "failed", description: "Unknown client" };
  }
  const client = registry.find(form.get("client_id"));
  if (!client) return { kind: "failed", description: "Unknown client" };
  const secret = form.get("client_secret");
  if (secret === null) return { kind: "public", client };
  return secretMatches(client, secret)
    ? { kind: "confidential", client }
    : { kind: "failed", description: "Unknown client" };
}

// RFC 6749 2.3.1 form-encodes id and secret inside Basic credentials, but most
// clients send them raw; the raw value is tried first, the decoded one second.
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}
