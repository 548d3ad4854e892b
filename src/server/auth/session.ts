// The signed-in user of the current request. The cookie only names a session row;
// the row must still exist, be unexpired and belong to an active user.
import { getServerSession } from "next-auth";
import { cache } from "react";
import { appDeps } from "~/server/deps";
import { authOptions } from "./options";

export const currentUser = cache(async () => {
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  const row = await appDeps().db.session.findUnique({
    where: { sessionToken: session.sid },
    include: { user: { include: { mainCharacter: true } } },
  });
  if (!row || row.expires < new Date() || !row.user.isActive) return null;
  return row.user;
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof currentUser>>>;
