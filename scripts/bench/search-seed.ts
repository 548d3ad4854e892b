// The search benchmark's data on top of the reports benchmark's (roster, skills, skill
// sets and their checks): item types, stations, and per registered character a few
// hundred assets and twenty mails, written by INSERT ... SELECT generate_series so two
// million rows load in seconds. Every 20th item is a container at a station with a ship
// in it, and the items in between sit in the container or in the ship's cargo, so the
// search's walk to the top-level item runs one or two steps, as in real hangars.
import type { Db } from "~/server/db/client";

export const ITEM_TYPES = 5000;
const SHIP_TYPES = 50;
const STATIONS = 500;
const SENDERS = 1000;
export const RORQUAL = 28352;
const ITEM_TYPE_BASE = 100_000;
const SHIP_TYPE_BASE = 20_000;
const CONTAINER = 17_366;

export const itemTypeId = (i: number) => ITEM_TYPE_BASE + (i % ITEM_TYPES);

export async function seedSearch(db: Db, registered: number[], assetRows: number, mailsPerCharacter = 20) {
  await db.eveCategory.createMany({
    data: [
      { id: 6, name: "Ship" },
      { id: 4, name: "Material" },
    ],
  });
  await db.eveGroup.createMany({
    data: [
      { id: 883, name: "Capital Industrial Ship", categoryId: 6 },
      { id: 18, name: "Mineral", categoryId: 4 },
    ],
  });
  await db.$executeRaw`
    INSERT INTO "EveType" (id, name, "groupId", "updatedAt")
    SELECT ${ITEM_TYPE_BASE}::int + i, 'Item ' || md5(i::text) || ' ' || i, 18, now() FROM generate_series(0, ${ITEM_TYPES - 1}::int) i
    UNION ALL SELECT ${SHIP_TYPE_BASE}::int + i, 'Ship hull ' || i, 883, now() FROM generate_series(0, ${SHIP_TYPES - 1}::int) i
    UNION ALL SELECT ${RORQUAL}::int, 'Rorqual', 883, now()
    UNION ALL SELECT ${CONTAINER}::int, 'Giant Secure Container', 18, now()`;
  await db.$executeRaw`
    INSERT INTO "Location" (id, name, category, "updatedAt")
    SELECT 60000000 + i, 'Station ' || i || ' - Assembly Plant', 'station', now() FROM generate_series(0, ${STATIONS - 1}::int) i`;
  await db.$executeRaw`
    INSERT INTO "EveEntity" (id, category, name, "updatedAt")
    SELECT 2100000000 + i, 'character', 'Sender ' || md5(i::text), now() FROM generate_series(0, ${SENDERS - 1}::int) i`;
  const perCharacter = Math.ceil(assetRows / registered.length);
  // Ids are (character index * 1000 + n); n % 20 = 0 a container at a station, 1 a ship in it, then items in either.
  await db.$executeRaw`
    INSERT INTO "CharacterAsset" ("characterId", "itemId", "typeId", quantity, "locationFlag", "locationType",
      "isSingleton", "parentItemId", "locationId")
    SELECT c.id, c.k::bigint * 1000 + n,
      CASE WHEN n % 20 = 0 THEN ${CONTAINER}::int
           WHEN n % 20 = 1 THEN CASE WHEN (c.k + n) % 997 = 0 THEN ${RORQUAL}::int ELSE ${SHIP_TYPE_BASE}::int + (c.k + n) % ${SHIP_TYPES}::int END
           ELSE ${ITEM_TYPE_BASE}::int + ((c.k * 7919 + n * 104729) % ${ITEM_TYPES}::int) END,
      CASE WHEN n % 20 < 2 THEN 1 ELSE 1 + (c.k + n) % 5000 END,
      CASE WHEN n % 20 = 0 THEN 'Hangar' WHEN n % 3 = 0 THEN 'Cargo' ELSE 'Unlocked' END,
      CASE WHEN n % 20 = 0 THEN 'station' ELSE 'item' END,
      n % 20 < 2,
      CASE WHEN n % 20 = 0 THEN NULL
           WHEN n % 20 = 1 OR n % 3 <> 0 THEN c.k::bigint * 1000 + (n / 20) * 20
           ELSE c.k::bigint * 1000 + (n / 20) * 20 + 1 END,
      CASE WHEN n % 20 = 0 THEN 60000000 + (c.k + n / 20) % ${STATIONS}::int END
    FROM unnest(${registered}::int[]) WITH ORDINALITY AS c(id, k), generate_series(0, ${perCharacter - 1}::int) n`;
  await db.$executeRaw`
    INSERT INTO "CharacterMail" ("characterId", "mailId", "senderId", recipients, "labelIds", subject, "isRead", timestamp, body)
    SELECT c.id, c.k::bigint * 100 + n, 2100000000 + (c.k * 31 + n) % ${SENDERS}::int, '[]', '{}',
      CASE WHEN (c.k + n) % 500 = 0 THEN 'Structure under attack in ' || n
           WHEN n % 4 = 0 THEN 'Fleet op ' || (c.k + n) % 97
           WHEN n % 4 = 1 THEN 'Re: contract ' || md5((c.k * n)::text)
           ELSE 'Corp news ' || md5(n::text) END,
      n % 2 = 0, now() - make_interval(hours => ((c.k * 13 + n * 37) % 20000)::int), NULL
    FROM unnest(${registered}::int[]) WITH ORDINALITY AS c(id, k), generate_series(0, ${mailsPerCharacter - 1}::int) n`;
  const [counts] = await db.$queryRaw<{ assets: bigint; mails: bigint }[]>`
    SELECT (SELECT count(*) FROM "CharacterAsset") AS assets, (SELECT count(*) FROM "CharacterMail") AS mails`;
  return { assets: Number(counts!.assets), mails: Number(counts!.mails) };
}
