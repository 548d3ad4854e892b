import { CorporationComplianceReport } from "~/components/reports/corporation-compliance-report";
import { env } from "~/env";
import { requireArea } from "~/web/viewer";

export default async function CorporationCompliancePage() {
  await requireArea("reports");
  return <CorporationComplianceReport imageBaseUrl={env().imageBaseUrl} />;
}
