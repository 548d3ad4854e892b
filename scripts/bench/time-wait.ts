// Sockets in TIME_WAIT (Ralph's FAQ: "sockets piling up in TIME_WAIT on busy workers"), counted from
// `ss -tan state time-wait` by port: a connection opened and closed per request leaves one behind for a
// minute on the side that closed it; keep-alive reuse leaves about one per pooled connection at most.
// On loopback both ends are this machine's, so the end that holds the port tells who closed.

import { spawnSync } from "node:child_process";

export interface TimeWait {
  /** Closed by the listening side (the socket's local port is the server's). */
  byServer: number;
  /** Closed by a client of it (the peer port is the server's). */
  byClients: number;
}

/** TIME_WAIT sockets per server port asked for; undefined where `ss` is missing (not Linux). */
export function timeWaitByPort(ports: number[]): Map<number, TimeWait> | undefined {
  const listed = spawnSync("ss", ["-tanH", "state", "time-wait"], { encoding: "utf8" });
  if (listed.status !== 0) return undefined;
  const counts = new Map(ports.map((p) => [p, { byServer: 0, byClients: 0 }]));
  const portOf = (address: string) => Number(address.slice(address.lastIndexOf(":") + 1));
  for (const line of listed.stdout.split("\n")) {
    // Recv-Q Send-Q Local:Port Peer:Port (the state column is left out when filtering on it).
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const local = counts.get(portOf(fields[2]!));
    const peer = counts.get(portOf(fields[3]!));
    if (local) local.byServer += 1;
    else if (peer) peer.byClients += 1;
  }
  return counts;
}

export function formatTimeWait(counts: TimeWait | undefined): string {
  if (!counts) return "n/a";
  return `${counts.byServer + counts.byClients} (${counts.byClients} closed by clients, ${counts.byServer} by the server)`;
}
