import { EmptyState } from "~/components/sheet/empty-state";
import { formatInteger } from "~/components/sheet/format";
import { SkillsGroups } from "~/components/sheet/skills-groups";
import { Panel } from "~/components/ui/panel";
import { loadSheet } from "~/web/sheet";
import { skillsSheet } from "~/server/sheet/skills";

export default async function SkillsPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const sheet = await skillsSheet(db, character.id);
  return (
    <Panel>
      <div className="mb-4 flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <h2 className="text-lg font-semibold text-slate-100">Skills</h2>
        <p className="text-sm text-slate-400" data-testid="skills-totals">
          {formatInteger(sheet.totalSp)} SP total · {formatInteger(sheet.unallocatedSp ?? 0)} unallocated ·{" "}
          {formatInteger(sheet.skillCount)} skills
        </p>
      </div>
      {sheet.skillCount === 0 ? (
        <EmptyState>No skills stored for this character yet.</EmptyState>
      ) : (
        <SkillsGroups groups={sheet.groups} />
      )}
    </Panel>
  );
}
