// The reports' CSV downloads (GET /reports/<tab>/csv?input=<the view's JSON input>): the
// same input schema, scope and order as the table the viewer is looking at, every row
// of it rather than one page, streamed. Refusals are the pages' and the API's: signed
// out 401, no reports area or an unknown tab 404 (like the page), bad input 400 naming
// the field.
import type { ZodType } from "zod";
import { mayUse } from "~/server/access/areas";
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { AppError, invalidInput, notFound } from "~/server/errors/app-error";
import { corporationComplianceInput, corporationComplianceRows } from "./corporation-compliance";
import { type CsvColumn, csvStream } from "./csv";
import { skillSetReportInput, skillSetReportRows } from "./skill-set-report";
import { userComplianceInput, userComplianceRows } from "./user-compliance";

interface CsvReport<Input, Row> {
  input: ZodType<Input>;
  rows(db: Db, viewer: Viewer, input: Input): AsyncIterable<Row>;
  columns: CsvColumn<Row>[];
}

const defineReport = <Input, Row>(report: CsvReport<Input, Row>) => report;
const names = (sets: { name: string }[]) => sets.map((s) => s.name).join("; ");

export const CSV_REPORTS = {
  "user-compliance": defineReport({
    input: userComplianceInput,
    rows: userComplianceRows,
    columns: [
      { header: "Main", value: (r) => r.main?.name ?? "(no main)" },
      { header: "Main ID", value: (r) => r.main?.id },
      { header: "Corporation", value: (r) => r.corporation?.name },
      { header: "Alliance", value: (r) => r.alliance?.name },
      { header: "Registered", value: (r) => r.isRegistered },
      { header: "Compliant", value: (r) => r.isCompliant },
      { header: "Compliance", value: (r) => r.level },
      { header: "Registered characters", value: (r) => r.registeredCharacters },
      { header: "Total characters", value: (r) => r.totalCharacters },
    ],
  }),
  "corporation-compliance": defineReport({
    input: corporationComplianceInput,
    rows: corporationComplianceRows,
    columns: [
      { header: "Corporation", value: (r) => r.corporation?.name ?? "(no main)" },
      { header: "Corporation ID", value: (r) => r.corporation?.id },
      { header: "Alliance", value: (r) => r.alliance?.name },
      { header: "Users", value: (r) => r.users },
      { header: "Registered characters", value: (r) => r.registeredCharacters },
      { header: "Total characters", value: (r) => r.totalCharacters },
      { header: "Compliance %", value: (r) => r.compliancePercent },
      { header: "Compliance", value: (r) => r.level },
    ],
  }),
  "skill-sets": defineReport({
    input: skillSetReportInput,
    rows: skillSetReportRows,
    columns: [
      { header: "Group", value: (r) => r.group.name },
      { header: "Character", value: (r) => r.character.name },
      { header: "Character ID", value: (r) => r.character.id },
      { header: "Main", value: (r) => r.main?.name },
      { header: "Is main", value: (r) => r.isMain },
      { header: "Corporation", value: (r) => r.corporation?.name },
      { header: "Alliance", value: (r) => r.alliance?.name },
      { header: "Required skills met", value: (r) => names(r.requiredMet) },
      { header: "Recommended skills met", value: (r) => names(r.recommendedMet) },
      { header: "Seconds to train missing required skills", value: (r) => r.training.allSeconds },
      { header: "Seconds to the nearest set", value: (r) => r.training.nearest?.seconds },
    ],
  }),
} as const;

export type CsvReportTab = keyof typeof CSV_REPORTS;

const isTab = (tab: string): tab is CsvReportTab => Object.hasOwn(CSV_REPORTS, tab);

function parseInput<T>(schema: ZodType<T>, text: string | null): T {
  let json: unknown = {};
  try {
    if (text !== null) json = JSON.parse(text);
  } catch {
    throw invalidInput("input", "must be the report's filters as JSON");
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues;
  throw new AppError(
    "BAD_INPUT",
    `Invalid input: ${issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`,
    {
      fields: issues.map((i) => i.path.join(".")),
    },
  );
}

/** The download's answer; throws AppErrors for the caller to turn into a status (errors/http.ts). */
export async function reportCsvResponse(db: Db, viewer: Viewer | null, tab: string, url: URL): Promise<Response> {
  if (!viewer) throw new AppError("UNAUTHORIZED", "Sign in first.");
  if (!mayUse(viewer, "reports") || !isTab(tab)) throw notFound("Report");
  const report = CSV_REPORTS[tab] as CsvReport<unknown, unknown>;
  const input = parseInput(report.input, url.searchParams.get("input"));
  const stream = csvStream(report.columns, report.rows(db, viewer, input));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${tab}-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
