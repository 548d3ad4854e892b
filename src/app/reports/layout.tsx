import type { ReactNode } from "react";
import { ReportTabNav } from "~/components/reports/report-controls";
import { requireArea } from "~/web/viewer";

export default async function ReportsLayout({ children }: { children: ReactNode }) {
  await requireArea("reports");
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold text-slate-100">Reports</h1>
      <ReportTabNav />
      {children}
    </div>
  );
}
