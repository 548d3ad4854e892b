import { AdminPanel } from "~/components/admin/admin-panel";
import { requireArea } from "~/web/viewer";

export default async function AdminPage() {
  await requireArea("admin");
  return <AdminPanel />;
}
