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
  const links = [
    { href: "/launcher", label: "My characters" },
    ...(viewer ? usableAreas(viewer) : []).map((area) => ({ href: AREAS[area].href, label: AREAS[area].label })),
  ];
  const linkList = (className: string) => (
    <ul className={className}>
      {links.map((l) => (
        <li key={l.href}>
          <Link href={l.href} className="block text-slate-300 hover:text-white">
            {l.label}
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <header className="border-b border-ink-700 bg-ink-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-semibold tracking-wide text-slate-100">
          Member Audit
        </Link>
        {user && (
          <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {/* On a phone the areas fold into a disclosure menu (no script needed; Enter or Space opens it). */}
            <details className="relative md:hidden">
              <summary className="cursor-pointer list-none rounded border border-ink-700 px-2 py-1 text-slate-200">
                Menu
              </summary>
              {linkList(
                "absolute left-0 z-20 mt-2 w-56 space-y-2 rounded border border-ink-700 bg-ink-900 p-3 shadow-lg",
              )}
            </details>
            {linkList("hidden flex-wrap items-center gap-x-4 gap-y-2 md:flex")}
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
