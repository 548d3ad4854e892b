// Notifications (with the YAML-like text the client parses) and calendar
// events around the present: past ones and upcoming ones.
import { findSimAlliance, findSimCorporation } from "../roster";
import { PLAYER_STRUCTURES } from "./catalog";
import { characterName } from "./characters";
import type { EsiGet, EsiItem } from "./esi-types";
import { DAY_MS, HOUR_MS, ID_SPACES, isoSeconds, makeId } from "./ids";
import { otherCharacterId } from "./parties";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";

export type Notification = EsiItem<"/characters/{character_id}/notifications">;
export type CalendarEntry = EsiItem<"/characters/{character_id}/calendar">;
export type CalendarEvent = EsiGet<"/characters/{character_id}/calendar/{event_id}">;

export interface EventsSection {
  notifications: Notification[];
  /** Ascending date (and event_id). */
  events: CalendarEvent[];
}

type NotificationType = Notification["type"];

function notificationText(
  ctx: CharacterContext,
  rng: Rng,
  type: NotificationType,
): { text: string; sender: number; senderType: Notification["sender_type"] } {
  const self = ctx.character;
  const other = otherCharacterId(rng, self.characterId);
  const structure = rng.pick(PLAYER_STRUCTURES);
  switch (type) {
    case "StructureUnderAttack":
    case "StructureFuelAlert":
      return {
        text: `allianceID: ${self.allianceId ?? "null"}\ncharID: ${other}\ncorpName: ${findSimCorporation(self.corporationId)?.name ?? ""}\nsolarsystemID: ${structure.systemId}\nstructureID: &id001 ${structure.id}\nstructureShowInfoData:\n- showinfo\n- ${structure.typeId}\n- *id001\nstructureTypeID: ${structure.typeId}\n`,
        sender: structure.ownerId,
        senderType: "corporation",
      };
    case "CorpAllBillMsg":
      return {
        text: `amount: ${rng.int(1, 50) * 1_000_000}\nbillTypeID: 2\ncreditorID: 1000125\ndebtorID: ${self.corporationId}\ndueDate: 133000000000000000\n`,
        sender: 1000125,
        senderType: "corporation",
      };
    case "InsurancePayoutMsg":
      return {
        text: `amount: ${rng.int(1, 90) * 1_000_000}\nitemID: ${rng.int(1, 9) * 1_000_000_000_000}\npayout: 1\n`,
        sender: 1000132,
        senderType: "corporation",
      };
    case "KillReportVictim":
    case "KillReportFinalBlow":
      return {
        text: `killMailHash: ${rng.hex(40)}\nkillMailID: ${rng.int(120_000_000, 129_999_999)}\nvictimShipTypeID: 587\n`,
        sender: self.characterId,
        senderType: "character",
      };
    case "ContactAdd":
    case "ContactEdit":
      return { text: `level: 5\nmessage: ''\n`, sender: other, senderType: "character" };
    case "CorpAppNewMsg":
    case "CharAppAcceptMsg":
      return {
        text: `applicationText: 'Hi, I would like to join.'\ncharID: ${other}\ncorpID: ${self.corporationId}\n`,
        sender: other,
        senderType: "character",
      };
    case "AllWarDeclaredMsg":
    case "WarDeclared":
      return {
        text: `againstID: ${self.allianceId ?? self.corporationId}\ncost: 100000000\ndeclaredByID: 98000004\ndelayHours: 24\nhostileState: 0\n`,
        sender: 1000125,
        senderType: "corporation",
      };
    default:
      return {
        text: `corpID: ${self.corporationId}\n`,
        sender: self.allianceId ?? self.corporationId,
        senderType: self.allianceId ? "alliance" : "corporation",
      };
  }
}

const NOTIFICATION_TYPES: readonly (readonly [NotificationType, number])[] = [
  ["CorpAllBillMsg", 10],
  ["StructureUnderAttack", 6],
  ["StructureFuelAlert", 8],
  ["InsurancePayoutMsg", 5],
  ["KillReportVictim", 4],
  ["KillReportFinalBlow", 6],
  ["ContactAdd", 6],
  ["ContactEdit", 3],
  ["CorpAppNewMsg", 5],
  ["CharAppAcceptMsg", 2],
  ["WarDeclared", 2],
  ["AllWarDeclaredMsg", 2],
  ["CorpNewsMsg", 4],
  ["CorpTaxChangeMsg", 2],
  ["StructureOnline", 3],
];

const EVENT_TITLES = [
  "Mining op",
  "Strategic op: structure timer",
  "Home defense fleet",
  "Corp meeting",
  "Jita run",
  "Moon pop",
  "Downtime",
  "Roam",
];

export function generateEvents(ctx: CharacterContext): EventsSection {
  const rng = ctx.rng("events");
  const self = ctx.character;
  const notifications: Notification[] = Array.from(
    { length: ctx.profile.volumes.notifications },
    () => ctx.anchorMs - Math.floor(rng.next() * 30 * DAY_MS),
  )
    .sort((a, b) => a - b)
    .map((time, n) => {
      const type = rng.weighted(NOTIFICATION_TYPES);
      const { text, sender, senderType } = notificationText(ctx, rng, type);
      return {
        notification_id: makeId(ID_SPACES.notification, ctx.index, n + 1),
        type,
        sender_id: sender,
        sender_type: senderType,
        timestamp: isoSeconds(time),
        is_read: time < ctx.anchorMs - 2 * DAY_MS || rng.chance(0.5),
        text,
      };
    });
  const events: CalendarEvent[] = Array.from(
    { length: ctx.profile.volumes.events },
    () => ctx.anchorMs + Math.floor(rng.float(-30, 60) * DAY_MS),
  )
    .map((time) => Math.floor(time / HOUR_MS) * HOUR_MS)
    .sort((a, b) => a - b)
    .map((time, n) => {
      const owner = rng.weighted<CalendarEvent["owner_type"]>([
        ["corporation", 45],
        ["alliance", self.allianceId ? 20 : 0],
        ["character", 30],
        ["eve_server", 5],
      ]);
      const ownerId =
        owner === "corporation"
          ? self.corporationId
          : owner === "alliance"
            ? (self.allianceId ?? self.corporationId)
            : owner === "eve_server"
              ? 1
              : rng.chance(0.5)
                ? self.characterId
                : otherCharacterId(rng, self.characterId);
      const ownerName =
        owner === "corporation"
          ? (findSimCorporation(ownerId)?.name ?? "")
          : owner === "alliance"
            ? (findSimAlliance(ownerId)?.name ?? "")
            : owner === "eve_server"
              ? "EVE System"
              : (characterName(ownerId) ?? "");
      const response =
        time < ctx.anchorMs
          ? rng.pick(["accepted", "declined", "tentative"])
          : rng.pick(["accepted", "tentative", "not_responded", "not_responded"]);
      return {
        event_id: makeId(ID_SPACES.event, ctx.index, n + 1),
        date: isoSeconds(time),
        duration: rng.pick([30, 60, 90, 120, 180]),
        importance: rng.chance(0.2) ? 1 : 0,
        owner_id: ownerId,
        owner_name: ownerName,
        owner_type: owner,
        response,
        title: owner === "eve_server" ? "Extended downtime" : rng.pick(EVENT_TITLES),
        text: `<font size="12" color="#bfffffff">Form up in the home system 30 minutes before.</font>`,
      };
    });
  return { notifications, events };
}

export function calendarEntry(event: CalendarEvent): CalendarEntry {
  return {
    event_id: event.event_id,
    event_date: event.date,
    title: event.title,
    importance: event.importance,
    event_response: event.response as CalendarEntry["event_response"],
  };
}
