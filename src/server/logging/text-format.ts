// The demo's readable log: one line per entry, "12:00:01.234 WARN  message key=value …",
// made from the JSON line pino writes (so redaction has already happened), without a
// pretty-printing dependency.
import type { DestinationStream } from "pino";

const OMIT = new Set(["level", "time", "msg", "pid", "hostname"]);

function scalar(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** One JSON log line as text; a line that is not JSON passes through. */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith("\n") ? line : `${line}\n`;
  }
  const time = typeof entry.time === "string" ? entry.time.slice(11, 23) : "";
  const level = String(entry.level ?? "info").toUpperCase();
  const fields: string[] = [];
  let stack = "";
  for (const [key, value] of Object.entries(entry)) {
    if (OMIT.has(key) || value === undefined) continue;
    if ((key === "err" || key === "error") && value && typeof value === "object") {
      const err = value as { message?: string; stack?: string; type?: string };
      fields.push(`${key}=${scalar(err.message ?? err.type ?? "")}`);
      if (err.stack) stack = `\n${err.stack.replace(/^/gm, "    ")}`;
      continue;
    }
    fields.push(`${key}=${scalar(value)}`);
  }
  const msg = typeof entry.msg === "string" ? entry.msg : "";
  return `${[time, level.padEnd(5), msg, ...fields].filter(Boolean).join(" ")}${stack}\n`;
}

/** A destination that writes each JSON line as text to `out`. */
export function textDestination(out: DestinationStream): DestinationStream {
  return { write: (line: string) => out.write(formatLogLine(line)) };
}
