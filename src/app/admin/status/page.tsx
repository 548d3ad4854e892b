import { StatusDashboard } from "~/components/status/status-dashboard";
import { requireArea } from "~/web/viewer";

/** Holders of view_status (and superusers); everyone else gets 404. */
export default async function AdminStatusPage() {
  await requireArea("status");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-100">Status</h1>
      <StatusDashboard />
    </div>
  );
}
