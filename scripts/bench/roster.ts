// The benchmarks' roster: `users` users in 20 corporations (3 alliances), `perUser`
// characters each, the first of each user its unregistered main (signed in, never
// registered), every 11th character shared. The finder and reports benchmarks read it.
import type { Db } from "~/server/db/client";

export interface Roster {
  characters: { id: number; name: string; corporationId: number }[];
  /** Registered characters' ids. */
  registered: number[];
}

export async function seedRoster(db: Db, users: number, perUser: number): Promise<Roster> {
  const characters = [];
  for (let i = 0; i < users * perUser; i++) {
    const corp = 98000001 + (Math.floor(i / perUser) % 20);
    characters.push({
      id: 90000000 + i,
      name: `Pilot ${i.toString(36)} ${(i * 7919) % 10007}`,
      corporationId: corp,
      corporationName: `Corp ${corp % 100}`,
      allianceId: 99000001 + (corp % 3),
      allianceName: `Alliance ${corp % 3}`,
    });
  }
  await db.eveCharacter.createMany({ data: characters });
  await db.user.createMany({
    data: Array.from({ length: users }, (_, u) => ({ id: `u${u}`, mainCharacterId: 90000000 + u * perUser })),
  });
  await db.groupMembership.createMany({
    data: Array.from({ length: users }, (_, u) => ({ groupId: "members", userId: `u${u}` })),
  });
  await db.characterOwnership.createMany({
    data: characters.map((c, i) => ({
      characterId: c.id,
      userId: `u${Math.floor(i / perUser)}`,
      ownerHash: `h${c.id}`,
    })),
  });
  const registered = characters.filter((_, i) => i % perUser !== 0);
  await db.character.createMany({ data: registered.map((c) => ({ id: c.id, isShared: c.id % 11 === 0 })) });
  return { characters, registered: registered.map((c) => c.id) };
}
