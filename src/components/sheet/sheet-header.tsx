import { env } from "~/env";
import type { SheetCharacter } from "~/server/sheet/viewable-character";

export function SheetHeader({ character }: { character: SheetCharacter }) {
  const c = character.eveCharacter;
  return (
    <div className="mb-4 flex items-center gap-4">
      {/* eslint-disable-next-line @next/next/no-img-element -- EVE's image server, or the simulator's in the demo */}
      <img src={`${env().imageBaseUrl}/characters/${c.id}/portrait?size=128`} alt="" width={72} height={72} className="rounded" />
      <div className="min-w-0">
        <h1 className="truncate text-2xl font-semibold text-slate-100" data-testid="character-name">
          {c.name}
        </h1>
        <p className="truncate text-sm text-slate-400">
          {c.corporationName ?? "Corporation pending"}
          {c.allianceName && ` · ${c.allianceName}`}
        </p>
      </div>
    </div>
  );
}
