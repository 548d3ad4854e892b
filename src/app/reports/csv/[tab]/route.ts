// GET /reports/csv/<tab>?input=<the view's filters as JSON>: the report's rows as CSV,
// streamed (src/server/reports/csv-export.ts decides who may and what).
import { appDeps } from "~/runtime/deps";
import { withErrorResponse } from "~/server/errors/http";
import { reportCsvResponse } from "~/server/reports/csv-export";
import { currentViewer } from "~/web/viewer";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(
  "GET /reports/csv",
  async (req: Request, ctx: { params: Promise<{ tab: string }> }) => {
    const current = await currentViewer();
    return reportCsvResponse(appDeps().db, current?.viewer ?? null, (await ctx.params).tab, new URL(req.url));
  },
);
