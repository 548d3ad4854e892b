"use client";
// The audit log for superusers: filters (actor, character, action, dates), pages by
// the tRPC cursor, and the CSV of everything the filters match.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EveImage } from "~/components/eve-image";
import { LoadMoreButton } from "~/components/load-more-button";
import { formatEveTime } from "~/components/sheet/format";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/input";
import { AUDIT_ACTIONS } from "~/server/audit/actions";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs, RouterOutputs } from "~/trpc/types";

type Page = RouterOutputs["audit"]["list"];
type Filter = Omit<RouterInputs["audit"]["list"], "cursor" | "limit">;

function toFilter(form: FormData): Filter {
  const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
  const date = (name: string, endOfDay: boolean) => {
    const value = text(name);
    return value ? new Date(`${value}T${endOfDay ? "23:59:59.999" : "00:00:00"}Z`) : undefined;
  };
  return {
    actor: text("actor"),
    character: text("character"),
    action: text("action") as Filter["action"],
    from: date("from", false),
    to: date("to", true),
  };
}

export function AuditLog({ first, pageSize, imageBaseUrl }: { first: Page; pageSize: number; imageBaseUrl: string }) {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<Filter>({});
  const filtered = Object.values(filter).some((v) => v !== undefined);
  const list = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...filter, limit: pageSize },
      {
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        initialData: filtered ? undefined : { pages: [first], pageParams: [null] },
      },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.rows) ?? [];
  const csvHref = `/admin/audit/csv?input=${encodeURIComponent(JSON.stringify(filter))}`;

  return (
    <div>
      <form
        className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(toFilter(new FormData(e.currentTarget)));
        }}
      >
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          Actor
          <input name="actor" className={inputClass} maxLength={100} placeholder="character or staff name" />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          Character
          <input name="character" className={inputClass} maxLength={100} placeholder="name or id" />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          Action
          <select name="action" className={inputClass} defaultValue="">
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          From
          <input name="from" type="date" className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm text-slate-300">
          To
          <input name="to" type="date" className={inputClass} />
        </label>
        <div className="flex items-end gap-2">
          <Button variant="primary" type="submit">
            Filter
          </Button>
          <a href={csvHref} className="rounded border border-ink-700 px-3 py-1 text-sm text-slate-200 hover:bg-ink-800">
            CSV
          </a>
        </div>
      </form>
      {list.error && (
        <p role="alert" className="mb-3 text-sm text-red-300">
          {list.error.message}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="rounded border border-ink-700 p-4 text-sm text-slate-300">
          {list.isLoading ? "Loading…" : "No events match."}
        </p>
      ) : (
        <ul className="divide-y divide-ink-700 rounded border border-ink-700" data-testid="audit-rows">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap gap-x-4 gap-y-1 p-3 text-sm">
              <span className="text-slate-400">{formatEveTime(r.at)}</span>
              <span className="font-medium text-slate-100">{r.action}</span>
              <span className="text-slate-200">
                {r.actor?.name ?? "system"}{" "}
                <span className="text-slate-400">
                  via {r.via}
                  {r.token && ` “${r.token.name ?? r.token.id}”`}
                </span>
              </span>
              {r.character && (
                <span className="inline-flex items-center gap-1.5 text-slate-200">
                  <EveImage base={imageBaseUrl} kind="character" id={r.character.id} size={16} alt="" />
                  {r.character.name ?? "?"} ({r.character.id})
                </span>
              )}
              {r.target && <span className="text-slate-200">user {r.target.name}</span>}
              {r.detail && <span className="break-all text-slate-300">{r.detail}</span>}
              {r.address && <span className="text-slate-400">{r.address}</span>}
            </li>
          ))}
        </ul>
      )}
      <LoadMoreButton query={list} className="mt-3" testId="audit-more" />
    </div>
  );
}
