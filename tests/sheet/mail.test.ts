// Mail tab through the tRPC API: labels, lists and unread counts, headers newest first
// with names, label and mailing-list filters, reading a mail with its body sanitised,
// and the access rule.
import { describe, expect, it } from "vitest";
import { mails } from "~/server/sections/mails";
import type { MailFolders, MailHeaderRow, MailView } from "~/server/sheet/mail";
import type { Page } from "~/server/sheet/wallet";
import { characterSection } from "~/simulator/data";
import { useSeededSheet } from "../support/seeded-sheet";

const CHARACTER = 2112000004;
const h = useSeededSheet(CHARACTER, [mails]);
const where = { characterId: CHARACTER };
const simMail = () => characterSection(CHARACTER, "mail")!;

async function allHeaders(input: Record<string, unknown> = {}): Promise<MailHeaderRow[]> {
  const rows: MailHeaderRow[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await h.ok<Page<MailHeaderRow>>("sheet.mail.headers", {
      characterId: CHARACTER,
      limit: 40,
      ...input,
      cursor,
    });
    rows.push(...page.rows);
    cursor = page.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return rows;
}
const storedOrder = async (extra: object = {}) =>
  (
    await h.t.db.characterMail.findMany({
      where: { ...where, ...extra },
      orderBy: [{ timestamp: "desc" }, { mailId: "desc" }],
      select: { mailId: true },
    })
  ).map((m) => m.mailId.toString());

describe("mail sheet", () => {
  it("lists the labels with unread counts, the mailing lists and the unread total", async () => {
    const folders = await h.ok<MailFolders>("sheet.mail.folders", { characterId: CHARACTER });
    expect(folders.labels.map((l) => l.id).sort()).toEqual(
      simMail()
        .labels.map((l) => l.label_id)
        .sort(),
    );
    const inbox = simMail().labels.find((l) => l.label_id === 1)!;
    const unreadInInbox = simMail().headers.filter((m) => !m.is_read && m.labels?.includes(1)).length;
    expect(unreadInInbox).toBeGreaterThan(0);
    expect(folders.labels.find((l) => l.id === 1)).toMatchObject({ name: inbox.name, unreadCount: unreadInInbox });
    expect(folders.mailingLists.map((l) => l.name).sort()).toEqual(
      simMail()
        .lists.map((l) => l.name)
        .sort(),
    );
    expect(folders.unreadTotal).toBe(simMail().headers.filter((m) => !m.is_read).length);
  });

  it("pages headers newest first with sender, recipients and labels named", async () => {
    const rows = await allHeaders();
    const expected = await storedOrder();
    expect(expected.length).toBeGreaterThan(40);
    expect(rows.map((r) => r.mailId)).toEqual(expected);
    const sim = new Map(simMail().headers.map((m) => [String(m.mail_id), m]));
    const first = rows[0]!;
    expect(first).toMatchObject({
      subject: sim.get(first.mailId)!.subject,
      isRead: sim.get(first.mailId)!.is_read ?? false,
    });
    const sender = await h.t.db.eveEntity.findUniqueOrThrow({ where: { id: first.sender!.id } });
    expect(first.sender!.name).toBe(sender.name);
    expect(rows.flatMap((r) => r.recipients).every((x) => !x.name.startsWith("#"))).toBe(true);
    expect(rows.some((r) => !r.isRead)).toBe(true);
    const labelNames = new Map(simMail().labels.map((l) => [l.label_id, l.name]));
    expect(first.labels.map((l) => l.name)).toEqual(sim.get(first.mailId)!.labels!.map((id) => labelNames.get(id)));
  });

  it("filters by label and by mailing list", async () => {
    const counts = new Map<number, number>();
    for (const m of simMail().headers) for (const id of m.labels ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    const [labelId] = [...counts.entries()].sort((a, b) => a[1] - b[1]).find(([, n]) => n > 1)!;
    const labelled = await allHeaders({ labelId });
    expect(labelled.length).toBeGreaterThan(0);
    expect(labelled.every((r) => r.labels.some((l) => l.id === labelId))).toBe(true);
    expect(labelled.map((r) => r.mailId)).toEqual(await storedOrder({ labelIds: { has: labelId } }));
    expect(labelled.length).toBeLessThan((await storedOrder()).length);

    const lists = new Set(simMail().lists.map((l) => l.mailing_list_id));
    const stored = await h.t.db.characterMail.findMany({ where });
    const listMail = stored.find((m) =>
      (m.recipients as { id: number; type: string }[]).some((x) => x.type === "mailing_list" && lists.has(x.id)),
    )!;
    const listId = (listMail.recipients as { id: number; type: string }[]).find((x) => x.type === "mailing_list")!.id;
    const onList = await allHeaders({ mailingListId: listId });
    expect(onList.map((r) => r.mailId)).toContain(listMail.mailId.toString());
    expect(onList.every((r) => r.recipients.some((x) => x.id === listId && x.type === "mailing_list"))).toBe(true);
    const expected = stored.filter((m) =>
      (m.recipients as { id: number; type: string }[]).some((x) => x.id === listId && x.type === "mailing_list"),
    );
    expect(onList.length).toBe(expected.length);
    const listName = simMail().lists.find((l) => l.mailing_list_id === listId)!.name;
    expect(onList[0]!.recipients.find((x) => x.id === listId)!.name).toBe(listName);
  });

  it("opens a mail with its EVE markup sanitised: formatting and web links kept, game links as text", async () => {
    const [newest] = await storedOrder();
    const mail = await h.ok<MailView>("sheet.mail.read", { characterId: CHARACTER, mailId: newest });
    const raw = (
      await h.t.db.characterMail.findUniqueOrThrow({
        where: { characterId_mailId: { characterId: CHARACTER, mailId: BigInt(newest!) } },
      })
    ).body!;
    expect(raw).toContain("showinfo:");
    expect(mail.bodyLoaded).toBe(true);
    expect(mail.bodyHtml).not.toContain("showinfo:");
    expect(mail.bodyHtml).not.toContain("<font");
    expect(mail.bodyHtml).toContain(
      '<a href="https://www.eveonline.com/" rel="noopener noreferrer nofollow" target="_blank">Useful link</a>',
    );
    expect(mail.bodyHtml).toMatch(/<br \/>/);
    expect(mail.subject).toBe(simMail().headers.find((m) => String(m.mail_id) === newest)!.subject);

    expect(await h.ok("sheet.mail.read", { characterId: CHARACTER, mailId: "1" })).toBeNull();
    expect(await h.ok("sheet.mail.read", { characterId: CHARACTER })).toBeNull();
  });

  it("never hands a hostile body to the page as markup", async () => {
    const [, second] = await storedOrder();
    await h.t.db.characterMail.update({
      where: { characterId_mailId: { characterId: CHARACTER, mailId: BigInt(second!) } },
      data: {
        body: 'Hi<script>alert(document.cookie)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">click</a>',
      },
    });
    const mail = await h.ok<MailView>("sheet.mail.read", { characterId: CHARACTER, mailId: second });
    expect(mail.bodyHtml).toBe("Hi<span>click</span>");
  });

  it("reads only the asked character's mail, even given another character's mail id", async () => {
    const other = 90000002;
    await h.t.db.character.upsert({ where: { id: other }, create: { id: other }, update: {} });
    await h.t.db.characterMail.create({
      data: {
        characterId: other,
        mailId: 777n,
        senderId: null,
        recipients: [],
        labelIds: [1],
        subject: "private",
        isRead: false,
        timestamp: new Date(),
        body: "secret",
      },
    });
    expect(await h.ok("sheet.mail.read", { characterId: CHARACTER, mailId: "777" })).toBeNull();
    expect((await allHeaders()).some((m) => m.mailId === "777")).toBe(false);
    expect((await h.query("owner", "sheet.mail.read", { characterId: other, mailId: "777" })).status).toBe(404);
    expect((await h.ok<MailView>("sheet.mail.read", { characterId: other, mailId: "777" }, "stranger")).bodyHtml).toBe(
      "secret",
    );
  });

  it("refuses a malformed cursor with 400 and a character the caller may not view with 404", async () => {
    expect((await h.query("owner", "sheet.mail.headers", { characterId: CHARACTER, cursor: "%%%" })).status).toBe(400);
    const [newest] = await storedOrder();
    for (const [path, input] of [
      ["folders", {}],
      ["headers", {}],
      ["read", { mailId: newest }],
    ] as const) {
      const denied = await h.query("stranger", `sheet.mail.${path}`, { characterId: CHARACTER, ...input });
      expect(denied.status).toBe(404);
      expect(JSON.stringify(denied)).not.toContain("Hi");
      expect((await h.query("admin", `sheet.mail.${path}`, { characterId: CHARACTER, ...input })).status).toBe(200);
    }
  });
});
