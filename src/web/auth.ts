// next-auth for this process, and the signed-in user of the current request, read once
// per request however many server components ask (header, layout, page).
import { getServerSession, type NextAuthOptions } from "next-auth";
import { cache } from "react";
import { env } from "~/env";
import { appDeps } from "~/runtime/deps";
import { createAuthOptions } from "~/server/auth/options";
import { type CurrentUser, findSessionUser } from "~/server/auth/session";

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= createAuthOptions(env(), {
    deps: appDeps(),
    signedInUserId: async () => (await currentUser())?.id ?? null,
  });
  return options;
}

export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  return findSessionUser(appDeps().db, session?.sid);
});
