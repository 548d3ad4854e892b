// Failure reasons go to a page: the first line, bounded, and never a database's own
// text (a Prisma or SQL message names tables and queries; the log has it in full).
const INTERNALS = /prisma|invocation|\b(select|insert into|update .+ set|delete from)\b|^\s+at /i;

export function publicReason(message: string | null | undefined): string {
  if (!message) return "(no reason recorded)";
  const line = message.split("\n")[0]!.trim();
  if (INTERNALS.test(message)) return "Internal error (details in the server log)";
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}
