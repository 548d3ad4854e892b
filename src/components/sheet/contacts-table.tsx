"use client";
// Contacts: the whole list comes from the server render (a character has at most about
// a thousand), so the standing-band filter and the sorts run here without a round trip.
import { useMemo, useState } from "react";
import type { ContactRow, ContactsSheet, StandingBand } from "~/server/sheet/contacts";

const BANDS: { band: StandingBand; label: string; className: string }[] = [
  { band: "excellent", label: "Excellent", className: "text-sky-300" },
  { band: "good", label: "Good", className: "text-sky-500" },
  { band: "neutral", label: "Neutral", className: "text-slate-300" },
  { band: "bad", label: "Bad", className: "text-orange-400" },
  { band: "terrible", label: "Terrible", className: "text-red-400" },
];
const bandClass = (band: StandingBand) => BANDS.find((b) => b.band === band)!.className;
const TYPE_ORDER = ["character", "corporation", "alliance", "faction"];
type Sort = "standing" | "name" | "type";

const compare: Record<Sort, (a: ContactRow, b: ContactRow) => number> = {
  standing: (a, b) => a.standing - b.standing,
  name: (a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }),
  type: (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type),
};

export function ContactsTable({ sheet }: { sheet: ContactsSheet }) {
  const [band, setBand] = useState<StandingBand | null>(null);
  const [sort, setSort] = useState<{ by: Sort; order: "asc" | "desc" }>({ by: "standing", order: "desc" });
  const rows = useMemo(() => {
    const sign = sort.order === "asc" ? 1 : -1;
    return sheet.rows
      .filter((r) => !band || r.band === band)
      .sort((a, b) => sign * compare[sort.by](a, b) || compare.name(a, b));
  }, [sheet.rows, band, sort]);
  const header = (by: Sort, label: string) => (
    <button
      type="button"
      onClick={() => setSort({ by, order: sort.by === by && sort.order === "desc" ? "asc" : "desc" })}
    >
      {label} {sort.by === by ? (sort.order === "asc" ? "▲" : "▼") : ""}
    </button>
  );

  return (
    <div className="space-y-3" data-testid="contacts">
      <div className="flex flex-wrap gap-2 text-sm">
        <button
          type="button"
          onClick={() => setBand(null)}
          className={`rounded border px-2 py-0.5 ${band === null ? "border-sky-500" : "border-ink-700"}`}
        >
          All ({sheet.total})
        </button>
        {BANDS.map((b) => (
          <button
            key={b.band}
            type="button"
            onClick={() => setBand(b.band)}
            className={`rounded border px-2 py-0.5 ${b.className} ${band === b.band ? "border-sky-500" : "border-ink-700"}`}
            data-testid={`contacts-band-${b.band}`}
          >
            {b.label} ({sheet.bandCounts[b.band]})
          </button>
        ))}
      </div>
      <div className="overflow-x-auto rounded-lg border border-ink-700 bg-ink-900">
        <table className="w-full text-left text-sm">
          <thead className="text-slate-400">
            <tr>
              <th className="px-3 py-2">{header("name", "Name")}</th>
              <th className="px-3 py-2">{header("type", "Type")}</th>
              <th className="px-3 py-2 text-right">{header("standing", "Standing")}</th>
              <th className="px-3 py-2">Labels</th>
              <th className="px-3 py-2">Flags</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-ink-700" data-testid={`contact-row-${r.id}`}>
                <td className="px-3 py-1.5 text-slate-200">{r.name}</td>
                <td className="px-3 py-1.5 capitalize text-slate-400">{r.type}</td>
                <td className={`px-3 py-1.5 text-right font-medium tabular-nums ${bandClass(r.band)}`}>
                  {r.standing > 0 ? `+${r.standing}` : r.standing}
                </td>
                <td className="px-3 py-1.5 text-slate-300">{r.labels.map((l) => l.name).join(", ") || "–"}</td>
                <td className="px-3 py-1.5 text-xs">
                  {r.isWatched && <span className="mr-1 rounded bg-ink-800 px-1.5 text-amber-300">watched</span>}
                  {r.isBlocked && <span className="rounded bg-ink-800 px-1.5 text-red-300">blocked</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-center text-sm text-slate-400">No contacts in this band.</p>}
      </div>
    </div>
  );
}
