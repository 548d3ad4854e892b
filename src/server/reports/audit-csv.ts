// The audit log's CSV download (GET /admin/audit/csv?input=<the page's filters as JSON>):
// the rows the page's filters match, all of them, streamed in the reports' CSV format
// (here, beside the other downloads, because the audit domain sits below the reports).
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { AppError, invalidInput } from "~/server/errors/app-error";
import { type AuditRow, allAuditEvents, auditFilterInput } from "~/server/audit/list";
import { type CsvColumn, csvStream } from "./csv";

const COLUMNS: CsvColumn<AuditRow>[] = [
  { header: "Time (UTC)", value: (r) => r.at.toISOString() },
  { header: "Action", value: (r) => r.action },
  { header: "Actor", value: (r) => r.actor?.name },
  { header: "Actor ID", value: (r) => r.actor?.userId },
  { header: "Via", value: (r) => r.via },
  { header: "Token ID", value: (r) => r.tokenId },
  { header: "Character", value: (r) => r.character?.name },
  { header: "Character ID", value: (r) => r.character?.id },
  { header: "Target user", value: (r) => r.target?.name },
  { header: "Detail", value: (r) => r.detail },
  { header: "Address", value: (r) => r.address },
];

function parseFilter(text: string | null) {
  let json: unknown = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    throw invalidInput("input", "must be JSON");
  }
  // Dates arrive as ISO strings in a URL.
  const raw = (json ?? {}) as Record<string, unknown>;
  for (const key of ["from", "to"]) if (typeof raw[key] === "string") raw[key] = new Date(raw[key] as string);
  const parsed = auditFilterInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidInput(issue.path.join(".") || "input", issue.message);
  }
  return parsed.data;
}

/** 401 signed out, 404 unless a superuser (like the page), 400 for bad filters. */
export function auditCsvResponse(db: Db, viewer: Viewer | null, url: URL): Response {
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in first.");
  if (!viewer.isSuperuser) throw new AppError("NOT_FOUND", "Not found.");
  const filter = parseFilter(url.searchParams.get("input"));
  return new Response(csvStream(COLUMNS, allAuditEvents(db, filter)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
