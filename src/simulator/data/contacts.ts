// Contacts (pilots, corporations, alliances, factions) with standings, watch
// and block flags, and the character's contact labels.
import { sdeFactions } from "../sde";
import type { EsiItem } from "./esi-types";
import { allianceId, otherCharacterId, playerCorporationId } from "./parties";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type Contact = EsiItem<"/characters/{character_id}/contacts">;
export type ContactLabel = EsiItem<"/characters/{character_id}/contacts/labels">;

export interface ContactsSection {
  contacts: Contact[];
  labels: ContactLabel[];
}

const LABEL_NAMES = ["Friends", "Enemies", "Alts", "Market", "Haulers", "Neutrals", "Blues", "Scouts", "Suppliers"];
const STANDINGS: readonly (readonly [number, number])[] = [
  [10, 30],
  [5, 25],
  [0, 10],
  [-5, 15],
  [-10, 20],
];

function newContact(
  ctx: CharacterContext,
  rng: Rng,
  labels: readonly ContactLabel[],
  taken: Set<number>,
): Contact | undefined {
  const kind = rng.weighted<Contact["contact_type"]>([
    ["character", 80],
    ["corporation", 10],
    ["alliance", 6],
    ["faction", 4],
  ]);
  const contactId =
    kind === "character"
      ? otherCharacterId(rng, ctx.character.characterId)
      : kind === "corporation"
        ? playerCorporationId(rng)
        : kind === "alliance"
          ? allianceId(rng)
          : rng.pick(sdeFactions()).id;
  if (taken.has(contactId)) return undefined;
  taken.add(contactId);
  const labelIds =
    labels.length > 0 && rng.chance(0.3)
      ? rng
          .sample(labels, rng.int(1, 2))
          .map((l) => l.label_id)
          .sort((a, b) => a - b)
      : [];
  return {
    contact_id: contactId,
    contact_type: kind,
    standing: rng.chance(0.9) ? rng.weighted(STANDINGS) : Math.round(rng.float(-10, 10) * 10) / 10,
    ...(kind === "character" ? { is_watched: rng.chance(0.2) } : {}),
    ...(kind === "character" && rng.chance(0.03) ? { is_blocked: true } : {}),
    ...(labelIds.length > 0 ? { label_ids: labelIds } : {}),
  };
}

export function generateContacts(ctx: CharacterContext): ContactsSection {
  const rng = ctx.rng("contacts");
  const labels = rng.sample(LABEL_NAMES, rng.int(0, 6)).map((label_name, i) => ({ label_id: i + 1, label_name }));
  const contacts: Contact[] = [];
  const taken = new Set<number>([ctx.character.characterId]);
  const target = ctx.profile.volumes.contacts;
  for (let guard = 0; contacts.length < target && guard < target * 5; guard++) {
    const contact = newContact(ctx, rng, labels, taken);
    if (contact) contacts.push(contact);
  }
  return { contacts, labels };
}

/** Adds `count` contacts and changes one existing standing; returns the touched contact ids. */
export function mutateContacts(ctx: CharacterContext, section: ContactsSection, rng: Rng, count: number): number[] {
  const touched: number[] = [];
  const taken = new Set(section.contacts.map((c) => c.contact_id));
  taken.add(ctx.character.characterId);
  const first = section.contacts[0];
  if (first) {
    section.contacts[0] = { ...first, standing: first.standing >= 0 ? -5 : 5 };
    touched.push(first.contact_id);
  }
  for (let guard = 0; touched.length < count + (first ? 1 : 0) && guard < 100; guard++) {
    const contact = newContact(ctx, rng, section.labels, taken);
    if (contact) {
      section.contacts.push(contact);
      touched.push(contact.contact_id);
    }
  }
  return touched;
}
