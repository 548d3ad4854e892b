// The reports' CSV stream (docs/reports.md, "CSV"); fields and lines are written by
// ~/server/csv/fields, which the exports share.
import { csvLine } from "~/server/csv/fields";
import { toAppError } from "~/server/errors/unexpected";

export { csvField, csvLine } from "~/server/csv/fields";

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
