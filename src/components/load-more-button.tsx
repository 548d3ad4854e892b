"use client";

/** The "next page" button of a cursor-paged list (a TanStack infinite query); nothing when there is no next page. */
export function LoadMoreButton({
  query,
  label = "Show more",
  testId,
  className = "",
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  label?: string;
  testId?: string;
  className?: string;
}) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      onClick={() => void query.fetchNextPage()}
      disabled={query.isFetchingNextPage}
      className={`rounded border border-ink-700 px-3 py-1 text-sm text-slate-300 hover:bg-ink-800 disabled:opacity-50 ${className}`}
      data-testid={testId}
    >
      {query.isFetchingNextPage ? "Loading…" : label}
    </button>
  );
}
