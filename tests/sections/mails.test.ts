// mails: headers walked newest first down to the stored ones, bodies fetched once,
// 404 bodies delete their header, the retention purge, and the usual failure cases.
import { describe, expect, it } from "vitest";
import { retentionCutoff } from "~/server/sections/retention";
import { mails } from "~/server/sections/mails";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { characterSection } from "~/simulator/data";
import { requestCounter } from "../support/request-counter";
import { useSectionHarness } from "../support/section-harness";

const CHARACTER = 2112000004;
const BODY_ROUTE = "/characters/{character_id}/mail/{mail_id}";
const bodies = requestCounter(BODY_ROUTE);
const h = useSectionHarness(CHARACTER, mails, { decorate: bodies.decorate });
const storedMails = () =>
  h.db.characterMail.findMany({ where: { characterId: CHARACTER }, orderBy: { mailId: "desc" } });
const simMail = () => characterSection(CHARACTER, "mail")!;

describe("retention cutoff", () => {
  it("is now minus the retention days, rounded down to the hour", () => {
    expect(retentionCutoff(new Date("2026-05-10T12:34:56Z"), 7).toISOString()).toBe("2026-05-03T12:00:00.000Z");
  });
});

describe("mails section", () => {
  it("loads lists, labels, the unread total, headers within retention and their bodies", async () => {
    const outcome = await h.run();
    expect(outcome).toMatchObject({ section: "mails", status: "updated" });
    const cutoff = retentionCutoff(new Date(), DEFAULT_SECTION_SETTINGS.retentionDays);
    const expected = [...simMail().headers]
      .reverse()
      .slice(0, 250)
      .filter((m) => new Date(m.timestamp!) >= cutoff)
      .map((m) => m.mail_id);
    const stored = await storedMails();
    expect(stored.map((m) => Number(m.mailId))).toEqual(expected);
    expect(stored.every((m) => m.body !== null && m.body.length > 0)).toBe(true);
    expect(bodies.calls).toBe(expected.length);

    const first = stored[0]!;
    const header = simMail().headers.find((m) => m.mail_id === Number(first.mailId))!;
    expect(first.senderId).toBe(header.from);
    expect(first.recipients).toEqual(header.recipients!.map((r) => ({ id: r.recipient_id, type: r.recipient_type })));

    const labels = simMail().labels;
    expect((await h.db.characterMailLabel.findMany({ where: { characterId: CHARACTER } })).length).toBe(labels.length);
    const unread = simMail().headers.filter((m) => !m.is_read).length;
    expect((await h.db.characterMailUnreadCount.findUniqueOrThrow({ where: { characterId: CHARACTER } })).total).toBe(
      unread,
    );
    expect(
      (await h.db.characterMailingList.findMany({ where: { characterId: CHARACTER } }))
        .map((l) => l.mailingListId)
        .sort(),
    ).toEqual(
      simMail()
        .lists.map((l) => l.mailing_list_id)
        .sort(),
    );
    const ids = new Set(h.reported.entities.at(-1));
    const lists = new Set(simMail().lists.map((l) => l.mailing_list_id));
    expect(ids.has(header.from!)).toBe(true);
    expect([...ids].some((id) => lists.has(id))).toBe(false);
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("writes no section row and fetches no body when nothing changed", async () => {
    const before = await storedMails();
    bodies.calls = 0;
    h.sim.expireCaches(CHARACTER);
    const outcome = await h.run(true);
    // The first run walked every page; later runs see only the newest page, so the hash may differ once.
    expect(outcome.status === "unchanged" || (outcome.status === "updated" && outcome.written === 0)).toBe(true);
    expect(await h.run(true)).toMatchObject({ status: "unchanged" });
    expect(bodies.calls).toBe(0);
    expect(await storedMails()).toEqual(before);
  });

  it("stores only new mails and fetches only their bodies", async () => {
    const before = await storedMails();
    const change = h.sim.mutateCharacter(CHARACTER, "mail");
    const added = change.changed.mail!;
    h.sim.expireCaches(CHARACTER);
    bodies.calls = 0;
    const outcome = await h.run(true);
    expect(outcome.status).toBe("updated");
    expect(bodies.calls).toBe(added.length);
    const after = await storedMails();
    expect(after.map((m) => Number(m.mailId))).toEqual([
      ...[...added].reverse(),
      ...before.map((m) => Number(m.mailId)),
    ]);
    expect(after.slice(added.length)).toEqual(before);
    expect(after.slice(0, added.length).every((m) => m.body)).toBe(true);
    const unread = simMail().headers.filter((m) => !m.is_read).length;
    expect((await h.db.characterMailUnreadCount.findUniqueOrThrow({ where: { characterId: CHARACTER } })).total).toBe(
      unread,
    );
  });

  it("deletes a header whose body answers 404 (deleted in game)", async () => {
    const newest = (await storedMails())[0]!;
    // A stored header ESI no longer knows, still waiting for its body.
    await h.db.characterMail.create({
      data: {
        characterId: CHARACTER,
        mailId: 1n,
        senderId: newest.senderId,
        recipients: [],
        labelIds: [1],
        subject: "gone",
        isRead: true,
        timestamp: newest.timestamp,
      },
    });
    bodies.calls = 0;
    h.sim.expireCaches(CHARACTER);
    expect(await h.run(true)).toMatchObject({ status: "updated" });
    expect(bodies.calls).toBe(1);
    expect(
      await h.db.characterMail.findUnique({ where: { characterId_mailId: { characterId: CHARACTER, mailId: 1n } } }),
    ).toBeNull();
  });

  it("purges mails older than the retention cutoff", async () => {
    const settings = { ...DEFAULT_SECTION_SETTINGS, retentionDays: 30 };
    const cutoff = retentionCutoff(new Date(), 30);
    const before = await storedMails();
    const old = before.filter((m) => m.timestamp < cutoff).length;
    expect(old).toBeGreaterThan(0);
    // Nothing new in ESI: the engine purges anyway.
    const outcome = await h.run(false, settings);
    expect(outcome).toMatchObject({ status: "unchanged", purged: old });
    const after = await storedMails();
    expect(after.length).toBe(before.length - old);
    expect(after.every((m) => m.timestamp >= cutoff)).toBe(true);
  });

  it("one failing body keeps the lists, labels, headers and the other bodies, names the part, and is asked again", async () => {
    const fresh: number[] = [];
    while (fresh.length < 2) fresh.push(...h.sim.mutateCharacter(CHARACTER, "mail").changed.mail!);
    const list = { mailing_list_id: 145_000_099, name: "Added while a body fails" };
    const label = { label_id: 64, name: "Added while a body fails", color: "#fe0000" as const };
    simMail().lists.push(list);
    simMail().labels.push(label);
    const failing = fresh[0]!;
    h.sim.expireCaches(CHARACTER);
    h.sim.injectFault({ route: `/characters/${CHARACTER}/mail/${failing}`, kind: "status", status: 500 });
    const outcome = await h.run(true).finally(() => h.sim.clearFaults());
    expect(outcome.status).toBe("updated");
    const stored = await storedMails();
    const byId = new Map(stored.map((m) => [Number(m.mailId), m]));
    for (const id of fresh) expect(byId.has(id)).toBe(true);
    expect(byId.get(failing)!.body).toBeNull();
    for (const id of fresh.slice(1)) expect(byId.get(id)!.body).toBeTruthy();
    const where = { characterId: CHARACTER };
    expect((await h.db.characterMailingList.findMany({ where })).map((l) => l.mailingListId)).toContain(
      list.mailing_list_id,
    );
    expect((await h.db.characterMailLabel.findMany({ where })).map((l) => l.labelId)).toContain(label.label_id);
    const status = await h.status();
    expect(status.isSuccess).toBe(false);
    expect(status.errorMessage).toContain(`body of mail ${failing}:`);
    expect(status.errorMessage).not.toContain(`body of mail ${fresh[1]}`);
    // The next run, unforced, fetches the missing body.
    h.sim.expireCaches(CHARACTER);
    h.esi.clearMemory();
    await h.run();
    const again = await h.db.characterMail.findUniqueOrThrow({
      where: { characterId_mailId: { characterId: CHARACTER, mailId: BigInt(failing) } },
    });
    expect(again.body).toBeTruthy();
    expect((await h.status()).isSuccess).toBe(true);
  });

  it("records an invalid token as a token error", async () => {
    await h.expectTokenError();
  });
});
