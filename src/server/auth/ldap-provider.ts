// next-auth's Credentials provider for staff who sign in through LDAP (docs/ldap.md). What a
// sign-in means is the sign-in service's (characters/ldap-sign-in.ts); this turns its outcome
// into next-auth's: a user for the jwt callback, or an error code the sign-in page explains.
// The credentials next-auth hands over are read here and passed on, never logged.
import type { User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { type LdapRefusal, type LdapSignInDeps, signInWithLdap } from "~/server/characters/ldap-sign-in";
import { toAppError } from "~/server/errors/unexpected";
import { clientAddressFrom } from "~/server/identity/client-address";

export const LDAP_PROVIDER_ID = "ldap";
/** Our own failure (logged with a reference by toAppError), as the sign-in page's code. */
export const LDAP_FAILED = "LdapFailed";

/** The `error` codes the sign-in page reads (`/signin?error=…`), one per refusal. */
export const LDAP_ERROR_CODES: Record<LdapRefusal, string> = {
  "invalid-credentials": "LdapInvalidCredentials",
  throttled: "LdapThrottled",
  "not-allowed": "LdapNotAllowed",
  "not-active": "LdapNotActive",
  "account-inactive": "AccountInactive",
  unavailable: "LdapUnavailable",
};

type Headers = Record<string, string | string[] | undefined> | undefined;

/** The client's address for throttling (identity/client-address.ts), "unknown" when no proxy named it. */
export function clientAddressOf(headers: Headers): string {
  return clientAddressFrom(headers?.["x-forwarded-for"], headers?.["x-real-ip"]) ?? "unknown";
}

export function ldapProvider(deps: LdapSignInDeps) {
  return CredentialsProvider({
    id: LDAP_PROVIDER_ID,
    name: "Staff directory (LDAP)",
    credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req): Promise<User | null> {
      const username = typeof credentials?.username === "string" ? credentials.username.trim() : "";
      const password = typeof credentials?.password === "string" ? credentials.password : "";
      let outcome: Awaited<ReturnType<typeof signInWithLdap>>;
      try {
        outcome = await signInWithLdap(deps, {
          username,
          password,
          clientAddress: clientAddressOf(req.headers as Headers),
        });
      } catch (error) {
        // next-auth would put the message (a Prisma one, say) into the page's URL: log it under a reference instead.
        toAppError(error, "LDAP sign-in");
        throw new Error(LDAP_FAILED);
      }
      // next-auth puts a thrown error's message into the sign-in page's `error` parameter.
      if (outcome.kind === "refused") throw new Error(LDAP_ERROR_CODES[outcome.reason]);
      return { id: outcome.userId };
    },
  });
}
