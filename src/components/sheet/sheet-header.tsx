import { env } from "~/env";
import type { Alt } from "~/server/sheet/alts";
import type { SheetCharacter } from "~/server/sheet/viewable-character";
import { CharacterSwitcher } from "./character-switcher";

export function SheetHeader({ character, alts }: { character: SheetCharacter; alts: Alt[] }) {
  const c = character.eveCharacter;
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
      <div className="flex min-w-0 items-center gap-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- EVE's image server, or the simulator's in the demo */}
        <img
          src={`${env().imageBaseUrl}/characters/${c.id}/portrait?size=128`}
          alt=""
          width={72}
          height={72}
          className="rounded"
        />
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold text-slate-100" data-testid="character-name">
            {c.name}
            {character.isShared && (
              <span className="ml-2 rounded bg-violet-500/20 px-1.5 py-0.5 align-middle text-xs text-violet-300">
                shared
              </span>
            )}
          </h1>
          <p className="truncate text-sm text-slate-400">
            {c.corporationName ?? "Corporation pending"}
            {c.allianceName && ` · ${c.allianceName}`}
          </p>
        </div>
      </div>
      <CharacterSwitcher current={c.id} alts={alts} />
    </div>
  );
}
