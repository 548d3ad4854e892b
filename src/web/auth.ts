// next-auth for this process, and the signed-in user of the current request, read once
// per request however many server components ask (header, layout, page).
import { AsyncLocalStorage } from "node:async_hooks";
import NextAuth, { getServerSession, type NextAuthOptions } from "next-auth";
import { cookies } from "next/headers";
import { cache } from "react";
import { env } from "~/env";
import { appDeps } from "~/runtime/deps";
import { addMarker, addMarkerCookie, addMarkerCookieName, addMarkerMatches } from "~/server/auth/add-marker";
import { createAuthOptions } from "~/server/auth/options";
import { type CurrentUser, findSessionUser } from "~/server/auth/session";

let options: NextAuthOptions | undefined;
/** The session an SSO callback may add a character to, set only when its add marker matched. */
const addingTo = new AsyncLocalStorage<{ sessionToken: string | null }>();

export function authOptions(): NextAuthOptions {
  // next-auth v4 takes its own address from NEXTAUTH_URL (else http://localhost:3000). `npm start` sets it from
  // APP_URL; the standalone server (docs/deploy/) has nobody to, so the settings' APP_URL is the one answer.
  process.env.NEXTAUTH_URL ??= env().appUrl;
  options ??= createAuthOptions(env(), {
    deps: appDeps(),
    signedInUserId: async () => {
      const sessionToken = addingTo.getStore()?.sessionToken;
      return sessionToken ? ((await findSessionUser(appDeps().db, sessionToken))?.id ?? null) : null;
    },
  });
  return options;
}

export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  return findSessionUser(appDeps().db, session?.sid);
});

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's route, with the add-character marker around it: the sign-in POST that asks
 * for scopes (the launcher's "Add character"/"Register") and comes with a live session
 * gets a marker bound to the state it issued; the callback honours and clears it.
 */
export async function handleAuthRequest(req: Request, ctx: RouteContext): Promise<Response> {
  const settings = env();
  const secure = settings.appUrl.startsWith("https:");
  const markerName = addMarkerCookieName(secure);
  const action = (await ctx.params).nextauth.join("/");
  const run = () => NextAuth(req as never, ctx as never, authOptions()) as Promise<Response>;
  // next-auth answers some foreign callback URLs with a 500; a URL off this site is the client's mistake.
  const callbackUrl = await requestedCallbackUrl(req);
  if (callbackUrl !== null && !isOnSite(callbackUrl, settings.appUrl))
    return Response.json({ error: "callbackUrl must be a path or a URL on this site" }, { status: 400 });

  if (action === "callback/eveonline") {
    const marker = (await cookies()).get(markerName)?.value;
    const sid = marker ? (await getServerSession(authOptions()))?.sid : undefined;
    const state = new URL(req.url).searchParams.get("state");
    const sessionToken = addMarkerMatches(settings.authSecret, sid, state, marker) ? sid! : null;
    const response = await addingTo.run({ sessionToken }, run);
    if (marker) response.headers.append("Set-Cookie", addMarkerCookie(markerName, "", secure));
    return response;
  }

  if (req.method === "POST" && action === "signin/eveonline" && new URL(req.url).searchParams.has("scope")) {
    const sid = (await getServerSession(authOptions()))?.sid;
    const response = await run();
    const state = sid ? await issuedState(response) : null;
    if (sid && state)
      response.headers.append(
        "Set-Cookie",
        addMarkerCookie(markerName, addMarker(settings.authSecret, sid, state), secure),
      );
    return response;
  }
  return run();
}

/** The state in the authorize URL next-auth answered with (a redirect, or JSON for next-auth/react). */
async function issuedState(response: Response): Promise<string | null> {
  let url = response.headers.get("Location");
  if (!url && response.headers.get("Content-Type")?.includes("json"))
    url = ((await response.clone().json()) as { url?: string }).url ?? null;
  if (!url) return null;
  try {
    return new URL(url).searchParams.get("state");
  } catch {
    return null;
  }
}

async function requestedCallbackUrl(req: Request): Promise<string | null> {
  const inQuery = new URL(req.url).searchParams.get("callbackUrl");
  if (inQuery !== null) return inQuery;
  if (req.method !== "POST" || !req.headers.get("content-type")?.includes("application/x-www-form-urlencoded"))
    return null;
  const body = new URLSearchParams(await req.clone().text());
  return body.get("callbackUrl");
}

export function isOnSite(url: string, appUrl: string): boolean {
  if (url.startsWith("/")) return !url.startsWith("//") && !url.startsWith("/\\");
  try {
    return new URL(url).origin === new URL(appUrl).origin;
  } catch {
    return false;
  }
}
