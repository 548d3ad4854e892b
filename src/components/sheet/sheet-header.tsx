import { env } from "~/env";
import type { Alt } from "~/server/sheet/alts";
import type { SheetCharacter } from "~/server/sheet/viewable-character";
import { CharacterSwitcher } from "./character-switcher";
import { AffiliationLine, EveImage } from "~/components/eve-image";

export function SheetHeader({ character, alts }: { character: SheetCharacter; alts: Alt[] }) {
  const c = character.eveCharacter;
  return (
    <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
      <div className="flex min-w-0 items-center gap-4">
        <EveImage base={env().imageBaseUrl} kind="character" id={c.id} size={72} alt="" />
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold text-slate-100" data-testid="character-name">
            {c.name}
            {character.isShared && (
              <span className="ml-2 rounded bg-violet-500/20 px-1.5 py-0.5 align-middle text-xs text-violet-300">
                shared
              </span>
            )}
          </h1>
          <AffiliationLine
            base={env().imageBaseUrl}
            corporation={c.corporationId && c.corporationName ? { id: c.corporationId, name: c.corporationName } : null}
            alliance={c.allianceId && c.allianceName ? { id: c.allianceId, name: c.allianceName } : null}
          />
        </div>
      </div>
      <CharacterSwitcher current={c.id} alts={alts} />
    </div>
  );
}
