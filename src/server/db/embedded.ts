// The embedded database: PGlite (PostgreSQL in WebAssembly) persisted in a data
// folder and served on a local socket, so the app reaches it over the PostgreSQL
// protocol exactly as it reaches a real server in production.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { securePrivateDir } from "~/server/launch/data-dir";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite is a single session: the socket server queues queries from several
 * connections onto it, which would interleave their transactions. So it accepts
 * one connection at a time, and the app's pool is sized 1 on top of it.
 */
export const EMBEDDED_MAX_CONNECTIONS = 1;

/**
 * The PostgreSQL extensions the migrations create (pg_trgm: the mail subject index of
 * search, docs/search.md). PGlite loads an extension only when it is opened with it, so
 * every PGlite that replays or serves the migrations is opened with these.
 */
export const PGLITE_EXTENSIONS = { pg_trgm };

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  host?: string;
}): Promise<EmbeddedPostgres> {
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
  const pglite = await PGlite.create(options.dataDir, { extensions: PGLITE_EXTENSIONS });
  // PGlite's file system sets 0666 on every file it writes, whatever the umask: the folder
  // (0700) keeps others out while it runs, and the files are tightened after start and stop.
  await securePrivateDir(options.dataDir);
  const host = options.host ?? "127.0.0.1";
  const server = new PGLiteSocketServer({
    db: pglite,
    port: options.port,
    host,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  await server.start();
  const port = Number(server.getServerConn().split(":").pop());
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
      await securePrivateDir(options.dataDir);
    },
  };
}
