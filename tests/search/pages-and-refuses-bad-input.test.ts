// Every search pages on the server with keyset cursors (each row exactly once, in the
// order of one big page; a cursor from another query refused), and bad input over HTTP
// is a 400 naming the field, never a database error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "~/server/access/viewer";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { searchItems } from "~/server/search/items";
import { searchMails } from "~/server/search/mails";
import type { SearchPage } from "~/server/search/scope";
import { searchSkill, searchSkillSet } from "~/server/search/skills";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { seedSearchWorld, setViewerPermissions, TYPE } from "../support/search-world";
import { startTrpcServer, type TrpcHttpServer } from "../support/trpc-http";

let t: TestDatabase;
let server: TrpcHttpServer;
let viewer: Viewer;
let skillSetId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ skillSetId } = await seedSearchWorld(t.db));
  viewer = await setViewerPermissions(t.db, [
    "basic_access",
    "finder_access",
    "characters_access",
    "view_everything",
    "view_skill_sets",
  ]);
  const user = (await t.db.user.findUniqueOrThrow({
    where: { id: "viewer" },
    include: { mainCharacter: true },
  })) as CurrentUser;
  server = await startTrpcServer(testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) }), {
    viewer: user,
  });
});
afterAll(async () => {
  await server?.close();
  await t?.drop();
});

/** Every page of a search at `limit` rows, and the same search as one page. */
async function pagedAndWhole<Row>(
  search: (input: { cursor?: string; limit: number }) => Promise<SearchPage<Row>>,
  limit: number,
) {
  const paged: Row[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await search({ cursor, limit });
    paged.push(...page.rows);
    expect(page.rows.length).toBeLessThanOrEqual(limit);
    if (pages > 0) expect(page.total).toBeNull();
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 100);
  return { paged, pages, whole: (await search({ limit: 200 })).rows };
}

describe("search paging", () => {
  it("pages items, skills, skill sets and mails: every row once, in order", async () => {
    const items = await pagedAndWhole((p) => searchItems(t.db, viewer, { typeIds: [TYPE.tritanium], ...p }), 5);
    expect(items.whole).toHaveLength(21);
    expect(items.paged).toEqual(items.whole);
    expect(items.pages).toBe(5);
    const skills = await pagedAndWhole((p) => searchSkill(t.db, viewer, { skillId: TYPE.skill, ...p }), 3);
    expect(skills.whole).toHaveLength(7);
    expect(skills.paged).toEqual(skills.whole);
    const sets = await pagedAndWhole((p) => searchSkillSet(t.db, viewer, { skillSetId, ...p }), 3);
    expect(sets.paged).toEqual(sets.whole);
    // "o" is in both senders' names: two mails per character, all of them.
    const mails = await pagedAndWhole((p) => searchMails(t.db, viewer, { sender: "o", ...p }), 5);
    expect(mails.whole).toHaveLength(14);
    expect(mails.paged).toEqual(mails.whole);
  });

  it("counts the whole result on the first page", async () => {
    expect((await searchItems(t.db, viewer, { typeIds: [TYPE.tritanium], limit: 5 })).total).toBe(21);
    expect((await searchSkill(t.db, viewer, { skillId: TYPE.skill, limit: 3 })).total).toBe(7);
  });

  it("refuses a cursor from another query instead of skipping rows", async () => {
    const first = await searchSkill(t.db, viewer, { skillId: TYPE.skill, limit: 3 });
    await expect(
      searchSkill(t.db, viewer, { skillId: TYPE.skill, minLevel: 2, limit: 3, cursor: first.nextCursor! }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", details: { fields: ["cursor"] } });
    const items = await searchItems(t.db, viewer, { typeIds: [TYPE.tritanium], limit: 5 });
    await expect(
      searchItems(t.db, viewer, { typeIds: [TYPE.rorqual], limit: 5, cursor: items.nextCursor! }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});

describe("search input over HTTP", () => {
  async function answer(path: string, input: unknown) {
    const { status, text } = await server.call("viewer", path, "query", input);
    const error = (JSON.parse(text) as { error?: { json: { message: string; data: { fields?: string[] } } } }).error;
    return { status, fields: error?.json.data.fields, message: error?.json.message };
  }

  it.each<[string, unknown, string]>([
    ["search.items", { typeIds: [2147483648] }, "typeIds.0"],
    ["search.items", { typeIds: [] }, "typeIds"],
    ["search.items", { typeIds: Array.from({ length: 51 }, (_, i) => i + 1) }, "typeIds"],
    ["search.items", { typeIds: [34], limit: 201 }, "limit"],
    ["search.items", { typeIds: [34], cursor: "not-a-cursor" }, "cursor"],
    ["search.types", { query: "x".repeat(101) }, "query"],
    ["search.types", { query: "a\u0000b" }, "query"],
    ["search.skill", { skillId: TYPE.skill, minLevel: 6 }, "minLevel"],
    ["search.skill", { skillId: 0 }, "skillId"],
    ["search.skillSet", { skillSetId: 2147483648 }, "skillSetId"],
    ["search.mails", {}, "subject"],
    ["search.mails", { sender: "\ud800x" }, "sender"],
    ["search.mails", { subject: "y".repeat(101) }, "subject"],
  ])("%s %j: 400 naming %s", async (path, input, field) => {
    const refused = await answer(path, input);
    expect(refused).toMatchObject({ status: 400, fields: [field] });
    expect(refused.message).not.toMatch(/prisma|SELECT|\bat\s/i);
  });
});
