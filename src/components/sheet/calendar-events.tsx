import { Table } from "~/components/ui/table";
import type { RouterOutputs } from "~/trpc/types";
import { EmptyState } from "./empty-state";
import { formatEveTime } from "./format";

type CalendarEvent = RouterOutputs["sheet"]["calendar"]["events"][number];

const RESPONSE_COLOUR: Record<string, string> = {
  accepted: "text-emerald-300",
  declined: "text-red-300",
  tentative: "text-amber-300",
};

export function CalendarEvents({ events }: { events: readonly CalendarEvent[] }) {
  if (events.length === 0) return <EmptyState>No calendar events.</EmptyState>;
  return (
    <Table
      caption="Calendar events"
      testId="calendar-events"
      rows={events}
      rowKey={(e) => e.eventId}
      columns={[
        { header: "Date", className: "text-slate-400", cell: (e) => formatEveTime(e.date) },
        {
          header: "Title",
          className: "text-slate-200",
          cell: (e) => (
            <>
              {e.importance > 0 && (
                <span className="mr-1 text-amber-300" title="Important">
                  !
                </span>
              )}
              {e.title}
            </>
          ),
        },
        { header: "Owner", className: "text-slate-400", cell: (e) => e.ownerName ?? "–" },
        {
          header: "Response",
          className: (e) => `capitalize ${RESPONSE_COLOUR[e.response] ?? "text-slate-400"}`,
          cell: (e) => e.response.replace(/_/g, " "),
        },
      ]}
    />
  );
}
