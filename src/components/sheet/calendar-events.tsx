import type { CalendarEventRow } from "~/server/sheet/calendar";
import { EmptyState } from "./empty-state";
import { formatEveTime } from "./format";

const cell = "px-3 py-1.5";
const RESPONSE_COLOUR: Record<string, string> = {
  accepted: "text-emerald-300",
  declined: "text-red-300",
  tentative: "text-amber-300",
};

export function CalendarEvents({ events }: { events: CalendarEventRow[] }) {
  if (events.length === 0) return <EmptyState>No calendar events.</EmptyState>;
  return (
    <table className="w-full text-sm" data-testid="calendar-events">
      <thead className="text-left text-xs uppercase text-slate-500">
        <tr>
          <th className={cell}>Date</th>
          <th className={cell}>Title</th>
          <th className={cell}>Owner</th>
          <th className={cell}>Response</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.eventId} className="border-t border-ink-700">
            <td className={`${cell} text-slate-400`}>{formatEveTime(e.date)}</td>
            <td className={`${cell} text-slate-200`}>
              {e.importance > 0 && (
                <span className="mr-1 text-amber-300" title="Important">
                  !
                </span>
              )}
              {e.title}
            </td>
            <td className={`${cell} text-slate-400`}>{e.ownerName ?? "–"}</td>
            <td className={`${cell} capitalize ${RESPONSE_COLOUR[e.response] ?? "text-slate-400"}`}>
              {e.response.replace(/_/g, " ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
