// implants and jump_clones (both replace; jump clones with their implants and the 1:1 clone info).
import { characterSection } from "~/simulator/data";
import { implants } from "~/server/sections/implants";
import { jumpClones } from "~/server/sections/jump-clones";
import { iso, isoOf } from "../support/iso-dates";
import { sectionSuite } from "../support/section-suite";

const simClones = (id: number) => characterSection(id, "clones")!;

sectionSuite([
  {
    section: implants,
    character: 2112000004,
    route: "/characters/{character_id}/implants",
    async stored(db, characterId) {
      return (await db.characterImplant.findMany({ where: { characterId }, orderBy: { typeId: "asc" } })).map(
        (r) => r.typeId,
      );
    },
    expected(characterId) {
      return [...simClones(characterId).implants].sort((a, b) => a - b);
    },
  },
  {
    section: jumpClones,
    character: 2112000005,
    route: "/characters/{character_id}/clones",
    async stored(db, characterId) {
      const info = await db.characterCloneInfo.findUnique({ where: { characterId } });
      const clones = await db.characterJumpClone.findMany({
        where: { characterId },
        orderBy: { jumpCloneId: "asc" },
        include: { implants: { orderBy: { typeId: "asc" } } },
      });
      return {
        home: info && [
          info.homeLocationId?.toString() ?? null,
          info.homeLocationType,
          iso(info.lastCloneJumpDate),
          iso(info.lastStationChangeDate),
        ],
        clones: clones.map((c) => [
          c.jumpCloneId,
          c.locationId.toString(),
          c.locationType,
          c.name,
          c.implants.map((i) => i.typeId),
        ]),
      };
    },
    expected(characterId) {
      const body = simClones(characterId).clones;
      return {
        home: [
          body.home_location?.location_id?.toString() ?? null,
          body.home_location?.location_type ?? null,
          isoOf(body.last_clone_jump_date),
          isoOf(body.last_station_change_date),
        ],
        clones: [...body.jump_clones]
          .sort((a, b) => a.jump_clone_id - b.jump_clone_id)
          .map((c) => [
            c.jump_clone_id,
            String(c.location_id),
            c.location_type,
            c.name?.trim() || null,
            [...new Set(c.implants)].sort((a, b) => a - b),
          ]),
      };
    },
  },
]);
