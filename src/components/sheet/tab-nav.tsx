"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { SHEET_TABS } from "./tabs";

/** The sheet's tab bar; tabs whose sections last failed carry a red dot. */
export function SheetTabNav({
  characterId,
  failedSections,
}: {
  characterId: number;
  failedSections: readonly string[];
}) {
  const pathname = usePathname();
  const base = `/characters/${characterId}`;
  return (
    <nav aria-label="Character sheet" className="mb-6 flex flex-wrap gap-1 border-b border-ink-700 pb-2 text-sm">
      {SHEET_TABS.map((tab) => {
        const href = tab.slug ? `${base}/${tab.slug}` : base;
        const active = pathname === href;
        const failed = tab.sections.some((s) => failedSections.includes(s));
        return (
          <Link
            key={tab.slug}
            href={href}
            aria-current={active ? "page" : undefined}
            data-testid={`tab-${tab.slug || "overview"}`}
            className={`rounded px-2.5 py-1 ${active ? "bg-ink-700 text-white" : "text-slate-400 hover:bg-ink-800 hover:text-slate-200"}`}
          >
            {tab.label}
            {failed && (
              <span
                className="ml-1 inline-block h-1.5 w-1.5 rounded-full bg-red-400 align-middle"
                title="Last update failed"
              />
            )}
          </Link>
        );
      })}
    </nav>
  );
}
