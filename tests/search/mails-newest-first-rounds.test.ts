// The mail search reads the newest matches first and checks the scope on those
// (src/server/search/mails.ts); when most of them lie outside the viewer's scope it falls
// back to one query with the scope in it. Both ways give every mail in scope exactly once,
// newest first, whatever the page size: here the newest forty "Fleet ops" mails belong to
// a character the viewer may not see, so at small pages the first round finds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "~/server/access/viewer";
import { type MailSearchInput, type MailSearchRow, searchMails } from "~/server/search/mails";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { SENDER, seedSearchWorld, setViewerPermissions, WORLD } from "../support/search-world";

let t: TestDatabase;
let viewer: Viewer;
const OUTSIDER = WORLD.other.chars[0]!;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedSearchWorld(t.db);
  viewer = await setViewerPermissions(t.db, ["basic_access", "finder_access"]);
  await t.db.characterMail.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({
      characterId: OUTSIDER,
      mailId: BigInt(9_000_000 + i),
      senderId: SENDER.boss,
      recipients: [],
      subject: `Fleet ops again ${i}`,
      isRead: false,
      timestamp: new Date(Date.UTC(2026, 11, 1, 0, i)),
    })),
  });
});
afterAll(async () => {
  await t?.drop();
});

async function allPages(input: MailSearchInput, limit: number): Promise<MailSearchRow[]> {
  const rows: MailSearchRow[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await searchMails(t.db, viewer, { ...input, limit, cursor });
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...page.rows);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

describe("mail search rounds", () => {
  it("finds the viewer's own mails behind many newer ones out of scope, at every page size", async () => {
    // Oracle: the viewer's own characters' matching mails, newest first, straight from the table.
    const own = await t.db.characterMail.findMany({
      where: { characterId: { in: WORLD.viewer.chars }, subject: { contains: "fleet ops", mode: "insensitive" } },
      orderBy: [{ timestamp: "desc" }, { characterId: "desc" }, { mailId: "desc" }],
    });
    expect(own.length).toBe(WORLD.viewer.chars.length);
    const expected = own.map((m) => [m.characterId, m.mailId.toString()]);
    for (const limit of [1, 2, 3, 50, 200]) {
      for (const input of [{ subject: "fleet ops" }, { sender: "fleet boss" }, { subject: "ops", sender: "boss" }]) {
        const rows = await allPages(input, limit);
        expect(
          rows.map((r) => [r.character.id, r.mailId]),
          `${JSON.stringify(input)} at ${limit}`,
        ).toEqual(expected);
      }
    }
  });

  it("pages through a common match newest first when the newest matches are in scope", async () => {
    viewer = await setViewerPermissions(t.db, [
      "basic_access",
      "finder_access",
      "characters_access",
      "view_everything",
    ]);
    const all = await t.db.characterMail.findMany({
      where: { subject: { contains: "fleet ops", mode: "insensitive" } },
      orderBy: [{ timestamp: "desc" }, { characterId: "desc" }, { mailId: "desc" }],
    });
    const expected = all.map((m) => [m.characterId, m.mailId.toString()]);
    expect(expected.length).toBe(40 + Object.values(WORLD).flatMap((u) => u.chars).length);
    for (const limit of [1, 7, 200])
      expect((await allPages({ subject: "fleet ops" }, limit)).map((r) => [r.character.id, r.mailId])).toEqual(
        expected,
      );
  });
});
