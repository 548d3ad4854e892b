"use client";
// Items: a type name finds EVE types (names starting with it first); picking one, or
// every type listed, finds who holds it and where, summed per character and location.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Column } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { buttonClass, CharacterCell, SearchResults, TextField } from "./search-controls";

type Row = RouterOutputs["search"]["items"]["rows"][number];

export function ItemSearch({ imageBaseUrl }: { imageBaseUrl: string }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [typeIds, setTypeIds] = useState<number[]>([]);
  const types = useQuery(trpc.search.types.queryOptions({ query: name, kind: "item" }, { enabled: name.length >= 2 }));
  const items = useInfiniteQuery(
    trpc.search.items.infiniteQueryOptions(
      { typeIds, limit: 50 },
      { enabled: typeIds.length > 0, getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setName(text.trim());
    setTypeIds([]);
  };
  const columns: Column<Row>[] = [
    {
      header: "Character",
      rowHeader: true,
      cell: (r) => <CharacterCell character={r.character} href={r.href} imageBaseUrl={imageBaseUrl} />,
    },
    { header: "Type", cell: (r) => r.type.name },
    { header: "Location", cell: (r) => r.location.name, className: "break-words" },
    { header: "Quantity", numeric: true, cell: (r) => r.quantity.toLocaleString("en-US") },
    { header: "Stacks", numeric: true, cell: (r) => r.items },
  ];
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Items">
        <TextField
          label="Item type name"
          value={text}
          onChange={setText}
          placeholder="e.g. Rorqual"
          testId="item-type"
        />
        <button type="submit" className={buttonClass} disabled={text.trim().length < 2}>
          Find types
        </button>
      </form>
      {types.data && (
        <fieldset className="space-y-2">
          <legend className="text-sm text-slate-300">
            {types.data.length === 0 ? `No type is named like “${name}”.` : "Pick a type:"}
          </legend>
          <div className="flex flex-wrap gap-2" data-testid="type-choices">
            {types.data.map((t) => (
              <button
                key={t.id}
                type="button"
                aria-pressed={typeIds.length === 1 && typeIds[0] === t.id}
                onClick={() => setTypeIds([t.id])}
                className={buttonClass}
              >
                {t.name} <span className="text-xs text-slate-400">({t.groupName})</span>
              </button>
            ))}
            {types.data.length > 1 && (
              <button
                type="button"
                aria-pressed={typeIds.length === types.data.length}
                onClick={() => setTypeIds(types.data.map((t) => t.id))}
                className={buttonClass}
              >
                All {types.data.length} types
              </button>
            )}
          </div>
        </fieldset>
      )}
      {typeIds.length > 0 && (
        <SearchResults
          query={items}
          caption="Characters holding the type, by location"
          columns={columns}
          rowKey={(r) => `${r.character.id}:${r.location.id}:${r.type.id}`}
          testId="item-results"
          empty="No character in your scope holds it."
        />
      )}
    </div>
  );
}
