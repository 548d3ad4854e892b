import { CalendarEvents } from "~/components/sheet/calendar-events";
import { CalendarNotifications } from "~/components/sheet/calendar-notifications";
import { calendarEvents, notificationsPage } from "~/server/sheet/calendar";
import { loadSheet } from "~/web/sheet";

export default async function CalendarPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, character } = await loadSheet((await params).id);
  const [first, events] = await Promise.all([
    notificationsPage(db, character.id, { limit: 50 }),
    calendarEvents(db, character.id),
  ]);
  const panel = "rounded-lg border border-ink-700 bg-ink-900 p-4";
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section className={panel}>
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Notifications</h2>
        <CalendarNotifications characterId={character.id} first={first} />
      </section>
      <section className={panel}>
        <h2 className="mb-3 text-lg font-semibold text-slate-100">Calendar events</h2>
        <CalendarEvents events={events} />
      </section>
    </div>
  );
}
