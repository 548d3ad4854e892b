import { UserComplianceReport } from "~/components/reports/user-compliance-report";
import { env } from "~/env";
import { requireArea } from "~/web/viewer";

export default async function UserCompliancePage() {
  // The layout checks too; a page never relies on its layout alone (layouts do not re-run on every navigation).
  await requireArea("reports");
  return <UserComplianceReport imageBaseUrl={env().imageBaseUrl} />;
}
