"use client";
import { usePathname, useRouter } from "next/navigation";

/** Jump to the owner's other characters, staying on the same tab. */
export function CharacterSwitcher({
  current,
  siblings,
}: {
  current: number;
  siblings: { id: number; name: string }[];
}) {
  const pathname = usePathname();
  const router = useRouter();
  if (siblings.length < 2) return null;
  const tab = pathname.split("/")[3] ?? "";
  return (
    <label className="flex items-center gap-2 text-sm text-slate-400">
      Owner's characters
      <select
        data-testid="character-switcher"
        className="rounded border border-ink-700 bg-ink-800 px-2 py-1 text-slate-200"
        value={current}
        onChange={(e) => router.push(`/characters/${e.target.value}${tab ? `/${tab}` : ""}`)}
      >
        {siblings.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
