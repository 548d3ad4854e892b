// The one way to make a Prisma client: through @prisma/adapter-pg with a bounded pool.
// The embedded database is reached the same way (PGlite served on a local socket).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

export type Db = PrismaClient;

export function createDb(connectionString: string, poolMax: number): Db {
  const adapter = new PrismaPg({ connectionString, max: poolMax, idleTimeoutMillis: 30_000 });
  return new PrismaClient({ adapter });
}
