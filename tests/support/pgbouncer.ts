// A throwaway PgBouncer in transaction mode for the tests that prove the app works behind one
// (docs/deploy/pgbouncer.md): Debian's pgbouncer (installed by .ci/run; see tests/README.md) on a free
// port, with its own ini and userlist in a temporary folder, pointing every database name at the given
// PostgreSQL server. Stopped and removed by stop(). No system service is used and nothing of the
// machine's own PgBouncer set-up (if any) is touched. With TEST_PGBOUNCER=1, support/database.ts puts
// one in front of every test database (tests/README.md).
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const PGBOUNCER = process.env.PGBOUNCER_PATH ?? "/usr/sbin/pgbouncer";
/** PgBouncer refuses to run as root; started by root it switches to this user. */
const RUN_AS = process.env.PGBOUNCER_USER ?? "postgres";

export interface PgBouncerOptions {
  /** The PostgreSQL server behind it, as an admin URL (host, port and user are used). */
  server: string;
  /** Server connections per database and user (default_pool_size). */
  poolSize?: number;
  /** Lets this process exit while it runs (one shared by a whole test process). */
  detached?: boolean;
}

export interface PgBouncer {
  port: number;
  /** `url` (a PostgreSQL URL of the test server) with its host and port replaced by PgBouncer's. */
  urlFor(url: string): string;
  /** A query on PgBouncer's admin console (`SHOW POOLS`, `SHOW CONFIG`, ...), rows as objects. */
  admin(command: string): Promise<Record<string, string>[]>;
  stop(): Promise<void>;
  /** Ends it without waiting (a process exit handler cannot wait); its folder goes with it. */
  killNow(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`pgbouncer did not listen on ${port} within 15 s: ${log()}`);
}

// $0 pgbouncer, $1 the parent's pid, $2 the folder, the rest pgbouncer's arguments.
const WATCHDOG = `bin="$0"; parent="$1"; dir="$2"; shift 2
"$bin" "$@" & child=$!
trap 'kill -TERM $child 2>/dev/null' TERM INT
while kill -0 "$parent" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done
kill -TERM $child 2>/dev/null; wait $child; rm -rf "$dir"`;

function ini(dir: string, port: number, server: URL, user: string, poolSize: number): string {
  return `[databases]
* = host=${server.hostname} port=${server.port || "5432"}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/userlist.txt
admin_users = ${user}
pool_mode = transaction
default_pool_size = ${poolSize}
max_client_conn = 1000
server_reset_query =
ignore_startup_parameters = extra_float_digits
log_connections = 0
log_disconnections = 0
`;
}

export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  if (!existsSync(PGBOUNCER))
    throw new Error(
      `pgbouncer not found at ${PGBOUNCER}: install Debian's pgbouncer (see tests/README.md, "What needs what") or set PGBOUNCER_PATH`,
    );
  const server = new URL(options.server);
  const user = decodeURIComponent(server.username || "postgres");
  const dir = mkdtempSync(path.join(tmpdir(), "ma-pgbouncer-"));
  // Readable by the user pgbouncer switches to when started by root.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const conf = path.join(dir, "pgbouncer.ini");
  writeFileSync(conf, ini(dir, port, server, user, options.poolSize ?? 10), { mode: 0o644 });
  // Trust on both sides (the test server trusts loopback); the user must still be listed.
  writeFileSync(path.join(dir, "userlist.txt"), `"${user}" ""\n`, { mode: 0o644 });

  const root = process.getuid?.() === 0;
  let output = "";
  // In the foreground (no -d), under a small shell that also ends it (and removes its folder) when this
  // process is gone: a test worker killed at teardown runs no exit handler.
  const child = spawn(
    "sh",
    ["-c", WATCHDOG, PGBOUNCER, String(process.pid), dir, ...(root ? ["-u", RUN_AS] : []), conf],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  if (options.detached) {
    child.unref();
    for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
  child.stdout?.on("data", (b) => (output += String(b)));
  child.stderr?.on("data", (b) => (output += String(b)));
  await waitForPort(port, child, () => output);

  const urlFor = (url: string) => {
    const u = new URL(url);
    u.hostname = "127.0.0.1";
    u.port = String(port);
    return u.toString();
  };
  return {
    port,
    urlFor,
    async admin(command) {
      const u = new URL(urlFor(options.server));
      u.pathname = "/pgbouncer";
      const client = new pg.Client({ connectionString: u.toString() });
      await client.connect();
      try {
        // The console speaks only the simple query protocol: no parameters.
        return (await client.query(command)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
    killNow() {
      if (child.exitCode === null) child.kill("SIGTERM");
    },
  };
}
