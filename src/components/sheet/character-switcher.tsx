"use client";
import { usePathname, useRouter } from "next/navigation";
import type { Alt } from "~/server/sheet/alts";

/**
 * Jump to the owner's other characters, staying on the same tab. Alts the viewer may not
 * open stay listed, disabled (announced as unavailable, never navigated to) with the
 * reason in their text, so nothing rests on colour.
 */
export function CharacterSwitcher({ current, alts }: { current: number; alts: Alt[] }) {
  const pathname = usePathname();
  const router = useRouter();
  if (alts.length < 2) return null;
  const tab = pathname.split("/")[3] ?? "";
  return (
    <label className="flex max-w-full items-center gap-2 text-sm text-slate-400">
      Owner's characters
      <select
        data-testid="character-switcher"
        className="min-w-0 max-w-[14rem] rounded border border-ink-700 bg-ink-800 px-2 py-1 text-slate-200"
        value={current}
        onChange={(e) => router.push(`/characters/${e.target.value}${tab ? `/${tab}` : ""}`)}
      >
        {alts.map((a) => (
          <option
            key={a.id}
            value={a.id}
            disabled={a.blocked !== null}
            aria-disabled={a.blocked !== null || undefined}
            className={a.blocked ? "text-slate-400" : undefined}
            data-testid={`alt-${a.id}`}
          >
            {a.blocked ? `${a.name} (${a.blocked})` : a.name}
          </option>
        ))}
      </select>
    </label>
  );
}
