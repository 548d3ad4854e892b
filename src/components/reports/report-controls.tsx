"use client";
// What the three report tabs share: the tab bar, the compliance badge (text and a
// symbol as well as colour, WCAG 1.4.1), the filter menus and the CSV link of the view.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

export const REPORT_TABS = [
  { href: "/reports", label: "User compliance", csv: "user-compliance" },
  { href: "/reports/corporations", label: "Corporation compliance", csv: "corporation-compliance" },
  { href: "/reports/skill-sets", label: "Skill sets", csv: "skill-sets" },
] as const;

export function ReportTabNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Reports" className="mb-4 flex flex-wrap gap-1 border-b border-ink-700 pb-2 text-sm">
      {REPORT_TABS.map((tab) => {
        const active = pathname === tab.href;
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={active ? "page" : undefined}
            className={`rounded px-2.5 py-1 ${active ? "bg-ink-700 text-white" : "text-slate-300 hover:bg-ink-800 hover:text-white"}`}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}

// Colours over the panels' ink-900 all reach well over 4.5:1.
const LEVELS = {
  fully: { label: "Fully compliant", symbol: "✓", className: "border-emerald-700 bg-emerald-950 text-emerald-200" },
  partly: { label: "Partly compliant", symbol: "◐", className: "border-amber-700 bg-amber-950 text-amber-200" },
  not: { label: "Not compliant", symbol: "✗", className: "border-red-700 bg-red-950 text-red-200" },
} as const;

export function ComplianceBadge({ level, children }: { level: keyof typeof LEVELS; children?: ReactNode }) {
  const l = LEVELS[level];
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-1.5 py-0.5 text-xs ${l.className}`}
    >
      <span aria-hidden="true">{l.symbol}</span>
      {children ?? l.label}
    </span>
  );
}

export const selectClass = "rounded border border-ink-700 bg-ink-950 px-2 py-1 text-sm text-slate-200";

export function FilterSelect<T extends string | number>({
  label,
  value,
  onChange,
  options,
  anyLabel,
}: {
  label: string;
  value: T | undefined;
  onChange(value: T | undefined): void;
  options: readonly { value: T; label: string }[];
  anyLabel: string;
}) {
  return (
    <label className="flex flex-col gap-0.5 text-xs text-slate-300">
      {label}
      <select
        className={selectClass}
        value={value ?? ""}
        onChange={(e) => {
          const picked = options.find((o) => String(o.value) === e.target.value);
          onChange(picked?.value);
        }}
      >
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A yes / no / either filter, as a select holding "true" / "false". */
export function YesNoSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean | undefined;
  onChange(value: boolean | undefined): void;
}) {
  return (
    <FilterSelect<"yes" | "no">
      label={label}
      anyLabel="Either"
      value={value === undefined ? undefined : value ? "yes" : "no"}
      onChange={(v) => onChange(v === undefined ? undefined : v === "yes")}
      options={[
        { value: "yes", label: "Yes" },
        { value: "no", label: "No" },
      ]}
    />
  );
}

/** Downloads the rows of the view as it is filtered and sorted (no paging). */
export function CsvLink({ tab, input }: { tab: (typeof REPORT_TABS)[number]["csv"]; input: object }) {
  const href = `/reports/csv/${tab}?input=${encodeURIComponent(JSON.stringify(input))}`;
  return (
    <a
      href={href}
      download
      className="self-end rounded border border-ink-700 px-3 py-1 text-sm text-slate-200 hover:bg-ink-800"
      data-testid="report-csv"
    >
      Download CSV
    </a>
  );
}

export function sortState<S extends string>(
  current: { sort: S; order: "asc" | "desc" },
  set: (next: { sort: S; order: "asc" | "desc" }) => void,
) {
  return (key: S) => {
    const active = current.sort === key;
    return {
      direction: active ? current.order : null,
      onSort: () => set({ sort: key, order: active && current.order === "asc" ? "desc" : "asc" }),
    };
  };
}
