import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { formatDuration, formatEveTime } from "./format";

type QueueEntry = RouterOutputs["sheet"]["skills"]["queue"]["entries"][number];

const ROMAN = ["0", "I", "II", "III", "IV", "V"];
const STATE_LABEL = { completed: "Completed", training: "Training", queued: "Queued", paused: "Paused" } as const;

function Progress({ entry: e }: { entry: QueueEntry }) {
  if (e.state !== "training" || e.progress === null)
    return <span className="text-slate-400">{STATE_LABEL[e.state]}</span>;
  return (
    <span className="flex items-center gap-2">
      <span
        className="inline-block h-2 w-32 overflow-hidden rounded bg-ink-700"
        role="progressbar"
        aria-label={`${e.skillName} ${ROMAN[e.finishedLevel] ?? e.finishedLevel}, training`}
        aria-valuenow={Math.round(e.progress * 100)}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <span className="block h-full bg-sky-400" style={{ width: `${(e.progress * 100).toFixed(1)}%` }} />
      </span>
      <span className="tabular-nums text-slate-400">{(e.progress * 100).toFixed(1)}%</span>
    </span>
  );
}

/** The skill queue in order; the entry in training carries a progress bar. */
export function SkillsQueueTable({ entries }: { entries: readonly QueueEntry[] }) {
  return (
    <Table
      caption="Skill queue"
      testId="skill-queue"
      look="plain"
      density="compact"
      rows={entries}
      rowKey={(e) => e.position}
      rowTestId={(e) => `queue-entry-${e.position}`}
      rowClassName={(e) => (e.state === "completed" ? "text-slate-400" : "text-slate-200")}
      columns={[
        { header: "#", className: "tabular-nums", cell: (e) => e.position + 1 },
        { header: "Skill", cell: (e) => `${e.skillName} ${ROMAN[e.finishedLevel] ?? e.finishedLevel}` },
        { header: "Progress", cell: (e) => <Progress entry={e} /> },
        { header: "Start", className: "text-slate-400", cell: (e) => formatEveTime(e.startDate) },
        { header: "Finish", className: "text-slate-400", cell: (e) => formatEveTime(e.finishDate) },
        {
          header: "Remaining",
          numeric: true,
          cell: (e) =>
            e.remainingMs === null ? (e.state === "completed" ? "done" : "–") : formatDuration(e.remainingMs),
        },
      ]}
    />
  );
}
