// The public sections: corporation_history (diff on record id) and character_details (1:1).
import { characterSection } from "~/simulator/data";
import { characterBody } from "~/simulator/esi/bodies";
import { findSimCharacter } from "~/simulator/roster";
import { characterDetails } from "~/server/sections/character-details";
import { corporationHistory } from "~/server/sections/corporation-history";
import { iso, isoOf } from "../support/iso-dates";
import { sectionSuite } from "../support/section-suite";

sectionSuite([
  {
    section: corporationHistory,
    character: 2112000006,
    route: "/characters/{character_id}/corporationhistory",
    isPublic: true,
    async stored(db, characterId) {
      const rows = await db.characterCorporationHistory.findMany({
        where: { characterId },
        orderBy: { recordId: "asc" },
      });
      return rows.map((r) => [r.recordId, r.corporationId, iso(r.startDate), r.isDeleted]);
    },
    expected(characterId) {
      return [...characterSection(characterId, "social")!.history]
        .sort((a, b) => a.record_id - b.record_id)
        .map((r) => [r.record_id, r.corporation_id, isoOf(r.start_date), r.is_deleted ?? false]);
    },
    tamper: {
      // A changed corporation and a record ESI never sent: two row writes, the rest untouched.
      async apply(db, characterId) {
        const [first] = await db.characterCorporationHistory.findMany({
          where: { characterId },
          orderBy: { recordId: "asc" },
          take: 1,
        });
        await db.characterCorporationHistory.update({
          where: { characterId_recordId: { characterId, recordId: first!.recordId } },
          data: { corporationId: 1 },
        });
        await db.characterCorporationHistory.create({
          data: { characterId, recordId: 1, corporationId: 1, startDate: new Date(0), isDeleted: true },
        });
      },
      rows: 2,
    },
  },
  {
    section: characterDetails,
    character: 2112000007,
    route: "/characters/{character_id}",
    isPublic: true,
    async stored(db, characterId) {
      const row = await db.characterDetails.findUnique({ where: { characterId } });
      return row && { ...row, updatedAt: undefined, birthday: iso(row.birthday) };
    },
    expected(characterId) {
      const body = characterBody(findSimCharacter(characterId)!) as ReturnType<typeof characterBody> & {
        faction_id?: number;
        ancestry_id?: number;
      };
      return {
        characterId,
        gender: body.gender,
        raceId: body.race_id,
        bloodlineId: body.bloodline_id,
        ancestryId: body.ancestry_id ?? null,
        factionId: body.faction_id ?? null,
        description: body.description ?? null,
        title: body.corporation_title ?? null,
        securityStatus: body.security_status,
        birthday: isoOf(body.birthday),
        updatedAt: undefined,
      };
    },
  },
]);
