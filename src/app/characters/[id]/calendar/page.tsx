import { CalendarEvents } from "~/components/sheet/calendar-events";
import { CalendarNotifications } from "~/components/sheet/calendar-notifications";
import { Panel } from "~/components/ui/panel";
import { calendarEvents, notificationsPage } from "~/server/sheet/calendar";
import { loadSheet } from "~/web/sheet";

export default async function CalendarPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const [first, events] = await Promise.all([
    notificationsPage(db, character.id, { limit: 50 }),
    calendarEvents(db, character.id),
  ]);
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-2">
      <Panel title="Notifications">
        <CalendarNotifications characterId={character.id} first={first} />
      </Panel>
      <Panel title="Calendar events">
        <CalendarEvents events={events} />
      </Panel>
    </div>
  );
}
