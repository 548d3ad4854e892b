import { AdminPanel } from "~/components/admin/admin-panel";
import { env } from "~/env";
import { requireArea } from "~/web/viewer";

export default async function AdminPage() {
  await requireArea("admin");
  return <AdminPanel imageBaseUrl={env().imageBaseUrl} />;
}
