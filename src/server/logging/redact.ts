// What never reaches a log line (docs/architecture.md, principle 6): the fields that carry
// tokens, cookies, passwords, webhook URLs and API token secrets, wherever they sit in a
// logged object (top level, one or two levels down, HTTP headers). Held by
// tests/logging/redaction.test.ts: a field added here is a field that test logs.
export const SECRET_FIELDS = [
  // EVE SSO tokens, in our names and in the SSO's
  "accessToken",
  "refreshToken",
  "idToken",
  "access_token",
  "refresh_token",
  "id_token",
  "accessTokenEnc",
  "refreshTokenEnc",
  "token",
  "tokens",
  // HTTP
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "cookies",
  "set-cookie",
  "Set-Cookie",
  // LDAP and other credentials
  "password",
  "bindPassword",
  "bindCredentials",
  "credentials",
  "clientSecret",
  "client_secret",
  "authSecret",
  "secret",
  "tokenEncryptionKey",
  // Webhooks: the URL is the credential
  "webhookUrl",
  "urlEnc",
  // API tokens (docs/api.md)
  "apiToken",
  "tokenSecret",
  "secretHash",
] as const;

/** Paths for pino's `redact`: each field at the top level and up to three levels down. */
export function redactPaths(fields: readonly string[] = SECRET_FIELDS): string[] {
  return fields.flatMap((field) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    const join = (prefix: string) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);
    return [key, join("*"), join("*.*"), join("*.*.*")];
  });
}

export const REDACTED = "[redacted]";
