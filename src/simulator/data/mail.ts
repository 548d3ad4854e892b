// EVE mail: headers with default and custom labels, mailing lists, and bodies
// in the client's HTML dialect (font tags, showinfo links). Bodies are derived
// from the mail id on request, so 2,000 mails cost only their headers.
import { findSimAlliance, findSimCorporation, simCharacters } from "../roster";
import { findSystem, findType } from "../sde";
import { marketTypes } from "./catalog";
import { characterName, findAnyCharacter } from "./characters";
import type { EsiGet, EsiItem } from "./esi-types";
import { DAY_MS, ID_SPACES, isoSeconds, makeId } from "./ids";
import { otherCharacterId } from "./parties";
import type { CharacterContext } from "./profile";
import { Rng } from "./prng";

export type MailHeader = EsiItem<"/characters/{character_id}/mail">;
export type MailLabels = EsiGet<"/characters/{character_id}/mail/labels">;
export type MailLabel = NonNullable<MailLabels["labels"]>[number];
export type MailDetail = EsiGet<"/characters/{character_id}/mail/{mail_id}">;
type Recipient = NonNullable<MailHeader["recipients"]>[number];

export interface MailingList {
  readonly mailing_list_id: number;
  readonly name: string;
}

export interface MailSection {
  /** Ascending mail_id (= oldest first). */
  headers: MailHeader[];
  labels: Omit<MailLabel, "unread_count">[];
  lists: MailingList[];
  nextN: number;
}

export const LABEL = { inbox: 1, sent: 2, corp: 4, alliance: 8 } as const;

const DEFAULT_LABELS: Omit<MailLabel, "unread_count">[] = [
  { label_id: LABEL.inbox, name: "Inbox", color: "#ffffff" },
  { label_id: LABEL.sent, name: "Sent", color: "#ffffff" },
  { label_id: LABEL.corp, name: "[Corp]", color: "#ffffff" },
  { label_id: LABEL.alliance, name: "[Alliance]", color: "#ffffff" },
];
const CUSTOM_LABELS = ["Important", "Logistics", "Market", "Fleet Ops", "Recruitment", "Archive", "SRP"];
const LABEL_COLORS: NonNullable<MailLabel["color"]>[] = [
  "#0000fe",
  "#006634",
  "#0099ff",
  "#00ff33",
  "#fe0000",
  "#ff6600",
  "#ffff01",
  "#660066",
];

/** Mailing lists shared by everyone in the simulator. */
const MAILING_LISTS: readonly MailingList[] = [
  { mailing_list_id: 145_000_001, name: "SIMA Announcements" },
  { mailing_list_id: 145_000_002, name: "Jita Traders" },
  { mailing_list_id: 145_000_003, name: "Mining Ops" },
  { mailing_list_id: 145_000_004, name: "Freight Service" },
  { mailing_list_id: 145_000_005, name: "Lowsec Roams" },
  { mailing_list_id: 145_000_006, name: "Industry Chat" },
];

const SUBJECTS = [
  "Fleet tonight at 19:00",
  "Re: contract",
  "Buyback prices updated",
  "Welcome to the corporation",
  "Moon extraction schedule",
  "Freight rates",
  "SRP request",
  "Doctrine update",
  "Re: Re: ore prices",
  "Tax change",
  "Structure timer",
  "Need a courier",
  "Skill plan for new members",
  "Thanks for the fleet",
  "Market report",
  "War declared",
  "Reminder: fuel",
  "PI setup help",
];
const SENTENCES = [
  "The next op forms up in the home system, bring the doctrine fit.",
  "Prices in Jita moved again, check the buy orders before you haul.",
  "Please update your API access in the audit tool before the weekend.",
  "Your contract was accepted, payment is on its way.",
  "We need more minerals for the next batch of ships.",
  "Remember to keep your clone up to date before you undock.",
  "The structure comes out of reinforcement tomorrow, we need everyone.",
];

function greeting(rng: Rng, senderId: number, recipientName: string): string {
  const sender = findAnyCharacter(senderId);
  const type = rng.pick(marketTypes());
  const system = findSystem(rng.pick([30000142, 30002187, 30002659, 30002510]));
  const corporation = sender ? findSimCorporation(sender.corporationId) : undefined;
  const alliance = sender?.allianceId ? findSimAlliance(sender.allianceId) : undefined;
  const parts = [
    `<font size="12" color="#bfffffff">Hi ${recipientName},<br><br>${rng.pick(SENTENCES)}<br>`,
    `Talk to <a href="showinfo:1377//${senderId}">${sender?.name ?? "me"}</a>`,
    corporation ? ` of <a href="showinfo:2//${corporation.corporationId}">${corporation.name}</a>` : "",
    alliance ? ` (<a href="showinfo:16159//${alliance.allianceId}">${alliance.name}</a>)` : "",
    system ? `, we meet in <a href="showinfo:5//${system.id}">${system.name}</a>` : "",
    `. Bring some <a href="showinfo:${type.id}">${findType(type.id)?.name ?? type.name}</a>.<br><br>`,
    `</font><font size="12" color="#ffffa600"><a href="https://www.eveonline.com/">Useful link</a></font>`,
    `<font size="12" color="#bfffffff"><br>Fly safe,<br>${sender?.name ?? ""}</font>`,
  ];
  return parts.join("");
}

function newHeader(
  ctx: CharacterContext,
  rng: Rng,
  mailId: number,
  timestampMs: number,
  section: MailSection,
  fresh: boolean,
): MailHeader {
  const self = ctx.character;
  const custom = section.labels.filter((l) => (l.label_id ?? 0) > LABEL.alliance);
  const roll = rng.next();
  let from: number;
  let recipients: Recipient[];
  let labels: number[];
  if (roll < 0.15 && !fresh) {
    from = self.characterId;
    const count = rng.int(1, 3);
    recipients = Array.from({ length: count }, () => ({
      recipient_id: otherCharacterId(rng, self.characterId),
      recipient_type: "character" as const,
    }));
    labels = [LABEL.sent];
  } else if (roll < 0.35) {
    from = rng.pick(
      simCharacters
        .filter((c) => c.corporationId === self.corporationId && c.characterId !== self.characterId)
        .map((c) => c.characterId)
        .concat(otherCharacterId(rng, self.characterId)),
    );
    recipients = [{ recipient_id: self.corporationId, recipient_type: "corporation" }];
    labels = [LABEL.corp];
  } else if (roll < 0.45 && self.allianceId !== undefined) {
    from = otherCharacterId(rng, self.characterId);
    recipients = [{ recipient_id: self.allianceId, recipient_type: "alliance" }];
    labels = [LABEL.alliance];
  } else if (roll < 0.6 && section.lists.length > 0) {
    from = otherCharacterId(rng, self.characterId);
    recipients = [{ recipient_id: rng.pick(section.lists).mailing_list_id, recipient_type: "mailing_list" }];
    labels = [LABEL.inbox];
  } else {
    from = otherCharacterId(rng, self.characterId);
    recipients = [{ recipient_id: self.characterId, recipient_type: "character" }];
    labels = [LABEL.inbox];
  }
  if (custom.length > 0 && rng.chance(0.15)) labels.push(rng.pick(custom).label_id ?? LABEL.inbox);
  const recent = timestampMs > ctx.anchorMs - 7 * DAY_MS;
  return {
    mail_id: mailId,
    from,
    is_read: from === self.characterId || (!fresh && rng.chance(recent ? 0.5 : 0.97)),
    labels,
    recipients,
    subject: rng.pick(SUBJECTS),
    timestamp: isoSeconds(timestampMs),
  };
}

export function generateMail(ctx: CharacterContext): MailSection {
  const rng = ctx.rng("mail");
  const customCount = rng.int(0, 5);
  const section: MailSection = {
    headers: [],
    labels: [
      ...DEFAULT_LABELS,
      ...rng
        .sample(CUSTOM_LABELS, customCount)
        .map((name, i) => ({ label_id: 16 << i, name, color: rng.pick(LABEL_COLORS) })),
    ],
    lists: rng.sample(MAILING_LISTS, rng.int(0, 4)).sort((a, b) => a.mailing_list_id - b.mailing_list_id),
    nextN: 1,
  };
  const count = ctx.profile.volumes.mails;
  // A year of mail, denser towards the present.
  const times = Array.from({ length: count }, () => ctx.anchorMs - Math.floor(365 * DAY_MS * rng.next() ** 2)).sort(
    (a, b) => a - b,
  );
  for (const time of times)
    section.headers.push(newHeader(ctx, rng, makeId(ID_SPACES.mail, ctx.index, section.nextN++), time, section, false));
  return section;
}

export function appendMail(
  ctx: CharacterContext,
  section: MailSection,
  rng: Rng,
  nowMs: number,
  count: number,
): MailHeader[] {
  const added = Array.from({ length: count }, (_, i) =>
    newHeader(ctx, rng, makeId(ID_SPACES.mail, ctx.index, section.nextN++), nowMs + i * 1000, section, true),
  );
  section.headers.push(...added);
  return added;
}

export function mailLabels(section: MailSection): MailLabels {
  const unread = new Map<number, number>();
  for (const header of section.headers) {
    if (header.is_read) continue;
    for (const label of header.labels ?? []) unread.set(label, (unread.get(label) ?? 0) + 1);
  }
  const labels = section.labels.map((label) => ({ ...label, unread_count: unread.get(label.label_id ?? 0) ?? 0 }));
  return { labels, total_unread_count: section.headers.filter((h) => !h.is_read).length };
}

export function mailDetail(ctx: CharacterContext, header: MailHeader): MailDetail {
  const rng = new Rng(ctx.seed, ctx.character.characterId, "mail-body", header.mail_id ?? 0);
  const recipient = header.recipients?.[0];
  const recipientName =
    recipient?.recipient_type === "character" ? (characterName(recipient.recipient_id) ?? "pilot") : "all";
  return {
    body: greeting(rng, header.from ?? ctx.character.characterId, recipientName),
    from: header.from,
    labels: header.labels,
    read: header.is_read,
    recipients: header.recipients,
    subject: header.subject,
    timestamp: header.timestamp,
  };
}
