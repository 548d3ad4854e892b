import type { ClonesSheet, SheetImplant, SheetPlace } from "~/server/sheet/clones";
import { formatEveTime } from "./format";

function ImplantList({ implants }: { implants: SheetImplant[] }) {
  if (implants.length === 0) return <span className="text-slate-500">(none)</span>;
  return (
    <ul className="space-y-0.5">
      {implants.map((i) => (
        <li key={i.typeId} className="text-slate-200">
          {i.name}
        </li>
      ))}
    </ul>
  );
}

const placeLabel = (place: SheetPlace) =>
  place.solarSystemName && !place.name.startsWith(place.solarSystemName)
    ? `${place.name} (${place.solarSystemName})`
    : place.name;

export function ClonesImplants({ implants }: { implants: SheetImplant[] }) {
  return (
    <div data-testid="clones-implants">
      <ImplantList implants={implants} />
    </div>
  );
}

export function ClonesJumpClones({ clones }: { clones: ClonesSheet["jumpClones"] }) {
  if (clones.length === 0) return <p className="text-sm text-slate-500">No jump clones.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="jump-clones">
      <thead className="text-slate-400">
        <tr>
          <th className="py-1 pr-4">Location</th>
          <th className="py-1 pr-4">Name</th>
          <th className="py-1 pr-4">Implants</th>
        </tr>
      </thead>
      <tbody>
        {clones.map((c) => (
          <tr
            key={c.jumpCloneId}
            className="border-t border-ink-800 align-top"
            data-testid={`jump-clone-${c.jumpCloneId}`}
          >
            <td className="py-1 pr-4 text-slate-200">{placeLabel(c.location)}</td>
            <td className="py-1 pr-4 text-slate-400">{c.name ?? "–"}</td>
            <td className="py-1 pr-4">
              <ImplantList implants={c.implants} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ClonesInfo({ sheet }: { sheet: ClonesSheet }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="clone-info">
      <dt className="text-slate-400">Home station</dt>
      <dd className="text-slate-200">{sheet.home ? placeLabel(sheet.home) : "–"}</dd>
      <dt className="text-slate-400">Last clone jump</dt>
      <dd className="text-slate-200">{formatEveTime(sheet.lastCloneJumpDate)}</dd>
      <dt className="text-slate-400">Last station change</dt>
      <dd className="text-slate-200">{formatEveTime(sheet.lastStationChangeDate)}</dd>
    </dl>
  );
}

const ATTRIBUTES = ["perception", "memory", "willpower", "intelligence", "charisma"] as const;

export function ClonesAttributes({ attributes }: { attributes: NonNullable<ClonesSheet["attributes"]> }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="attributes">
      {ATTRIBUTES.map((name) => (
        <div key={name} className="contents">
          <dt className="capitalize text-slate-400">{name}</dt>
          <dd className="tabular-nums text-slate-200">{attributes[name]}</dd>
        </div>
      ))}
      <dt className="text-slate-400">Bonus remaps</dt>
      <dd className="text-slate-200">{attributes.bonusRemaps ?? 0}</dd>
      <dt className="text-slate-400">Neural remap</dt>
      <dd className="text-slate-200" data-testid="remap-available">
        {attributes.remapAvailable ? "available" : `available ${formatEveTime(attributes.accruedRemapCooldownDate)}`}
      </dd>
      <dt className="text-slate-400">Last remap</dt>
      <dd className="text-slate-200">{formatEveTime(attributes.lastRemapDate)}</dd>
    </dl>
  );
}
