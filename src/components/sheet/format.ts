// Number and date formatting for sheet pages: one way to show ISK, SP, volumes and times.
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal2 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export const formatInteger = (n: number | bigint | null | undefined): string =>
  n === null || n === undefined ? "–" : integer.format(n);
export const formatIsk = (n: number | null | undefined): string =>
  n === null || n === undefined ? "–" : `${decimal2.format(n)} ISK`;
export const formatCompact = (n: number | null | undefined): string =>
  n === null || n === undefined ? "–" : compact.format(n);
export const formatVolume = (m3: number | null | undefined): string =>
  m3 === null || m3 === undefined ? "–" : `${decimal2.format(m3)} m³`;

/** EVE time is UTC; show it as such, to the minute. */
export function formatEveTime(date: Date | string | null | undefined): string {
  if (!date) return "–";
  const d = typeof date === "string" ? new Date(date) : date;
  return `${d.toISOString().slice(0, 16).replace("T", " ")} ET`;
}

export function formatDuration(ms: number): string {
  if (ms <= 0) return "done";
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return [days && `${days}d`, (days || hours) && `${hours}h`, `${mins}m`].filter(Boolean).join(" ");
}
