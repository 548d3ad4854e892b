"use client";
// Contacts: the whole list comes from the server render (a character has at most about
// a thousand), so the standing-band and player/NPC filters and the sorts run here without
// a round trip (the list procedure takes the same filters for API callers).
import { useMemo, useState } from "react";
import { type Column, Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";

type ContactsSheet = RouterOutputs["sheet"]["contacts"]["list"];
type ContactRow = ContactsSheet["rows"][number];
type StandingBand = ContactRow["band"];

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
type Kind = "all" | "players" | "npcs";

const compare: Record<Sort, (a: ContactRow, b: ContactRow) => number> = {
  standing: (a, b) => a.standing - b.standing,
  name: (a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }),
  type: (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type),
};

export function ContactsTable({ sheet }: { sheet: ContactsSheet }) {
  const [band, setBand] = useState<StandingBand | null>(null);
  const [kind, setKind] = useState<Kind>("all");
  const [sort, setSort] = useState<{ by: Sort; order: "asc" | "desc" }>({ by: "standing", order: "desc" });
  const rows = useMemo(() => {
    const sign = sort.order === "asc" ? 1 : -1;
    return sheet.rows
      .filter((r) => (!band || r.band === band) && (kind === "all" || r.isNpc === (kind === "npcs")))
      .sort((a, b) => sign * compare[sort.by](a, b) || compare.name(a, b));
  }, [sheet.rows, band, kind, sort]);
  const kinds: { kind: Kind; label: string; count: number }[] = [
    { kind: "all", label: "All", count: sheet.total },
    { kind: "players", label: "Players", count: sheet.total - sheet.npcCount },
    { kind: "npcs", label: "NPCs", count: sheet.npcCount },
  ];
  const sortable = (by: Sort): Column<ContactRow>["sort"] => ({
    direction: sort.by === by ? sort.order : null,
    onSort: () => setSort({ by, order: sort.by === by && sort.order === "desc" ? "asc" : "desc" }),
  });

  return (
    <div className="space-y-3" data-testid="contacts">
      {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset */}
      <div role="group" aria-label="Show contacts" className="flex flex-wrap gap-2 text-sm">
        {kinds.map((k) => (
          <button
            key={k.kind}
            type="button"
            aria-pressed={kind === k.kind}
            onClick={() => setKind(k.kind)}
            className={`rounded border px-2 py-0.5 ${kind === k.kind ? "border-sky-500" : "border-ink-700"}`}
            data-testid={`contacts-kind-${k.kind}`}
          >
            {k.label} ({k.count})
          </button>
        ))}
      </div>
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
      <Table
        caption="Contacts"
        look="boxed"
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId={(r) => `contact-row-${r.id}`}
        empty="No contacts match these filters."
        columns={[
          { header: "Name", sort: sortable("name"), className: "text-slate-200", cell: (r) => r.name },
          {
            header: "Type",
            sort: sortable("type"),
            className: "capitalize text-slate-400",
            cell: (r) => (
              <>
                {r.type}
                {r.isNpc && (
                  <span className="ml-1.5 rounded bg-ink-800 px-1.5 text-xs uppercase text-violet-300">NPC</span>
                )}
              </>
            ),
          },
          {
            header: "Standing",
            sort: sortable("standing"),
            numeric: true,
            className: (r) => `font-medium ${bandClass(r.band)}`,
            cell: (r) => (r.standing > 0 ? `+${r.standing}` : r.standing),
          },
          {
            header: "Labels",
            className: "text-slate-300",
            cell: (r) => r.labels.map((l) => l.name).join(", ") || "–",
          },
          {
            header: "Flags",
            className: "text-xs",
            cell: (r) => (
              <>
                {r.isWatched && <span className="mr-1 rounded bg-ink-800 px-1.5 text-amber-300">watched</span>}
                {r.isBlocked && <span className="rounded bg-ink-800 px-1.5 text-red-300">blocked</span>}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
