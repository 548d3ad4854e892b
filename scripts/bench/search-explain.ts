// EXPLAIN (ANALYZE, BUFFERS) of the search benchmark's queries on the database a
// `npm run bench:search -- --keep` run left: `npx tsx scripts/bench/search-explain.ts NAME
// [label filter]`, as the alliance leader (u0) and the global auditor (u1). Each query runs
// twice and the second run is printed (the last lines; VERBOSE=1 for the whole plans).
// The searches' SQL is captured from the domain functions themselves (docs/search.md).
import { Prisma } from "@prisma/client";
import pg from "pg";
import { loadViewer, type Viewer } from "~/server/access/viewer";
import { createDb, type Db } from "~/server/db/client";
import { searchItems } from "~/server/search/items";
import { searchMails } from "~/server/search/mails";
import { lookupTypes } from "~/server/search/types";
import { databaseUrl } from "../../tests/support/database";
import { itemTypeId, RORQUAL } from "./search-seed";

const name = process.argv[2];
if (!name || !/^ma_test_[0-9a-f]{12}$/.test(name)) throw new Error("give the database name a --keep run printed");
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
const runs: [string, (v: Viewer) => Promise<unknown>][] = [
  ["types rorq", () => lookupTypes(capture, { query: "rorq" })],
  ["types item 3f", () => lookupTypes(capture, { query: "item 3f" })],
  ["items rorqual", (v) => searchItems(capture, v, { typeIds: [RORQUAL] })],
  ["items 42", (v) => searchItems(capture, v, { typeIds: [itemTypeId(42)] })],
  [
    "items ten",
    (v) => searchItems(capture, v, { typeIds: Array.from({ length: 10 }, (_, i) => itemTypeId(1000 + i * 7)) }),
  ],
  ["mails fleet op", (v) => searchMails(capture, v, { subject: "fleet op" })],
  ["mails under attack", (v) => searchMails(capture, v, { subject: "under attack" })],
  ["mails sender 1f", (v) => searchMails(capture, v, { sender: "sender 1f" })],
];
for (const user of ["u0", "u1"]) {
  const viewer = await loadViewer(db, user);
  if (!viewer) throw new Error(`no user ${user}: not a search benchmark database`);
  for (const [label, run] of runs) {
    if (only && !label.includes(only)) continue;
    captured.length = 0;
    await run(viewer);
    for (const sql of captured) {
      const text = sql.text;
      const values = sql.values.map((v) => (typeof v === "bigint" ? v.toString() : v));
      for (let rep = 0; rep < 2; rep++) {
        const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
        const plan = r.rows.map((x) => x["QUERY PLAN"]).join("\n");
        if (rep === 1 || process.env.VERBOSE)
          console.log(`=== ${user} ${label}\n${process.env.VERBOSE ? plan : plan.split("\n").slice(-3).join("\n")}`);
      }
    }
  }
}
await client.end();
await db.$disconnect();
