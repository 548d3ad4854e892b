// A small world for the search tests: users in two alliances with characters that hold
// items (nested in containers and ships), know skills, pass skill sets and got mails,
// and a viewer whose permissions each test sets. Every character holds and knows the
// same things, so which ones a search returns says only what the scope allowed.
import { loadViewer, type Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import type { Permission } from "~/server/identity/permissions";

export const CORP = { A1: 98000001, A2: 98000002, B: 98000003 } as const;
export const ALLIANCE = { X: 99000001, Y: 99000002 } as const;
const ALLIANCE_OF: Record<number, number> = { [CORP.A1]: ALLIANCE.X, [CORP.A2]: ALLIANCE.X, [CORP.B]: ALLIANCE.Y };

export const TYPE = { rorqual: 28352, tritanium: 34, container: 17366, skill: 3336, other: 11567 } as const;
export const LOCATION = { jita: 60003760n, amarr: 60008494n, unknown: 1_022_734_985_679n } as const;
export const SENDER = { boss: 2112000001, spam: 2112000002 } as const;

/** user id -> [main character, ...alts] with their corporations; the viewer is "viewer". */
export const WORLD = {
  viewer: { corp: CORP.A1, chars: [100, 101], perms: [] as Permission[] },
  sameCorp: { corp: CORP.A1, chars: [200], perms: ["basic_access"] as Permission[] },
  sameAlliance: { corp: CORP.A2, chars: [300], perms: ["basic_access"] as Permission[] },
  sharer: { corp: CORP.B, chars: [400, 401], perms: ["basic_access", "share_characters"] as Permission[] },
  other: { corp: CORP.B, chars: [500], perms: ["basic_access"] as Permission[] },
};
export const SHARED_CHARACTER = 401;
export const ALL_CHARACTERS = Object.values(WORLD).flatMap((u) => u.chars);
export const SKILL_SET_NAME = "Rorqual pilot";

async function seedStatic(db: Db): Promise<number> {
  await db.eveCategory.createMany({
    data: [
      { id: 6, name: "Ship" },
      { id: 4, name: "Material" },
      { id: 16, name: "Skill" },
      { id: 2, name: "Celestial" },
    ],
  });
  await db.eveGroup.createMany({
    data: [
      { id: 883, name: "Capital Industrial Ship", categoryId: 6 },
      { id: 18, name: "Mineral", categoryId: 4 },
      { id: 255, name: "Gunnery", categoryId: 16 },
      { id: 12, name: "Cargo Container", categoryId: 2 },
    ],
  });
  await db.eveType.createMany({
    data: [
      { id: TYPE.rorqual, name: "Rorqual", groupId: 883 },
      { id: 28353, name: "Rorqual Blueprint", groupId: 883 },
      { id: TYPE.tritanium, name: "Tritanium", groupId: 18 },
      { id: TYPE.container, name: "Giant Secure Container", groupId: 12 },
      { id: TYPE.skill, name: "Capital Industrial Ships", groupId: 255 },
      { id: TYPE.other, name: "Industrial Reconfiguration", groupId: 255 },
    ],
  });
  await db.location.createMany({
    data: [
      { id: LOCATION.jita, name: "Jita IV - Moon 4 - Caldari Navy Assembly Plant", category: "station" },
      { id: LOCATION.amarr, name: "Amarr VIII (Oris) - Emperor Family Academy", category: "station" },
    ],
  });
  await db.eveEntity.createMany({
    data: [
      { id: SENDER.boss, name: "Fleet Boss", category: "character" },
      { id: SENDER.spam, name: "Spam Bot", category: "character" },
    ],
  });
  const set = await db.skillSet.create({
    data: { name: SKILL_SET_NAME, skills: { create: { skillTypeId: TYPE.skill, requiredLevel: 4 } } },
  });
  return set.id;
}

/**
 * Per character: a Rorqual at Jita; Tritanium 100 at Jita, 50 in a container at Amarr
 * and 25 in a ship inside that container (Amarr: 75 in 2 stacks); 10 Tritanium at a
 * structure the location table does not know.
 */
export function assetsOf(characterId: number) {
  const id = (n: number) => BigInt(characterId * 100 + n);
  const top = { locationType: "station", locationFlag: "Hangar", isSingleton: false };
  const inside = { locationType: "item", locationFlag: "Unlocked", isSingleton: false, locationId: null };
  return [
    { ...top, itemId: id(1), typeId: TYPE.rorqual, quantity: 1, isSingleton: true, locationId: LOCATION.jita },
    { ...top, itemId: id(2), typeId: TYPE.tritanium, quantity: 100, locationId: LOCATION.jita },
    { ...top, itemId: id(3), typeId: TYPE.container, quantity: 1, isSingleton: true, locationId: LOCATION.amarr },
    { ...inside, itemId: id(4), typeId: TYPE.tritanium, quantity: 50, parentItemId: id(3) },
    {
      ...inside,
      itemId: id(5),
      typeId: TYPE.rorqual,
      quantity: 1,
      isSingleton: true,
      parentItemId: id(3),
      name: "Boxed",
    },
    { ...inside, itemId: id(6), typeId: TYPE.tritanium, quantity: 25, parentItemId: id(5), locationFlag: "Cargo" },
    {
      ...top,
      itemId: id(7),
      typeId: TYPE.tritanium,
      quantity: 10,
      locationType: "other",
      locationId: LOCATION.unknown,
    },
  ].map((a) => ({ characterId, ...a }));
}

export async function seedSearchWorld(db: Db): Promise<{ skillSetId: number }> {
  const skillSetId = await seedStatic(db);
  for (const [userId, user] of Object.entries(WORLD)) {
    for (const id of user.chars) {
      await db.eveCharacter.create({
        data: {
          id,
          name: `Pilot ${id}`,
          corporationId: user.corp,
          corporationName: `Corp ${user.corp}`,
          allianceId: ALLIANCE_OF[user.corp],
        },
      });
      await db.character.create({ data: { id, isShared: id === SHARED_CHARACTER } });
    }
    await db.user.create({ data: { id: userId, mainCharacterId: user.chars[0] } });
    await db.group.create({
      data: { id: `g-${userId}`, name: `g-${userId}`, permissions: user.perms, members: { create: { userId } } },
    });
    for (const id of user.chars) {
      await db.characterOwnership.create({ data: { characterId: id, userId, ownerHash: `h${id}` } });
      await db.characterAsset.createMany({ data: assetsOf(id) });
      await db.characterSkill.createMany({
        data: [
          {
            characterId: id,
            skillId: TYPE.skill,
            activeSkillLevel: 4,
            trainedSkillLevel: 5,
            skillpointsInSkill: 1_000,
          },
          // Only the mains know the other skill, at level 2.
          ...(id === user.chars[0]
            ? [
                {
                  characterId: id,
                  skillId: TYPE.other,
                  activeSkillLevel: 2,
                  trainedSkillLevel: 2,
                  skillpointsInSkill: 90,
                },
              ]
            : []),
        ],
      });
      await db.characterSkillSetCheck.create({
        data: { characterId: id, skillSetId, failedRequired: [], failedRecommended: [] },
      });
      await db.characterMail.createMany({
        data: [
          {
            characterId: id,
            mailId: BigInt(id * 10 + 1),
            senderId: SENDER.boss,
            recipients: [],
            subject: "Fleet ops tonight",
            isRead: false,
            timestamp: new Date(Date.UTC(2026, 10, 1, 0, 0, id)),
            body: "secret word: kumquat",
          },
          {
            characterId: id,
            mailId: BigInt(id * 10 + 2),
            senderId: SENDER.spam,
            recipients: [],
            subject: "Cheap ISK",
            isRead: true,
            timestamp: new Date(Date.UTC(2026, 10, 2, 0, 0, id)),
            body: null,
          },
        ],
      });
    }
  }
  return { skillSetId };
}

export async function setViewerPermissions(db: Db, perms: Permission[], superuser = false): Promise<Viewer> {
  await db.group.update({ where: { id: "g-viewer" }, data: { permissions: perms } });
  await db.user.update({ where: { id: "viewer" }, data: { isSuperuser: superuser } });
  return (await loadViewer(db, "viewer"))!;
}
