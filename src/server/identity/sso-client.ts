// Server-to-SSO calls outside next-auth's login: refreshing access tokens and
// revoking refresh tokens. Errors keep CCP's error code so callers can tell a dead
// grant (invalid_grant: stop, mark the token) from a passing failure (retry later).
import { ssoEndpoints } from "./sso-endpoints";

export interface SsoClientConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  userAgent?: string;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string | undefined;
  expiresIn: number;
}

export class SsoError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(`EVE SSO ${code}: ${description}`);
    this.name = "SsoError";
  }
  /** The grant is dead for good: revoked, transferred or unknown. */
  get isInvalidGrant(): boolean {
    return this.code === "invalid_grant" || this.code === "invalid_token";
  }
}

function basicAuth(config: SsoClientConfig): string {
  return `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64")}`;
}

async function postForm(config: SsoClientConfig, url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      Authorization: basicAuth(config),
      "Content-Type": "application/x-www-form-urlencoded",
      ...(config.userAgent ? { "User-Agent": config.userAgent } : {}),
    },
    body: new URLSearchParams(form),
    signal: AbortSignal.timeout(15_000),
  });
}

export async function refreshAccessToken(config: SsoClientConfig, refreshToken: string): Promise<TokenResponse> {
  const response = await postForm(config, ssoEndpoints(config.baseUrl).token, {
    grant_type: "refresh_token",
    refresh_token: refreshToken,
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new SsoError(
      response.status,
      String(body.error ?? `http_${response.status}`),
      String(body.error_description ?? response.statusText),
    );
  }
  if (typeof body.access_token !== "string")
    throw new SsoError(response.status, "invalid_response", "no access_token in the token response");
  return {
    accessToken: body.access_token,
    refreshToken: typeof body.refresh_token === "string" ? body.refresh_token : undefined,
    expiresIn: Number(body.expires_in ?? 1199),
  };
}

/** Best effort: the SSO answers 200 even for unknown tokens, so only transport errors surface. */
export async function revokeRefreshToken(config: SsoClientConfig, refreshToken: string): Promise<void> {
  await postForm(config, ssoEndpoints(config.baseUrl).revoke, {
    token_type_hint: "refresh_token",
    token: refreshToken,
  });
}
