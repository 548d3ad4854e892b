import { SkillSetReport } from "~/components/reports/skill-set-report";
import { env } from "~/env";
import { requireArea } from "~/web/viewer";

export default async function SkillSetReportPage() {
  await requireArea("reports");
  return <SkillSetReport imageBaseUrl={env().imageBaseUrl} />;
}
