import { ComplianceAdmin } from "~/components/compliance/compliance-admin";
import { requireArea } from "~/web/viewer";

/** Compliance groups (docs/compliance.md): administrators only, like the rest of /admin. */
export default async function ComplianceAdminPage() {
  await requireArea("admin");
  return <ComplianceAdmin />;
}
