import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { formatInteger } from "./format";
import { SkillsPips } from "./skills-pips";

/** Skill groups as collapsible sections, each with its skills, levels and skill points. */
export function SkillsGroups({ groups }: { groups: RouterOutputs["sheet"]["skills"]["list"]["groups"] }) {
  return (
    <div className="space-y-2" data-testid="skill-groups">
      {groups.map((group) => (
        <details
          key={group.id ?? "other"}
          open
          className="rounded border border-ink-700"
          data-testid={`skill-group-${group.id ?? "other"}`}
        >
          <summary className="flex cursor-pointer items-center justify-between gap-4 px-3 py-2 text-slate-100">
            <span className="font-medium">{group.name}</span>
            <span className="text-sm text-slate-400">
              {group.skills.length} skills · {group.atLevelFive} at V · {formatInteger(group.skillpoints)} SP
            </span>
          </summary>
          <Table
            caption={`${group.name} skills`}
            hideHeader
            density="compact"
            rows={group.skills}
            rowKey={(skill) => skill.id}
            rowTestId={(skill) => `skill-${skill.id}`}
            columns={[
              { header: "Skill", className: "text-slate-200", cell: (skill) => skill.name },
              {
                header: "Level",
                cell: (skill) => <SkillsPips trained={skill.trainedLevel} active={skill.activeLevel} />,
              },
              {
                header: "Trained",
                className: "text-slate-400",
                cell: (skill) =>
                  skill.activeLevel < skill.trainedLevel
                    ? `active ${skill.activeLevel} of ${skill.trainedLevel}`
                    : `level ${skill.trainedLevel}`,
              },
              {
                header: "Skill points",
                numeric: true,
                className: "text-slate-300",
                cell: (skill) => `${formatInteger(skill.skillpoints)} SP`,
              },
            ]}
          />
        </details>
      ))}
    </div>
  );
}
