"use client";
// The notification centre: unread first, each part newest first. The first page comes
// rendered from the server; the unread filter and later pages go through the tRPC
// cursor. Marking read refreshes the list and the server-rendered header (its bell).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LoadMoreButton } from "~/components/load-more-button";
import { formatEveTime } from "~/components/sheet/format";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";

type Page = RouterOutputs["notifications"]["list"];
type Row = Page["rows"][number];

// Level words are shown, not only colours (WCAG 1.4.1); each colour holds AA on ink-900.
const LEVEL: Record<string, { label: string; className: string }> = {
  info: { label: "Info", className: "text-sky-300" },
  success: { label: "Success", className: "text-emerald-300" },
  warning: { label: "Warning", className: "text-amber-300" },
  danger: { label: "Action needed", className: "text-red-300" },
};

export function NotificationCentre({ first, unread, pageSize }: { first: Page; unread: number; pageSize: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: pageSize, unreadOnly },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: unreadOnly ? undefined : { pages: [first], pageParams: [null] },
      },
    ),
  );
  const count = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { initialData: { unread } }));
  const changed = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
    router.refresh();
  };
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: changed }));
  const markOne = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: changed }));
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const unreadNow = count.data?.unread ?? unread;
  const failure = markAll.error ?? markOne.error;

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-x-4 gap-y-2">
        <p role="status" className="text-sm text-slate-300" data-testid="notifications-unread">
          {unreadNow === 0 ? "No unread notifications" : `${unreadNow} unread`}
        </p>
        <label className="flex items-center gap-2 text-sm text-slate-300">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
          Unread only
        </label>
        <button
          type="button"
          onClick={() => markAll.mutate()}
          disabled={markAll.isPending || unreadNow === 0}
          data-testid="notifications-mark-all"
          className="rounded border border-ink-700 px-3 py-1 text-sm text-slate-200 hover:bg-ink-800 disabled:opacity-60"
        >
          Mark all read
        </button>
      </div>
      {failure && (
        <p role="alert" className="mb-3 text-sm text-red-300">
          {failure.message}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="rounded border border-ink-700 p-4 text-sm text-slate-300">
          {list.isLoading ? "Loading…" : unreadOnly ? "No unread notifications." : "No notifications."}
        </p>
      ) : (
        <ul className="divide-y divide-ink-700 rounded border border-ink-700" data-testid="notifications">
          {rows.map((n) => (
            <NotificationItem
              key={n.id}
              n={n}
              marking={markOne.isPending}
              onMarkRead={() => markOne.mutate({ ids: [n.id] })}
            />
          ))}
        </ul>
      )}
      <LoadMoreButton query={list} testId="notifications-more" className="mt-3" />
    </div>
  );
}

function NotificationItem({ n, marking, onMarkRead }: { n: Row; marking: boolean; onMarkRead: () => void }) {
  const level = LEVEL[n.level] ?? LEVEL.info!;
  const isUnread = n.readAt === null;
  return (
    <li
      className={`flex flex-wrap items-start justify-between gap-3 p-3 ${isUnread ? "bg-ink-800" : ""}`}
      data-testid="notification"
      data-unread={isUnread}
    >
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-3 text-xs">
          <span className={`font-semibold ${level.className}`}>{level.label}</span>
          <time dateTime={new Date(n.createdAt).toISOString()} className="text-slate-400">
            {formatEveTime(n.createdAt)}
          </time>
          <span className={isUnread ? "font-semibold text-amber-300" : "text-slate-400"}>
            {isUnread ? "Unread" : "Read"}
          </span>
        </p>
        <h2 className={`mt-1 break-words text-sm ${isUnread ? "font-semibold text-slate-100" : "text-slate-200"}`}>
          {n.title}
        </h2>
        <p className="mt-1 break-words text-sm text-slate-300">{n.message}</p>
      </div>
      {isUnread && (
        <button
          type="button"
          onClick={onMarkRead}
          disabled={marking}
          aria-label={`Mark read: ${n.title}`}
          className="rounded border border-ink-700 px-2 py-1 text-xs text-slate-200 hover:bg-ink-700 disabled:opacity-60"
        >
          Mark read
        </button>
      )}
    </li>
  );
}
