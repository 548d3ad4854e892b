// next-auth wired to the app (docs/architecture.md, "Identity"): EVE SSO, and staff sign-in
// through LDAP when configured (docs/ldap.md), JWT cookies that carry a revocable server-side session id. The access token
// is verified locally as a JWT (identity/eve-jwt.ts) instead of calling the deprecated
// verify endpoint; what the round trip means is the sign-in service's to decide
// (characters/sign-in.ts). Built by src/web/auth.ts with the process's dependencies.
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { completeSsoRoundTrip, type SignInDeps, type SsoOutcome } from "~/server/characters/sign-in";
import { type EveIdentity, verifyEveAccessToken } from "~/server/identity/eve-jwt";
import { LOGIN_SCOPES } from "~/server/identity/scopes";
import { ssoEndpoints } from "~/server/identity/sso-endpoints";
import { ldapDirectory } from "~/server/ldap/directory";
import type { LdapSettings } from "~/server/ldap/settings";
import { FailureThrottle } from "~/server/ldap/throttle";
import { hostOnlyCookies } from "./add-marker";
import { LDAP_PROVIDER_ID, ldapProvider } from "./ldap-provider";
import { throttledAuthLogger } from "./throttled-logger";
import { closeSession, openSession, openUserSession, SESSION_MAX_AGE_S } from "./session";

export interface AuthSettings {
  appUrl: string;
  authSecret: string;
  sso: { clientId: string; clientSecret: string; baseUrl: string; issuer: string };
  ldap?: LdapSettings | undefined;
}

export interface AuthWiring {
  deps: SignInDeps;
  /**
   * The user this round trip adds a character to: only a session proven to have started the
   * add flow in this browser (add-marker.ts); null makes it a sign-in, which opens a new session.
   */
  signedInUserId(): Promise<string | null>;
}

function eveProvider(sso: AuthSettings["sso"]): OAuthConfig<EveIdentity & Record<string, unknown>> {
  const endpoints = ssoEndpoints(sso.baseUrl);
  return {
    id: "eveonline",
    name: "EVE Online",
    type: "oauth",
    clientId: sso.clientId,
    clientSecret: sso.clientSecret,
    authorization: { url: endpoints.authorize, params: { scope: LOGIN_SCOPES.join(" ") } },
    token: endpoints.token,
    userinfo: {
      url: endpoints.jwks,
      async request({ tokens }) {
        if (!tokens.access_token) throw new Error("EVE SSO returned no access token");
        const identity = await verifyEveAccessToken(tokens.access_token, {
          jwksUrl: endpoints.jwks,
          clientId: sso.clientId,
          issuer: sso.issuer,
        });
        // next-auth types the profile loosely; the verified identity is what signIn and jwt receive.
        return identity as never;
      },
    },
    profile: (identity) => ({ id: String(identity.characterId), name: identity.characterName }),
    checks: ["pkce", "state"],
    idToken: false,
  };
}

/** Where each outcome of the round trip lands: a URL ends next-auth's flow without touching the session. */
const REFUSED_AT = {
  "owned-elsewhere": "/launcher?error=OwnedElsewhere",
  "no-refresh-token": "/launcher?error=NoRefreshToken",
  "account-inactive": "/signin?error=AccountInactive",
} as const;

function landing(appUrl: string, outcome: SsoOutcome): string | true {
  if (outcome.kind === "refused") return `${appUrl}${REFUSED_AT[outcome.reason]}`;
  if (outcome.kind === "registered") return `${appUrl}/launcher?added=${outcome.characterId}`;
  return true;
}

function providers(settings: AuthSettings, wiring: AuthWiring): NextAuthOptions["providers"] {
  const { ldap } = settings;
  if (!ldap) return [eveProvider(settings.sso)];
  // One throttle per options object: src/web/auth.ts builds the options once per process.
  const throttle = new FailureThrottle(ldap.throttle);
  return [
    eveProvider(settings.sso),
    ldapProvider({ db: wiring.deps.db, directory: ldapDirectory(ldap), throttle, settings: ldap }),
  ];
}

export function createAuthOptions(settings: AuthSettings, wiring: AuthWiring): NextAuthOptions {
  return {
    secret: settings.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    cookies: hostOnlyCookies(settings.appUrl.startsWith("https:")) as NextAuthOptions["cookies"],
    pages: { signIn: "/signin", error: "/signin" },
    logger: throttledAuthLogger(),
    providers: providers(settings, wiring),
    callbacks: {
      async signIn({ account, profile }) {
        // The LDAP provider's authorize has decided already: it returns a user only when signed in.
        if (account?.provider === LDAP_PROVIDER_ID) return Boolean(settings.ldap);
        if (account?.provider !== "eveonline" || !profile) return false;
        const outcome = await completeSsoRoundTrip(
          wiring.deps,
          {
            identity: profile as unknown as EveIdentity,
            accessToken: account.access_token,
            refreshToken: account.refresh_token,
          },
          await wiring.signedInUserId(),
        );
        return landing(settings.appUrl, outcome);
      },
      async jwt({ token, profile, user, account }) {
        if (account?.provider === LDAP_PROVIDER_ID && user) {
          const session = await openUserSession(wiring.deps.db, user.id);
          token.sid = session.sessionToken;
          token.uid = session.userId;
          return token;
        }
        // Only a sign-in reaches here with a profile: a registration ended the flow at signIn.
        if (profile) {
          const session = await openSession(wiring.deps.db, (profile as unknown as EveIdentity).characterId);
          token.sid = session.sessionToken;
          token.uid = session.userId;
        }
        return token;
      },
      session({ session, token }) {
        session.sid = token.sid;
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await closeSession(wiring.deps.db, token.sid);
      },
    },
  };
}
