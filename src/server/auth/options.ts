// next-auth configuration: EVE SSO as the only sign-in, JWT cookies that carry a
// revocable server-side session id. The access token is verified locally as a JWT
// (eve-jwt.ts) instead of calling the deprecated verify endpoint.
import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { env } from "~/env";
import { characterPublicRefresh, characterUpdate } from "@inngest-fns/events";
import {
  CharacterOwnedElsewhereError,
  registerCharacter,
  signInWithCharacter,
  UserInactiveError,
} from "~/server/characters/registration";
import { appDeps } from "~/server/deps";
import { sendJobEvents } from "~/server/jobs/dispatch";
import { type EveIdentity, verifyEveAccessToken } from "./eve-jwt";
import { LOGIN_SCOPES } from "./scopes";
import { currentUser } from "./session";
import { ssoEndpoints } from "./sso-endpoints";

const SESSION_MAX_AGE_S = 30 * 24 * 3600;

function eveProvider(): OAuthConfig<EveIdentity & Record<string, unknown>> {
  const { sso } = env();
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

async function notifyPublicRefresh(characterId: number, andSections = false): Promise<void> {
  // The character is stored already; a failed enqueue only delays its data until the next scheduled scan.
  const events = [
    { name: characterPublicRefresh.name, data: { characterIds: [characterId] } },
    ...(andSections ? [{ name: characterUpdate.name, data: { characterId } }] : []),
  ];
  await sendJobEvents(events).catch((error: unknown) =>
    console.warn(`could not queue updates for character ${characterId}: ${String(error)}`),
  );
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const settings = env();
  cached = {
    secret: settings.authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [eveProvider()],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "eveonline" || !profile) return false;
        const identity = profile as unknown as EveIdentity;
        const deps = appDeps();
        const user = await currentUser();
        if (user) {
          // Signed in already: this SSO round trip registers another character.
          if (!account.refresh_token || !account.access_token)
            return `${settings.appUrl}/launcher?error=NoRefreshToken`;
          try {
            await registerCharacter(deps, user.id, identity, {
              refreshToken: account.refresh_token,
              accessToken: account.access_token,
              accessTokenExpiresAt: identity.expiresAt,
            });
          } catch (error) {
            if (error instanceof CharacterOwnedElsewhereError)
              return `${settings.appUrl}/launcher?error=OwnedElsewhere`;
            throw error;
          }
          // A new registration is loaded at once, not at the next scan.
          await notifyPublicRefresh(identity.characterId, true);
          // Returning a URL ends the flow without replacing the current session.
          return `${settings.appUrl}/launcher?added=${identity.characterId}`;
        }
        try {
          const { isNewUser } = await signInWithCharacter(deps, identity);
          if (isNewUser) await notifyPublicRefresh(identity.characterId);
        } catch (error) {
          if (error instanceof UserInactiveError) return `${settings.appUrl}/signin?error=AccountInactive`;
          throw error;
        }
        return true;
      },
      async jwt({ token, profile }) {
        if (profile) {
          const { db } = appDeps();
          const identity = profile as unknown as EveIdentity;
          const ownership = await db.characterOwnership.findUniqueOrThrow({
            where: { characterId: identity.characterId },
          });
          const session = await db.session.create({
            data: {
              userId: ownership.userId,
              sessionToken: randomBytes(32).toString("base64url"),
              expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
            },
          });
          token.sid = session.sessionToken;
          token.uid = ownership.userId;
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
        if (token?.sid) await appDeps().db.session.deleteMany({ where: { sessionToken: token.sid } });
      },
    },
  };
  return cached;
}
