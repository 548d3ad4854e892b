// "Add character" must come from the browser that holds the session: when the add flow
// starts (next-auth's sign-in POST, with a session) an httpOnly cookie is set whose value
// is an HMAC of the session id and the SSO state just issued. The callback registers the
// character only when that cookie matches the session and the state it carries back, and
// clears it either way. A session cookie planted by someone else cannot come with it: the
// state is minted for this browser's round trip. Without the marker, the round trip is a
// plain sign-in, which always opens a new session.
import { createHmac, timingSafeEqual } from "node:crypto";

export const ADD_MARKER_MAX_AGE_S = 600;

export function addMarkerCookieName(secure: boolean): string {
  return secure ? "__Host-memberaudit.add" : "memberaudit.add";
}

export function addMarker(secret: string, sessionToken: string, state: string): string {
  return createHmac("sha256", secret).update(`add-character\0${sessionToken}\0${state}`).digest("base64url");
}

export function addMarkerMatches(
  secret: string,
  sessionToken: string | undefined,
  state: string | null,
  marker: string | undefined,
): boolean {
  if (!sessionToken || !state || !marker) return false;
  const expected = Buffer.from(addMarker(secret, sessionToken, state));
  const given = Buffer.from(marker);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function addMarkerCookie(name: string, value: string, secure: boolean): string {
  const maxAge = value ? ADD_MARKER_MAX_AGE_S : 0;
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

const NEXT_AUTH_COOKIES = {
  sessionToken: "session-token",
  callbackUrl: "callback-url",
  csrfToken: "csrf-token",
  pkceCodeVerifier: "pkce.code_verifier",
  state: "state",
  nonce: "nonce",
} as const;

/**
 * next-auth's cookies under https with `__Host-` names (its default is `__Secure-`, which a
 * sibling subdomain can set): the browser accepts them only from this host, path /, secure.
 */
export function hostOnlyCookies(secure: boolean) {
  if (!secure) return undefined;
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: true };
  return Object.fromEntries(
    Object.entries(NEXT_AUTH_COOKIES).map(([key, name]) => [
      key,
      {
        name: `__Host-next-auth.${name}`,
        // The round trip's checks live 15 minutes, as next-auth's own defaults.
        options: key === "pkceCodeVerifier" || key === "state" ? { ...options, maxAge: 900 } : options,
      },
    ]),
  );
}
