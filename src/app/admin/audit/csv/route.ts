// GET /admin/audit/csv?input=<the page's filters as JSON>: the audit rows as CSV, streamed.
import { appDeps } from "~/runtime/deps";
import { withErrorResponse } from "~/server/errors/http";
import { auditCsvResponse } from "~/server/reports/audit-csv";
import { currentViewer } from "~/web/viewer";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse("GET /admin/audit/csv", async (req: Request) => {
  const current = await currentViewer();
  return auditCsvResponse(appDeps().db, current?.viewer ?? null, new URL(req.url));
});
