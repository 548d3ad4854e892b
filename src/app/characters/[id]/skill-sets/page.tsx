import { EmptyState } from "~/components/sheet/empty-state";
import { formatEveTime } from "~/components/sheet/format";
import { SkillSetList } from "~/components/skill-sets/skill-set-list";
import { Panel } from "~/components/ui/panel";
import { loadSheet } from "~/web/sheet";
import { canViewSkillSets, characterSkillSets } from "~/server/sheet/skill-sets";

export default async function SkillSetsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character, viewer } = await loadSheet((await params).id);
  if (!canViewSkillSets(viewer, character)) {
    return (
      <EmptyState>
        Skill sets are shown to the character&apos;s owner and to holders of the view_skill_sets permission.
      </EmptyState>
    );
  }
  const { groups, checkedAt } = await characterSkillSets(db, character.id);
  if (groups.length === 0) return <EmptyState>No skill sets are defined yet.</EmptyState>;
  return (
    <Panel data-testid="skill-sets">
      <div className="mb-3 flex items-baseline justify-between">
        <h2 className="text-lg font-semibold text-slate-100">Skill sets</h2>
        <span className="text-xs text-slate-400">
          {checkedAt ? `checked ${formatEveTime(checkedAt)}` : "not checked yet"}
        </span>
      </div>
      <SkillSetList groups={groups} />
    </Panel>
  );
}
