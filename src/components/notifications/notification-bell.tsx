"use client";
// The header's way into the notification centre; its accessible name carries the count.
// The header renders with the server's count; the layout is not re-rendered on client
// navigation, so the bell asks again every minute, and the centre's mutations refresh it.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "~/trpc/client";

const POLL_MS = 60_000;

export function NotificationBell({ unread: initial }: { unread: number }) {
  const trpc = useTRPC();
  const count = useQuery(
    trpc.notifications.unreadCount.queryOptions(undefined, {
      initialData: { unread: initial },
      refetchInterval: POLL_MS,
    }),
  );
  const unread = count.data?.unread ?? initial;
  const label = `Notifications, ${unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-8 w-8 items-center justify-center rounded text-slate-300 hover:bg-ink-800 hover:text-white"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        <path d="M12 3a6 6 0 0 0-6 6v3.6L4.4 15.5a.6.6 0 0 0 .5.9h14.2a.6.6 0 0 0 .5-.9L18 12.6V9a6 6 0 0 0-6-6Z" />
        <path d="M9.8 19a2.3 2.3 0 0 0 4.4 0" strokeLinecap="round" />
      </svg>
      {unread > 0 && (
        <span
          aria-hidden="true"
          data-testid="notification-bell-count"
          className="absolute -top-1 -right-1 min-w-5 rounded-full bg-amber-300 px-1 text-center text-xs leading-5 font-semibold text-ink-950"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
