// contacts: the character's contact labels and contacts (all pages), both diffed
// so an unchanged contact costs no write. Label ids a contact carries but the
// character no longer has are dropped, as Member Audit does.
import type { EsiItem } from "~/server/esi/types";
import { diffCount, diffRows } from "./diff-rows";
import { defineSection, EveryPartFailedError } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type Contact = EsiItem<"get", "/characters/{character_id}/contacts">;
type ContactLabel = EsiItem<"get", "/characters/{character_id}/contacts/labels">;

/** null: ESI answered unchanged for that route, the stored rows stand. */
export interface ContactsData {
  labels: ContactLabel[] | null;
  contacts: Contact[] | null;
}

const LABELS = "GET /characters/{character_id}/contacts/labels";

/** Label ids joined in one string, so the row diff compares them as one scalar. */
const labelKey = (ids: readonly bigint[]) => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(",");
const parseLabelKey = (key: string) => (key === "" ? [] : key.split(",").map(BigInt));

export const contacts = defineSection<ContactsData>({
  name: "contacts",
  label: "Contacts",
  routes: ["GET /characters/{character_id}/contacts/labels", "GET /characters/{character_id}/contacts"],
  scopes: ["esi-characters.read_contacts.v1"],
  defaultStaleMinutes: 240,
  writeStrategy: "diff",
  // Each route keeps its own ETag (labels through ctx.routes), so a changed contact
  // list does not re-read labels and vice versa; an unchanged part arrives as null.
  // Each route is also a part: one that fails arrives as null too, and keeps its old ETag.
  async fetch({ esi, characterId, cache, routes, force, part }) {
    const path = { character_id: characterId };
    const labelsCache = await routes.get(LABELS);
    const labels = await part("contact labels", () =>
      esi.get("/characters/{character_id}/contacts/labels", { path, cache: labelsCache, force }),
    );
    const list = await part("contacts", () =>
      esi.getPages("/characters/{character_id}/contacts", { path, cache, force }),
    );
    if (!labels && !list) throw new EveryPartFailedError();
    if (labels?.status !== "ok" && list?.status !== "ok")
      return list ?? { status: "unchanged", reason: "not-modified", cache };
    if (labels) routes.set(LABELS, labels.cache);
    return {
      status: "ok",
      data: {
        labels: labels?.status === "ok" ? labels.data : null,
        contacts: list?.status === "ok" ? list.data : null,
      },
      cache: list ? list.cache : cache,
    };
  },
  async persist({ tx, characterId }, data) {
    const storedLabels = await tx.characterContactLabel.findMany({
      where: { characterId },
      select: { labelId: true, name: true },
    });
    const labelDiff = diffRows(
      storedLabels,
      data.labels === null
        ? storedLabels
        : data.labels.map((l) => ({ labelId: BigInt(l.label_id), name: l.label_name })),
      (r) => r.labelId,
    );
    if (labelDiff.create.length > 0)
      await insertRows(tx, "CharacterContactLabel", { data: labelDiff.create.map((r) => ({ characterId, ...r })) });
    for (const r of labelDiff.update)
      await tx.characterContactLabel.update({
        where: { characterId_labelId: { characterId, labelId: r.labelId } },
        data: { name: r.name },
      });
    if (labelDiff.remove.length > 0)
      await tx.characterContactLabel.deleteMany({ where: { characterId, labelId: { in: labelDiff.remove } } });

    const known = new Set(
      data.labels === null ? storedLabels.map((l) => l.labelId) : data.labels.map((l) => BigInt(l.label_id)),
    );
    const stored = (await tx.characterContact.findMany({ where: { characterId } })).map((r) => ({
      contactId: r.contactId,
      contactType: r.contactType,
      standing: r.standing,
      isWatched: r.isWatched,
      isBlocked: r.isBlocked,
      labels: labelKey(r.labelIds),
    }));
    // Contacts unchanged but labels gone: the stored contacts lose the vanished label ids.
    const keepKnown = (key: string) => labelKey(parseLabelKey(key).filter((id) => known.has(id)));
    const incoming =
      data.contacts === null
        ? stored.map((r) => ({ ...r, labels: keepKnown(r.labels) }))
        : data.contacts.map((c) => ({
            contactId: c.contact_id,
            contactType: c.contact_type as string,
            standing: c.standing,
            isWatched: c.is_watched ?? false,
            isBlocked: c.is_blocked ?? false,
            labels: labelKey((c.label_ids ?? []).map(BigInt).filter((id) => known.has(id))),
          }));
    const diff = diffRows(stored, incoming, (r) => r.contactId);
    const toRow = ({ labels, ...r }: (typeof incoming)[number]) => ({ ...r, labelIds: parseLabelKey(labels) });
    if (diff.create.length > 0)
      await insertRows(tx, "CharacterContact", { data: diff.create.map((r) => ({ characterId, ...toRow(r) })) });
    for (const r of diff.update) {
      await tx.characterContact.update({
        where: { characterId_contactId: { characterId, contactId: r.contactId } },
        data: toRow(r),
      });
    }
    if (diff.remove.length > 0)
      await tx.characterContact.deleteMany({ where: { characterId, contactId: { in: diff.remove } } });

    return {
      written: diffCount(labelDiff) + diffCount(diff),
      entityIds: incoming.map((r) => r.contactId),
    };
  },
});
