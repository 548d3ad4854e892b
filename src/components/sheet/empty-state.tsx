/** What a tab shows when its section holds nothing yet (never loaded, or truly empty). */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <p
      className="rounded border border-dashed border-ink-700 p-6 text-center text-sm text-slate-400"
      data-testid="empty-state"
    >
      {children}
    </p>
  );
}
