"use client";
// Notifications: the first page comes rendered from the server; the unread filter and
// later pages go through the tRPC cursor. Texts are shown as plain preformatted text
// (React escapes them), never interpreted as HTML.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";
import { formatEveTime } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";

const PAGE = 50;

export function CalendarNotifications({
  characterId,
  first,
}: {
  characterId: number;
  first: RouterOutputs["sheet"]["calendar"]["notifications"];
}) {
  const trpc = useTRPC();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useInfiniteQuery(
    trpc.sheet.calendar.notifications.infiniteQueryOptions(
      { characterId, limit: PAGE, unreadOnly },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: unreadOnly ? undefined : { pages: [first], pageParams: [null] },
      },
    ),
  );
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  return (
    <div>
      <label className="mb-3 flex items-center gap-2 text-sm text-slate-300">
        <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
        Unread only
      </label>
      {rows.length === 0 ? (
        <EmptyState>{query.isLoading ? "Loading…" : "No notifications."}</EmptyState>
      ) : (
        <ul className="divide-y divide-ink-700" data-testid="notifications-list">
          {rows.map((n) => (
            <li key={n.notificationId} className="py-2" data-testid={`notification-${n.notificationId}`}>
              <details>
                <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 text-sm">
                  <span className="text-slate-400">{formatEveTime(n.timestamp)}</span>
                  <span className={n.isRead ? "text-slate-300" : "font-semibold text-slate-100"}>{n.type}</span>
                  <span className="text-slate-400">from {n.senderName}</span>
                  {!n.isRead && <span className="text-xs text-sky-300">unread</span>}
                </summary>
                <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-ink-950 p-2 text-xs text-slate-300">
                  {n.text ?? "(no text)"}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton query={query} testId="notifications-more" className="mt-3" />
    </div>
  );
}
