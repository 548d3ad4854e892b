// Who owns which character. The SSO owner hash is the proof: when it changes, the
// character moved to another EVE account, and whoever held it here loses it.
import type { Prisma } from "@prisma/client";
import type { EveIdentity } from "~/server/identity/eve-jwt";

type Tx = Prisma.TransactionClient;

/** Records the character's public name; corporation and alliance come from the public refresh job. */
export async function upsertEveCharacter(tx: Tx, identity: EveIdentity): Promise<void> {
  await tx.eveCharacter.upsert({
    where: { id: identity.characterId },
    create: { id: identity.characterId, name: identity.characterName },
    update: { name: identity.characterName },
  });
}

/**
 * Removes a character from its owner after an owner-hash change: the ownership
 * goes, the token goes (it was the old owner's grant), and the audit data stays
 * but stops updating, as Member Audit keeps orphans.
 */
export async function detachCharacter(tx: Tx, characterId: number): Promise<void> {
  const ownership = await tx.characterOwnership.findUnique({ where: { characterId } });
  if (!ownership) return;
  await tx.characterOwnership.delete({ where: { characterId } });
  await tx.user.updateMany({
    where: { id: ownership.userId, mainCharacterId: characterId },
    data: { mainCharacterId: null },
  });
  await tx.esiToken.deleteMany({ where: { characterId } });
  await tx.character.updateMany({
    where: { id: characterId },
    data: { isEnabled: false, isShared: false, sharedAt: null },
  });
}

/** The ownership of a character as proven by `identity`, detaching a stale one first. */
export async function currentOwnership(tx: Tx, identity: EveIdentity) {
  const ownership = await tx.characterOwnership.findUnique({ where: { characterId: identity.characterId } });
  if (ownership && ownership.ownerHash !== identity.ownerHash) {
    await detachCharacter(tx, identity.characterId);
    return null;
  }
  return ownership;
}
