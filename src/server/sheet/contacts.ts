// Contacts tab: every contact with its name, kind, standing band, labels and flags.
// EVE caps a character's contacts at about a thousand, so the whole list is read and
// sorted at once; the band counts describe the whole list, not the filtered one.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import { entityNames } from "./name-lookups";

export const STANDING_BANDS = ["excellent", "good", "neutral", "bad", "terrible"] as const;
export type StandingBand = (typeof STANDING_BANDS)[number];

/** The game's five colours of standing: above +5, above 0, 0, down to -5, below -5. */
export function standingBand(standing: number): StandingBand {
  if (standing > 5) return "excellent";
  if (standing > 0) return "good";
  if (standing === 0) return "neutral";
  if (standing >= -5) return "bad";
  return "terrible";
}

/**
 * NPC contacts, decided from EVE's id ranges (the universe assigns NPC entities fixed
 * blocks) and the contact type ESI reports: every faction; corporations in
 * 1,000,000-1,999,999 (NPC corporations); characters in 3,000,000-3,999,999 (agents and
 * other NPC characters). Alliances are always player-made. Player corporations and
 * characters have ids from 90,000,000 (older) or 2,100,000,000 (newer), outside both blocks.
 */
export function isNpcContact(contactId: number, contactType: string): boolean {
  if (contactType === "faction") return true;
  if (contactType === "corporation") return contactId >= 1_000_000 && contactId < 2_000_000;
  if (contactType === "character") return contactId >= 3_000_000 && contactId < 4_000_000;
  return false;
}

export const CONTACT_KINDS = ["all", "players", "npcs"] as const;

export const contactsInput = z.object({
  band: z.enum(STANDING_BANDS).optional(),
  kind: z.enum(CONTACT_KINDS).default("all"),
  sort: z.enum(["standing", "name", "type"]).default("standing"),
  order: z.enum(["asc", "desc"]).default("desc"),
});
export type ContactsInput = z.input<typeof contactsInput>;

export interface ContactRow {
  id: number;
  name: string;
  type: string;
  standing: number;
  band: StandingBand;
  isNpc: boolean;
  isWatched: boolean;
  isBlocked: boolean;
  labels: { id: string; name: string }[];
}

export interface ContactsSheet {
  rows: ContactRow[];
  total: number;
  bandCounts: Record<StandingBand, number>;
  /** Over the whole list, like the band counts. */
  npcCount: number;
}

const TYPE_ORDER = ["character", "corporation", "alliance", "faction"];

export async function contactsSheet(db: Db, characterId: number, raw: ContactsInput = {}): Promise<ContactsSheet> {
  const input = contactsInput.parse(raw);
  const [contacts, labels] = await Promise.all([
    db.characterContact.findMany({ where: { characterId } }),
    db.characterContactLabel.findMany({ where: { characterId } }),
  ]);
  const names = await entityNames(
    db,
    contacts.map((c) => c.contactId),
  );
  const labelNames = new Map(labels.map((l) => [l.labelId.toString(), l.name]));
  const all: ContactRow[] = contacts.map((c) => ({
    id: c.contactId,
    name: names.get(c.contactId)!,
    type: c.contactType,
    standing: c.standing,
    band: standingBand(c.standing),
    isNpc: isNpcContact(c.contactId, c.contactType),
    isWatched: c.isWatched,
    isBlocked: c.isBlocked,
    labels: c.labelIds.map((id) => ({ id: id.toString(), name: labelNames.get(id.toString()) ?? `Label ${id}` })),
  }));
  const bandCounts = Object.fromEntries(
    STANDING_BANDS.map((b) => [b, all.filter((r) => r.band === b).length]),
  ) as Record<StandingBand, number>;
  const byName = (a: ContactRow, b: ContactRow) =>
    a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id - b.id;
  const sign = input.order === "asc" ? 1 : -1;
  const primary: Record<typeof input.sort, (a: ContactRow, b: ContactRow) => number> = {
    standing: (a, b) => a.standing - b.standing,
    name: () => 0,
    type: (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type),
  };
  // Ties always read by name A-Z, whichever way the main key runs.
  const compare =
    input.sort === "name"
      ? (a: ContactRow, b: ContactRow) => sign * byName(a, b)
      : (a: ContactRow, b: ContactRow) => sign * primary[input.sort](a, b) || byName(a, b);
  const kindMatches = (r: ContactRow) => input.kind === "all" || r.isNpc === (input.kind === "npcs");
  const rows = all.filter((r) => (!input.band || r.band === input.band) && kindMatches(r)).sort(compare);
  return { rows, total: all.length, bandCounts, npcCount: all.filter((r) => r.isNpc).length };
}
