import { notFound, redirect } from "next/navigation";
import { AdminPanel } from "~/components/admin/admin-panel";
import { currentUser } from "~/server/auth/session";

export default async function AdminPage() {
  const user = await currentUser();
  if (!user) redirect("/signin");
  if (!user.isSuperuser) notFound();
  return <AdminPanel />;
}
