// A throwaway OpenLDAP server for the LDAP tests: Debian's slapd (installed by .ci/run; see
// tests/README.md) on a free port, with its own config and database in a temporary folder,
// seeded from support/fixtures/ldap-seed.ldif with slapadd before it starts. Stopped and
// removed by stop(). Nothing of the machine's own LDAP set-up (if any) is touched.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Attribute, Change, Client } from "ldapts";

export const SUFFIX = "dc=example,dc=org";
export const ROOT_DN = `cn=admin,${SUFFIX}`;
const ROOT_PW = "root-secret";
/** The service account the app binds as (seeded). */
export const READER = { dn: `cn=reader,${SUFFIX}`, password: "reader-secret" };
export const PEOPLE = `ou=people,${SUFFIX}`;
export const GROUPS = `ou=groups,${SUFFIX}`;
export const groupDn = (cn: string) => `cn=${cn},${GROUPS}`;
export const userDn = (uid: string) => `uid=${uid},${PEOPLE}`;

const SLAPD = process.env.SLAPD_PATH ?? "/usr/sbin/slapd";
const SCHEMA_DIR = process.env.SLAPD_SCHEMA_DIR ?? "/etc/ldap/schema";
const MODULE_DIR = process.env.SLAPD_MODULE_DIR ?? "/usr/lib/ldap";
const SEED = path.resolve(import.meta.dirname, "fixtures/ldap-seed.ldif");

export interface Slapd {
  url: string;
  port: number;
  /** With `{ tls: true }`: the PEM of the self-signed certificate slapd offers on StartTLS (CN and IP 127.0.0.1). */
  caFile: string | undefined;
  /** Adds or removes the user from a group, as the directory's administrators would. */
  setMember(group: string, uid: string, member: boolean): Promise<void>;
  stop(): Promise<void>;
}

function config(dir: string, tls: boolean): string {
  return `${["core", "cosine", "inetorgperson", "nis"].map((s) => `include ${SCHEMA_DIR}/${s}.schema`).join("\n")}
${tls ? `TLSCertificateFile ${dir}/cert.pem\nTLSCertificateKeyFile ${dir}/key.pem` : ""}
pidfile ${dir}/slapd.pid
argsfile ${dir}/slapd.args
modulepath ${MODULE_DIR}
moduleload back_mdb
database mdb
maxsize 16777216
suffix "${SUFFIX}"
rootdn "${ROOT_DN}"
rootpw ${ROOT_PW}
directory ${dir}/data
access to attrs=userPassword by self read by anonymous auth by * none
access to * by * read
`;
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
    if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => resolve(socket.destroy() === undefined || true));
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slapd did not listen on ${port} within 15 s: ${log()}`);
}

/** A throwaway self-signed certificate for 127.0.0.1, made with the machine's openssl. */
function selfSignedCertificate(dir: string): void {
  const made = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      `${dir}/key.pem`,
      "-out",
      `${dir}/cert.pem`,
    ],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a certificate: ${made.stderr}`);
}

export async function startSlapd(options: { tls?: boolean } = {}): Promise<Slapd> {
  if (!existsSync(SLAPD))
    throw new Error(
      `slapd not found at ${SLAPD}: install Debian's slapd (see tests/README.md, "What needs what") or set SLAPD_PATH`,
    );
  const dir = mkdtempSync(path.join(tmpdir(), "ma-slapd-"));
  mkdirSync(path.join(dir, "data"));
  const conf = path.join(dir, "slapd.conf");
  if (options.tls) selfSignedCertificate(dir);
  writeFileSync(conf, config(dir, Boolean(options.tls)));
  const seeded = spawnSync(SLAPD, ["-T", "add", "-f", conf, "-l", SEED], { encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`slapadd failed: ${seeded.stderr}`);

  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  let output = "";
  // -d keeps slapd in the foreground (no fork), so the child is the server and stopping it is one kill.
  const child = spawn(SLAPD, ["-d", "0", "-h", `${url}/`, "-f", conf], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (b) => (output += String(b)));
  child.stderr?.on("data", (b) => (output += String(b)));
  await waitForPort(port, child, () => output);

  return {
    url,
    port,
    caFile: options.tls ? path.join(dir, "cert.pem") : undefined,
    async setMember(group, uid, member) {
      const client = new Client({ url });
      try {
        await client.bind(ROOT_DN, ROOT_PW);
        await client.modify(
          groupDn(group),
          new Change({
            operation: member ? "add" : "delete",
            modification: new Attribute({ type: "member", values: [userDn(uid)] }),
          }),
        );
      } finally {
        await client.unbind();
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seed's users and their passwords, for the tests to sign in with. */
export const SEED_USERS = Object.fromEntries(
  [...readFileSync(SEED, "utf8").matchAll(/^dn: uid=([^,]+),.*\n(?:.+\n)*?userPassword: (.+)$/gm)].map((m) => [
    m[1]!,
    m[2]!,
  ]),
) as Record<string, string>;
