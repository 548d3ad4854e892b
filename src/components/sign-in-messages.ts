// The sign-in page's error codes (next-auth's, and the LDAP provider's from
// src/server/auth/ldap-provider.ts), said plainly. A plain module: the page (a server
// component) and the LDAP form (a client component) both read it.
export const SIGN_IN_MESSAGES: Record<string, string> = {
  OAuthCallback:
    "EVE SSO sign-in failed: the answer from EVE SSO could not be verified (expired, replayed or forged). Nothing was stored; please try again.",
  OAuthSignin: "Could not start EVE SSO sign-in. Please try again.",
  AccessDenied: "Sign-in was refused.",
  AccountInactive: "This account has been deactivated. Ask an administrator.",
  Callback: "EVE SSO sign-in failed. Nothing was stored; please try again.",
  LdapInvalidCredentials: "Wrong username or password.",
  LdapThrottled: "Too many failed attempts. Wait a few minutes, then try again.",
  LdapNotAllowed: "Your directory account is not allowed to sign in here. Ask an administrator.",
  LdapNotActive: "Your directory account is not in the group that may use this app. Ask an administrator.",
  LdapFailed: "Something went wrong on our side while signing you in. Please try again.",
  LdapUnavailable:
    "The staff directory (LDAP) cannot be reached right now. Try again later; sign-in with EVE Online still works.",
};

export function signInMessage(code: string): string {
  return SIGN_IN_MESSAGES[code] ?? `Sign-in failed (${code}). Nothing was stored; please try again.`;
}
