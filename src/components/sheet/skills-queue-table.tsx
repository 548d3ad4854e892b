import type { SkillQueueSheet } from "~/server/sheet/skill-queue";
import { formatDuration, formatEveTime } from "./format";

const ROMAN = ["0", "I", "II", "III", "IV", "V"];
const STATE_LABEL = { completed: "Completed", training: "Training", queued: "Queued", paused: "Paused" } as const;

/** The skill queue in order; the entry in training carries a progress bar. */
export function SkillsQueueTable({ entries }: { entries: SkillQueueSheet["entries"] }) {
  return (
    <table className="w-full text-left text-sm" data-testid="skill-queue">
      <thead className="text-slate-400">
        <tr>
          <th className="py-1 pr-4">#</th>
          <th className="py-1 pr-4">Skill</th>
          <th className="py-1 pr-4">Progress</th>
          <th className="py-1 pr-4">Start</th>
          <th className="py-1 pr-4">Finish</th>
          <th className="py-1 pr-4 text-right">Remaining</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={e.position}
            className={`border-t border-ink-800 ${e.state === "completed" ? "text-slate-500" : "text-slate-200"}`}
            data-testid={`queue-entry-${e.position}`}
          >
            <td className="py-1 pr-4 tabular-nums">{e.position + 1}</td>
            <td className="py-1 pr-4">
              {e.skillName} {ROMAN[e.finishedLevel] ?? e.finishedLevel}
            </td>
            <td className="py-1 pr-4">
              {e.state === "training" && e.progress !== null ? (
                <span className="flex items-center gap-2">
                  <span
                    className="inline-block h-2 w-32 overflow-hidden rounded bg-ink-700"
                    role="progressbar"
                    aria-valuenow={Math.round(e.progress * 100)}
                    aria-valuemin={0}
                    aria-valuemax={100}
                  >
                    <span className="block h-full bg-sky-400" style={{ width: `${(e.progress * 100).toFixed(1)}%` }} />
                  </span>
                  <span className="tabular-nums text-slate-400">{(e.progress * 100).toFixed(1)}%</span>
                </span>
              ) : (
                <span className="text-slate-500">{STATE_LABEL[e.state]}</span>
              )}
            </td>
            <td className="py-1 pr-4 text-slate-400">{formatEveTime(e.startDate)}</td>
            <td className="py-1 pr-4 text-slate-400">{formatEveTime(e.finishDate)}</td>
            <td className="py-1 pr-4 text-right tabular-nums">
              {e.remainingMs === null ? (e.state === "completed" ? "done" : "–") : formatDuration(e.remainingMs)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
