"use client";
// Mail headers (label / mailing-list filter, "load more") beside a reading pane. The
// body arrives already sanitised by the server (src/server/sheet/mail-html.ts), which
// is what makes rendering it as HTML safe.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Panel } from "~/components/ui/panel";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { formatEveTime } from "./format";
import { LoadMoreButton } from "~/components/load-more-button";
import { ErrorMessage } from "~/components/error-message";

type MailHeaderRow = RouterOutputs["sheet"]["mail"]["headers"]["rows"][number];

const control = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm";

function LabelChips({ labels }: { labels: MailHeaderRow["labels"] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {labels.map((l) => (
        <span
          key={l.id}
          className="rounded bg-ink-800 px-1.5 text-xs text-slate-300"
          style={l.color ? { borderLeft: `3px solid ${l.color}` } : undefined}
        >
          {l.name}
        </span>
      ))}
    </span>
  );
}

export function MailBrowser({
  characterId,
  folders,
  initialPage,
  initialMail,
}: {
  characterId: number;
  folders: RouterOutputs["sheet"]["mail"]["folders"];
  initialPage: RouterOutputs["sheet"]["mail"]["headers"];
  initialMail: RouterOutputs["sheet"]["mail"]["read"];
}) {
  const trpc = useTRPC();
  // "label:<id>" or "list:<id>", one filter at a time as in the game's mail window.
  const [folder, setFolder] = useState("");
  const [selected, setSelected] = useState<string | null>(initialMail?.mailId ?? null);
  const [kind, id] = folder.split(":");
  const filter = {
    labelId: kind === "label" ? Number(id) : undefined,
    mailingListId: kind === "list" ? Number(id) : undefined,
  };
  const headers = useInfiniteQuery(
    trpc.sheet.mail.headers.infiniteQueryOptions(
      { characterId, limit: 50, ...filter },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: folder ? undefined : { pages: [initialPage], pageParams: [null] },
      },
    ),
  );
  const rows = useMemo(() => headers.data?.pages.flatMap((p) => p.rows) ?? [], [headers.data]);
  const mail = useQuery(
    trpc.sheet.mail.read.queryOptions(
      { characterId, mailId: selected ?? undefined },
      {
        enabled: selected !== null,
        initialData: selected && selected === initialMail?.mailId ? initialMail : undefined,
      },
    ),
  );

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <section className="space-y-2" data-testid="mail-list">
        <div className="flex items-center gap-2">
          <select aria-label="Folder" className={control} value={folder} onChange={(e) => setFolder(e.target.value)}>
            <option value="">All mail</option>
            <optgroup label="Labels">
              {folders.labels.map((l) => (
                <option key={l.id} value={`label:${l.id}`}>
                  {l.name}
                  {l.unreadCount ? ` (${l.unreadCount})` : ""}
                </option>
              ))}
            </optgroup>
            {folders.mailingLists.length > 0 && (
              <optgroup label="Mailing lists">
                {folders.mailingLists.map((l) => (
                  <option key={l.id} value={`list:${l.id}`}>
                    {l.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
          {folders.unreadTotal !== null && <span className="text-sm text-slate-400">{folders.unreadTotal} unread</span>}
        </div>
        <ErrorMessage error={headers.error} />
        <Panel as="ul" padding="none" className="divide-y divide-ink-700">
          {rows.map((m) => (
            <li key={m.mailId}>
              <button
                type="button"
                onClick={() => setSelected(m.mailId)}
                className={`block w-full px-3 py-2 text-left hover:bg-ink-800 ${m.mailId === selected ? "bg-ink-800" : ""}`}
                data-testid={`mail-row-${m.mailId}`}
              >
                <span className="flex items-baseline justify-between gap-2">
                  <span className={`truncate ${m.isRead ? "text-slate-300" : "font-semibold text-slate-100"}`}>
                    {!m.isRead && (
                      <span
                        className="mr-1 inline-block h-2 w-2 rounded-full bg-sky-400"
                        title="unread"
                        data-testid="mail-unread"
                      />
                    )}
                    {m.subject || "(no subject)"}
                  </span>
                  <span className="shrink-0 text-xs text-slate-400">{formatEveTime(m.timestamp)}</span>
                </span>
                <span className="flex items-center justify-between gap-2 text-xs text-slate-400">
                  <span className="truncate">{m.sender?.name ?? "–"}</span>
                  <LabelChips labels={m.labels} />
                </span>
              </button>
            </li>
          ))}
          {!headers.isFetching && rows.length === 0 && (
            <li className="p-4 text-center text-sm text-slate-400">No mail here.</li>
          )}
        </Panel>
        <LoadMoreButton query={headers} label={`Load more (${rows.length} shown)`} />
      </section>
      <Panel data-testid="mail-reader">
        {!selected ? (
          <p className="text-sm text-slate-400">Pick a mail to read it.</p>
        ) : mail.isPending ? (
          <p className="text-sm text-slate-400">Loading…</p>
        ) : !mail.data ? (
          <p className="text-sm text-slate-400">This mail is no longer stored.</p>
        ) : (
          <article className="space-y-3">
            <header className="space-y-1 border-b border-ink-700 pb-3">
              <h2 className="text-lg font-semibold text-slate-100" data-testid="mail-subject">
                {mail.data.subject || "(no subject)"}
              </h2>
              <p className="text-sm text-slate-400">
                From <span className="text-slate-200">{mail.data.sender?.name ?? "–"}</span> ·{" "}
                {formatEveTime(mail.data.timestamp)}
              </p>
              <p className="text-sm text-slate-400">To {mail.data.recipients.map((r) => r.name).join(", ") || "–"}</p>
              <LabelChips labels={mail.data.labels} />
            </header>
            {mail.data.bodyLoaded ? (
              // Sanitised on the server with an allowlist: formatting, text colours and http(s) links only.
              <div
                className="mail-body break-words text-sm leading-relaxed text-slate-200 [&_a]:text-sky-300 [&_a]:underline"
                data-testid="mail-body"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with an allowlist (sheet/mail-html.ts)
                dangerouslySetInnerHTML={{ __html: mail.data.bodyHtml }}
              />
            ) : (
              <p className="text-sm text-slate-400">The body has not been loaded yet.</p>
            )}
          </article>
        )}
      </Panel>
    </div>
  );
}
