// The client's address, one rule for every use (an API token's last use, the audit log, the
// LDAP failure throttle): the app runs behind its own reverse proxy, which appends the address
// it saw to X-Forwarded-For. Earlier hops are whatever the client wrote, so only the last one
// is believed; a client cannot pick its address to escape a throttle or blur the audit log.
const MAX_LENGTH = 64;

/** The last X-Forwarded-For hop, else X-Real-IP; null when neither names one. */
export function clientAddressFrom(
  forwardedFor: string | readonly string[] | null | undefined,
  realIp: string | readonly string[] | null | undefined,
): string | null {
  const last = (value: string | readonly string[] | null | undefined) => {
    const joined = typeof value === "string" ? value : value?.join(",");
    return joined?.split(",").at(-1)?.trim() || undefined;
  };
  return (last(forwardedFor) ?? last(realIp))?.slice(0, MAX_LENGTH) ?? null;
}
