import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { roman } from "./levels";

type SkillSetList = RouterOutputs["skillSets"]["list"];
type SkillSet = SkillSetList["skillSets"][number];
type SkillSetGroup = SkillSetList["groups"][number];

function Action({ label, danger = false, onClick }: { label: string; danger?: boolean; onClick(): void }) {
  return (
    <button type="button" className={danger ? "hover:text-red-300" : "hover:text-slate-100"} onClick={onClick}>
      {label}
    </button>
  );
}

const skillLine = (k: SkillSet["skills"][number]) =>
  `${k.name} ${roman(k.requiredLevel)}${k.recommendedLevel ? ` [${roman(k.recommendedLevel)}]` : ""}`;

/** The admin's list of sets; the row actions only for editors. */
export function SkillSetsTable({
  sets,
  canEdit,
  empty,
  onEdit,
  onClone,
  onDelete,
}: {
  sets: readonly SkillSet[];
  canEdit: boolean;
  empty: string | null;
  onEdit(s: SkillSet): void;
  onClone(s: SkillSet): void;
  onDelete(s: SkillSet): void;
}) {
  return (
    <Table
      caption="Skill sets"
      look="caps"
      density="compact"
      rows={sets}
      rowKey={(s) => s.id}
      rowTestId={(s) => `admin-skill-set-${s.id}`}
      rowClassName="align-top"
      empty={empty}
      columns={[
        { header: "Name", className: "text-slate-100", cell: (s) => s.name },
        { header: "Ship", className: "text-slate-300", cell: (s) => s.shipName ?? "–" },
        { header: "Skills", className: "text-xs text-slate-300", cell: (s) => s.skills.map(skillLine).join(", ") },
        { header: "Groups", className: "text-slate-300", cell: (s) => s.groups.map((g) => g.name).join(", ") || "–" },
        { header: "Visible", cell: (s) => (s.isVisible ? "✓" : "✗") },
        {
          header: "Actions",
          srOnly: true,
          className: "whitespace-nowrap",
          cell: (s) =>
            canEdit && (
              <span className="flex gap-2 text-slate-400">
                <Action label="edit" onClick={() => onEdit(s)} />
                <Action label="clone" onClick={() => onClone(s)} />
                <Action label="delete" danger onClick={() => onDelete(s)} />
              </span>
            ),
        },
      ]}
    />
  );
}

export function SkillSetGroupsTable({
  groups,
  canEdit,
  onEdit,
  onDelete,
}: {
  groups: readonly SkillSetGroup[];
  canEdit: boolean;
  onEdit(g: SkillSetGroup): void;
  onDelete(g: SkillSetGroup): void;
}) {
  return (
    <Table
      caption="Skill set groups"
      look="caps"
      density="compact"
      rows={groups}
      rowKey={(g) => g.id}
      rowTestId={(g) => `admin-skill-set-group-${g.id}`}
      columns={[
        { header: "Name", className: "text-slate-100", cell: (g) => g.name },
        {
          header: "Skill sets",
          className: "text-slate-300",
          cell: (g) => g.skillSets.map((s) => s.name).join(", ") || "–",
        },
        { header: "Doctrine", cell: (g) => (g.isDoctrine ? "✓" : "") },
        { header: "Active", cell: (g) => (g.isActive ? "✓" : "✗") },
        {
          header: "Actions",
          srOnly: true,
          className: "whitespace-nowrap",
          cell: (g) =>
            canEdit && (
              <span className="flex gap-2 text-slate-400">
                <Action label="edit" onClick={() => onEdit(g)} />
                <Action label="delete" danger onClick={() => onDelete(g)} />
              </span>
            ),
        },
      ]}
    />
  );
}
