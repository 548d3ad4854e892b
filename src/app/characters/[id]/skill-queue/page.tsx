import { EmptyState } from "~/components/sheet/empty-state";
import { formatEveTime } from "~/components/sheet/format";
import { SkillsQueueTable } from "~/components/sheet/skills-queue-table";
import { Panel } from "~/components/ui/panel";
import { loadSheet } from "~/web/sheet";
import { skillQueueSheet } from "~/server/sheet/skill-queue";

export default async function SkillQueuePage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const queue = await skillQueueSheet(db, character.id);
  return (
    <Panel>
      <div className="mb-3 flex flex-wrap items-baseline gap-x-6">
        <h2 className="text-lg font-semibold text-slate-100">Skill queue</h2>
        <p className="text-sm text-slate-400" data-testid="skill-queue-status">
          {queue.status === "training" && `Training · queue ends ${formatEveTime(queue.queueEndsAt)}`}
          {queue.status === "paused" && "Paused: training is not active"}
          {queue.status === "empty" && "Training not active"}
        </p>
      </div>
      {queue.entries.length === 0 ? (
        <EmptyState>The skill queue is empty.</EmptyState>
      ) : (
        <SkillsQueueTable entries={queue.entries} />
      )}
    </Panel>
  );
}
