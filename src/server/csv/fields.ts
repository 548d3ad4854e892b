// CSV fields and lines as every download writes them (docs/reports.md, "CSV"): UTF-8
// with a byte-order mark (so spreadsheet programs read names in UTF-8), comma-separated,
// CRLF line ends, a header line, RFC 4180 quoting. A field that a spreadsheet would run
// as a formula (starting with = + - @, tab or carriage return) gets a leading
// apostrophe: pilots choose their names, and the file is opened by someone else. A
// plain number (a negative ISK amount) is no formula and stays as it is.
// Here, below the read models, so both the reports and the exports write the same CSV.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "boolean" ? (value ? "yes" : "no") : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (fields: readonly (string | number | boolean | null | undefined)[]) =>
  `${fields.map(csvField).join(",")}\r\n`;
