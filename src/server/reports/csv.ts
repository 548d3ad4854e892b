// CSV as the reports download it (docs/reports.md, "CSV"): UTF-8 with a byte-order mark
// (so spreadsheet programs read names in UTF-8), comma-separated, CRLF line ends, a
// header line, RFC 4180 quoting. A field that a spreadsheet would run as a formula
// (starting with = + - @, tab or carriage return) gets a leading apostrophe: pilots
// choose their names, and the file is opened by someone else.
import { toAppError } from "~/server/errors/unexpected";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: readonly (string | number | boolean | null | undefined)[]) =>
  `${fields.map(csvField).join(",")}\r\n`;

export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | boolean | null | undefined;
}

/** The rows as a byte stream, read from `rows` only as fast as the client takes them. */
export function csvStream<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: AsyncIterable<Row>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = rows[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(columns.map((c) => c.header))}`));
        return;
      }
      // A batch of lines per chunk: one enqueue per row would cost more than the rows.
      let chunk = "";
      for (let i = 0; i < 200; i++) {
        // Past the headers a failure can only cut the download short; the log gets why, the file no text of it.
        const next = await iterator.next().catch((error: unknown) => {
          throw toAppError(error, "reports CSV stream");
        });
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvLine(columns.map((c) => c.value(next.value)));
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
