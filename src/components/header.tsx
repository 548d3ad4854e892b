import Link from "next/link";
import { EveImage } from "~/components/eve-image";
import { env } from "~/env";
import { appDeps } from "~/runtime/deps";
import { currentViewer } from "~/web/viewer";
import { AREAS, usableAreas } from "~/server/access/areas";
import { unreadCount } from "~/server/notifications/inbox";
import { NotificationBell } from "./notifications/notification-bell";
import { SignOutButton } from "./sign-out-button";

export async function Header() {
  const current = await currentViewer();
  const user = current?.user ?? null;
  const viewer = current?.viewer ?? null;
  const unread = user ? await unreadCount(appDeps().db, user.id) : 0;
  return (
    <header className="border-b border-ink-700 bg-ink-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-3">
        <Link href="/" className="font-semibold tracking-wide text-slate-100">
          Member Audit
        </Link>
        {user && (
          <nav className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <Link href="/launcher" className="text-slate-300 hover:text-white">
              My characters
            </Link>
            {(viewer ? usableAreas(viewer) : []).map((area) => (
              <Link key={area} href={AREAS[area].href} className="text-slate-300 hover:text-white">
                {AREAS[area].label}
              </Link>
            ))}
            <span className="inline-flex items-center gap-1.5 text-slate-400" data-testid="signed-in-as">
              {user.mainCharacter && (
                <EveImage base={env().imageBaseUrl} kind="character" id={user.mainCharacter.id} size={20} alt="" />
              )}
              {user.mainCharacter?.name ?? user.displayName ?? user.ldapUsername ?? "Unknown pilot"}
              {user.isSuperuser && (
                <span className="ml-2 rounded bg-amber-500/20 px-1.5 py-0.5 text-xs text-amber-300">superuser</span>
              )}
            </span>
            <NotificationBell unread={unread} />
            <SignOutButton />
          </nav>
        )}
      </div>
    </header>
  );
}
