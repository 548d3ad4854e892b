import type { SkillsSheet } from "~/server/sheet/skills";
import { formatInteger } from "./format";
import { SkillsPips } from "./skills-pips";

/** Skill groups as collapsible sections, each with its skills, levels and skill points. */
export function SkillsGroups({ groups }: { groups: SkillsSheet["groups"] }) {
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
          <table className="w-full text-left text-sm">
            <tbody>
              {group.skills.map((skill) => (
                <tr key={skill.id} className="border-t border-ink-800" data-testid={`skill-${skill.id}`}>
                  <td className="px-3 py-1 text-slate-200">{skill.name}</td>
                  <td className="px-3 py-1">
                    <SkillsPips trained={skill.trainedLevel} active={skill.activeLevel} />
                  </td>
                  <td className="px-3 py-1 text-slate-400">
                    {skill.activeLevel < skill.trainedLevel
                      ? `active ${skill.activeLevel} of ${skill.trainedLevel}`
                      : `level ${skill.trainedLevel}`}
                  </td>
                  <td className="px-3 py-1 text-right tabular-nums text-slate-300">
                    {formatInteger(skill.skillpoints)} SP
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}
