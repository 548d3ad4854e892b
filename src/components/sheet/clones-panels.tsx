import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { formatEveTime } from "./format";

type ClonesSheet = RouterOutputs["sheet"]["clones"]["summary"];
type SheetImplant = ClonesSheet["implants"][number];
type SheetPlace = NonNullable<ClonesSheet["home"]>;

function ImplantList({ implants }: { implants: readonly SheetImplant[] }) {
  if (implants.length === 0) return <span className="text-slate-400">(none)</span>;
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

export function ClonesImplants({ implants }: { implants: readonly SheetImplant[] }) {
  return (
    <div data-testid="clones-implants">
      <ImplantList implants={implants} />
    </div>
  );
}

export function ClonesJumpClones({ clones }: { clones: ClonesSheet["jumpClones"] }) {
  if (clones.length === 0) return <p className="text-sm text-slate-400">No jump clones.</p>;
  return (
    <Table
      caption="Jump clones"
      testId="jump-clones"
      look="plain"
      density="compact"
      rows={clones}
      rowKey={(c) => c.jumpCloneId}
      rowTestId={(c) => `jump-clone-${c.jumpCloneId}`}
      rowClassName="align-top"
      columns={[
        { header: "Location", className: "text-slate-200", cell: (c) => placeLabel(c.location) },
        { header: "Name", className: "text-slate-400", cell: (c) => c.name ?? "–" },
        { header: "Implants", cell: (c) => <ImplantList implants={c.implants} /> },
      ]}
    />
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
