"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { inputClass } from "~/components/ui/input";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";

export type PickedType = RouterOutputs["skillSets"]["searchTypes"][number];

/** Type-ahead over skills or ships; it asks from two characters on, the least the server accepts. */
export function TypePicker({
  kind,
  placeholder,
  onPick,
}: {
  kind: "skill" | "ship";
  placeholder: string;
  onPick(t: PickedType): void;
}) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const found = useQuery({
    ...trpc.skillSets.searchTypes.queryOptions({ query, kind }),
    enabled: query.trim().length >= 2,
  });
  return (
    <div className="relative">
      <input
        aria-label={placeholder}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={placeholder}
        className={`${inputClass} w-full`}
      />
      {query.trim().length >= 2 && (found.data?.length ?? 0) > 0 && (
        <ul className="absolute z-10 mt-1 max-h-48 w-full overflow-auto rounded border border-ink-700 bg-ink-900 text-sm">
          {found.data!.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="w-full px-2 py-1 text-left hover:bg-ink-800"
                onClick={() => {
                  onPick(t);
                  setQuery("");
                }}
              >
                {t.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
