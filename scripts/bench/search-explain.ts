// Dev aid: EXPLAIN (ANALYZE, BUFFERS) of each benchmark search on a kept benchmark database.
// npx tsx scripts/bench/search-explain.ts NAME [kind]
import { Prisma } from "@prisma/client";
import pg from "pg";
import { loadViewer } from "~/server/access/viewer";
import { createDb, type Db } from "~/server/db/client";
import { searchItems } from "~/server/search/items";
import { searchMails } from "~/server/search/mails";
import { lookupTypes } from "~/server/search/types";
import { databaseUrl } from "../../tests/support/database";
import { itemTypeId, RORQUAL } from "./search-seed";

const name = process.argv[2]!;
const only = process.argv[3];
const url = databaseUrl(name);
const db = createDb(url, 2);
const client = new pg.Client({ connectionString: url });
await client.connect();
const captured: Prisma.Sql[] = [];
const capture = new Proxy(db, {
  get(target, prop) {
    if (prop === "$queryRaw")
      return (strings: TemplateStringsArray, ...values: unknown[]) => {
        captured.push(Prisma.sql(strings, ...values));
        return Promise.resolve([]);
      };
    return Reflect.get(target, prop);
  },
}) as Db;
const runs: [string, (v: any) => Promise<unknown>][] = [
  ["types rorq", () => lookupTypes(capture, { query: "rorq" })],
  ["items rorqual", (v) => searchItems(capture, v, { typeIds: [RORQUAL] })],
  ["items 42", (v) => searchItems(capture, v, { typeIds: [itemTypeId(42)] })],
  ["items ten", (v) => searchItems(capture, v, { typeIds: Array.from({ length: 10 }, (_, i) => itemTypeId(1000 + i * 7)) })],
  ["mails fleet op", (v) => searchMails(capture, v, { subject: "fleet op" })],
  ["mails under attack", (v) => searchMails(capture, v, { subject: "under attack" })],
  ["mails sender 1f", (v) => searchMails(capture, v, { sender: "sender 1f" })],
];
for (const user of ["u0", "u1"]) {
  const viewer = await loadViewer(db, user);
  for (const [label, run] of runs) {
    if (only && !label.includes(only)) continue;
    captured.length = 0;
    await run(viewer);
    for (const sql of captured) {
      const text = sql.sql.replace(/\?/g, (() => { let i = 0; return () => `$${++i}`; })());
      const values = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
      for (let rep = 0; rep < 2; rep++) {
        const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
        const plan = r.rows.map((x) => x["QUERY PLAN"]).join("\n");
        if (rep === 1 || process.env.VERBOSE) console.log(`=== ${user} ${label}\n${process.env.VERBOSE ? plan : plan.split("\n").slice(-3).join("\n")}`);
      }
    }
  }
}
await client.end();
await db.$disconnect();
