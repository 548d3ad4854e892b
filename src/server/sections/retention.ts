// The data-retention cutoff (Member Audit's MEMBERAUDIT_DATA_RETENTION_LIMIT) for the
// sections with retention (mails, notifications, contracts, journal, transactions):
// now minus the retention days, rounded down to the hour, so every run within the
// hour agrees on it and the fetched data (which carries the cutoff) hashes the same.
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(Math.floor((now.getTime() - retentionDays * DAY_MS) / HOUR_MS) * HOUR_MS);
}
