"use client";
// What the three searches share: the tab bar (links, so each search has its address),
// the text field with its visible label, the character cell linking into the sheet and
// the paged results table with its count and "load more".
import Link from "next/link";
import type { ReactNode } from "react";
import { ErrorMessage } from "~/components/error-message";
import { LoadMoreButton } from "~/components/load-more-button";
import { type Column, Table } from "~/components/ui/table";
import { EveImage } from "~/components/eve-image";

export const SEARCH_KINDS = [
  { kind: "items", href: "/search", label: "Items" },
  { kind: "skills", href: "/search?kind=skills", label: "Skills" },
  { kind: "mails", href: "/search?kind=mails", label: "Mails" },
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number]["kind"];

export function SearchTabNav({ active }: { active: SearchKind }) {
  return (
    <nav aria-label="Search for" className="mb-4 flex flex-wrap gap-1 border-b border-ink-700 pb-2 text-sm">
      {SEARCH_KINDS.map((tab) => (
        <Link
          key={tab.kind}
          href={tab.href}
          aria-current={tab.kind === active ? "page" : undefined}
          className={`rounded px-2.5 py-1 ${tab.kind === active ? "bg-ink-700 text-white" : "text-slate-300 hover:bg-ink-800 hover:text-white"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}

export const fieldClass = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm text-slate-200";
export const buttonClass =
  "rounded border border-ink-700 px-3 py-1 text-sm text-slate-200 hover:bg-ink-800 disabled:opacity-50";

export function TextField({
  label,
  value,
  onChange,
  placeholder,
  testId,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  testId?: string;
}) {
  return (
    <label className="flex min-w-0 flex-col gap-0.5 text-xs text-slate-300">
      {label}
      <input
        value={value}
        maxLength={100}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder}
        className={`${fieldClass} w-64 max-w-full`}
        data-testid={testId}
      />
    </label>
  );
}

export interface SearchCharacter {
  id: number;
  name: string;
  corporationName: string | null;
}

export function CharacterCell({
  character,
  href,
  imageBaseUrl,
}: {
  character: SearchCharacter;
  href: string;
  imageBaseUrl: string;
}) {
  return (
    <span className="flex items-center gap-2">
      <EveImage base={imageBaseUrl} kind="character" id={character.id} size={24} alt="" />
      <span className="min-w-0">
        <Link href={href} className="text-sky-300 hover:underline">
          {character.name}
        </Link>
        {character.corporationName && <span className="block text-xs text-slate-400">{character.corporationName}</span>}
      </span>
    </span>
  );
}

interface PagedQuery<Row> {
  data?: { pages: { rows: Row[]; total: number | null }[] };
  error: { message: string } | null;
  isFetching: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function SearchResults<Row>({
  query,
  caption,
  columns,
  rowKey,
  testId,
  empty,
}: {
  query: PagedQuery<Row>;
  caption: string;
  columns: Column<Row>[];
  rowKey(row: Row): string;
  testId: string;
  empty: ReactNode;
}) {
  const rows = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = query.data?.pages[0]?.total ?? null;
  return (
    <div className="space-y-3">
      <ErrorMessage error={query.error} />
      {query.data && (
        <p className="text-sm text-slate-400" aria-live="polite" data-testid={`${testId}-count`}>
          {total === null ? `${rows.length} shown` : `${total} found`}
        </p>
      )}
      {/* Wide result tables scroll inside their own box, never the page (390 px screens). */}
      <div className="overflow-x-auto">
        <Table
          caption={caption}
          testId={testId}
          look="plain"
          rows={rows}
          rowKey={rowKey}
          columns={columns}
          empty={query.data ? empty : undefined}
        />
      </div>
      <LoadMoreButton query={query} label={`Load more (${rows.length}${total === null ? "" : ` of ${total}`})`} />
    </div>
  );
}
