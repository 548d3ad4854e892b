// mails: mailing lists, labels with unread counts, the unread total, and headers
// walked newest first (last_mail_id) until the newest stored mail. Bodies are
// fetched once: for new headers and for stored mails still without one. A 404 on
// a body means the mail was deleted in game, so its header goes too. Mails older
// than the retention cutoff are neither stored nor kept.
import { fetchBodies, type MailHeader, type MailsData, mailsNeedingBodies, toHeader } from "./mails-fetch";
import { persistHeaders, persistLabels, persistLists } from "./mails-persist";
import { retentionCutoff } from "./retention";
import { defineSection, EveryPartFailedError } from "./types";

export type { MailHeader, MailRecipient, MailsData } from "./mails-fetch";

/** Member Audit's MEMBERAUDIT_MAX_MAILS: at most 250 headers (5 pages of 50) per run. */
const MAX_HEADER_PAGES = 5;
const LISTS = "GET /characters/{character_id}/mail/lists";
const LABELS = "GET /characters/{character_id}/mail/labels";

export const mails = defineSection<MailsData>({
  name: "mails",
  label: "Mails",
  routes: [
    "GET /characters/{character_id}/mail/lists",
    "GET /characters/{character_id}/mail/labels",
    "GET /characters/{character_id}/mail",
    "GET /characters/{character_id}/mail/{mail_id}",
  ],
  scopes: ["esi-mail.read_mail.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "diff",
  retention: {
    purge: async (db, characterId, cutoff) =>
      (await db.characterMail.deleteMany({ where: { characterId, timestamp: { lt: cutoff } } })).count,
  },
  // Lists and labels keep their own ETags (ctx.routes), headers the section's; bodies
  // are fetched once. A route answering unchanged leaves its part of the data null.
  // Lists, labels, headers and each body are parts: one that fails is null (or left
  // out) like an unchanged one, keeps its ETag, and the others are stored.
  async fetch({ esi, db, characterId, now, settings, cache, routes, force, part }) {
    const path = { character_id: characterId };
    const cutoff = retentionCutoff(now, settings.retentionDays);
    const listsCache = await routes.get(LISTS);
    const lists = await part("mailing lists", () =>
      esi.get("/characters/{character_id}/mail/lists", { path, cache: listsCache, force }),
    );
    const labelsCache = await routes.get(LABELS);
    const labels = await part("mail labels", () =>
      esi.get("/characters/{character_id}/mail/labels", { path, cache: labelsCache, force }),
    );
    const newest = await db.characterMail.findFirst({
      where: { characterId },
      orderBy: { mailId: "desc" },
      select: { mailId: true },
    });
    const walked = await part("mail headers", () =>
      esi.getByCursor("/characters/{character_id}/mail", {
        path,
        cache,
        force,
        maxPages: MAX_HEADER_PAGES,
        ...(newest ? { stopAtId: Number(newest.mailId) } : {}),
      }),
    );
    const headers =
      walked?.status === "ok"
        ? walked.data
            .map(toHeader)
            .filter((h): h is MailHeader => h !== undefined && new Date(h.timestamp) >= cutoff)
            .sort((a, b) => b.mailId - a.mailId)
        : [];
    const needBodies = await mailsNeedingBodies(db, characterId, headers, cutoff);
    if (!lists && !labels && !walked) throw new EveryPartFailedError();
    const mainCache = walked?.cache ?? cache;
    if (lists?.status !== "ok" && labels?.status !== "ok" && walked?.status !== "ok" && needBodies.length === 0)
      return {
        status: "unchanged",
        reason: walked?.status === "unchanged" ? walked.reason : "not-modified",
        cache: mainCache,
      };
    if (lists) routes.set(LISTS, lists.cache);
    if (labels) routes.set(LABELS, labels.cache);
    const { bodies, gone } = await fetchBodies(esi, characterId, needBodies, part);
    const goneIds = new Set(gone);
    return {
      status: "ok",
      data: {
        lists: lists?.status === "ok" ? [...lists.data].sort((a, b) => a.mailing_list_id - b.mailing_list_id) : null,
        labels:
          labels?.status === "ok"
            ? {
                labels: [...(labels.data.labels ?? [])].sort((a, b) => (a.label_id ?? 0) - (b.label_id ?? 0)),
                totalUnread: labels.data.total_unread_count ?? 0,
              }
            : null,
        headers: headers.filter((h) => !goneIds.has(h.mailId)),
        bodies,
        gone,
      },
      cache: mainCache,
    };
  },
  async persist({ tx, characterId }, data) {
    let written = data.lists ? await persistLists(tx, characterId, data.lists) : 0;
    written += data.labels ? await persistLabels(tx, characterId, data.labels) : 0;
    written += await persistHeaders(tx, characterId, data.headers);
    for (const { mailId, body } of data.bodies) {
      const updated = await tx.characterMail.updateMany({
        where: { characterId, mailId: BigInt(mailId), body: null },
        data: { body },
      });
      written += updated.count;
    }
    if (data.gone.length > 0) {
      written += (await tx.characterMail.deleteMany({ where: { characterId, mailId: { in: data.gone.map(BigInt) } } }))
        .count;
    }
    // Mailing lists cannot be resolved through ESI: their names come from /mail/lists only.
    const entityIds = data.headers.flatMap((h) => [
      ...(h.senderId !== null ? [h.senderId] : []),
      ...h.recipients.filter((r) => r.type !== "mailing_list").map((r) => r.id),
    ]);
    return { written, entityIds };
  },
});
