// Removing a character from a user's list. Its audit data and token go (cascade from
// Character); unless it is the main (which signs the user in) the ownership goes too.
// The refresh token is revoked at the SSO here, so its plaintext never leaves the
// domain: polite to CCP and to the pilot, whose grant we no longer use. Leadership in
// scope is told (notified_on_character_removal) in the same transaction as the removal.
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { notFound } from "~/server/errors/app-error";
import { revokeRefreshToken, type SsoClientConfig } from "~/server/identity/sso-client";
import { complianceRecompute, type SendJobEvents } from "~/server/jobs/events";
import { characterRemovalRecipients, notifyCharacterRemoved } from "~/server/notifications/character-removed";
import { errorField, logger } from "~/server/logging/logger";

export interface RemovalDeps {
  db: Db;
  cipher: TokenCipher;
  sso: SsoClientConfig;
  /** Where the compliance recompute for the owner goes (docs/compliance.md); absent = none is queued. */
  sendEvents?: SendJobEvents;
}

/** Removes the user's character; `revoked` says whether the SSO took the revocation (best effort). */
export function removeCharacter(
  deps: RemovalDeps,
  userId: string,
  characterId: number,
): Promise<{ removed: number; revoked: boolean }> {
  return remove(deps, characterId, {
    mayRemove: (ownerId) => ownerId === userId,
    registeredOnly: false,
    removedBy: userId,
  });
}

/**
 * An administrator's delete: any registered character, owned or orphaned, the same way. Leadership is told of a
 * member's own removals only (Member Audit §7.2), not of an administrator's.
 */
export function deleteRegisteredCharacter(
  deps: RemovalDeps,
  characterId: number,
): Promise<{ removed: number; revoked: boolean }> {
  return remove(deps, characterId, { mayRemove: () => true, registeredOnly: true });
}

async function remove(
  deps: RemovalDeps,
  characterId: number,
  rule: { mayRemove(ownerId: string | null): boolean; registeredOnly: boolean; removedBy?: string },
): Promise<{ removed: number; revoked: boolean }> {
  // Scope is judged on the character as it still is; the transaction below refuses what the rule does not allow.
  const recipients = rule.removedBy ? await characterRemovalRecipients(deps.db, characterId, rule.removedBy) : [];
  const { ownerId, refreshToken } = await deps.db.$transaction(async (tx) => {
    const ownership = await tx.characterOwnership.findUnique({
      where: { characterId },
      include: { character: true, user: { include: { mainCharacter: true } } },
    });
    if (!rule.mayRemove(ownership?.userId ?? null)) throw notFound("Character");
    const token = await tx.esiToken.findUnique({ where: { characterId } });
    const deleted = await tx.character.deleteMany({ where: { id: characterId } });
    // An owner may drop an unregistered character from their list; an administrator deletes registered ones.
    if (deleted.count === 0 && (rule.registeredOnly || !ownership)) throw notFound("Character");
    if (deleted.count > 0 && ownership && recipients.length > 0) {
      await notifyCharacterRemoved(tx, recipients, {
        characterName: ownership.character.name,
        userName: ownership.user.mainCharacter?.name ?? ownership.character.name,
      });
    }
    if (ownership && ownership.user.mainCharacterId !== characterId) {
      await tx.characterOwnership.delete({ where: { characterId } });
    }
    return { ownerId: ownership?.userId, refreshToken: token ? deps.cipher.decrypt(token.refreshTokenEnc) : undefined };
  });
  if (ownerId) await queueComplianceRecompute(deps, ownerId);
  if (!refreshToken) return { removed: characterId, revoked: false };
  // The character is gone either way; an SSO that does not answer only leaves the grant to expire unused.
  const revoked = await revokeRefreshToken(deps.sso, refreshToken).then(
    () => true,
    () => false,
  );
  return { removed: characterId, revoked };
}

/** The removal stands either way: a failed enqueue leaves the owner's groups to the hourly recompute. */
async function queueComplianceRecompute(deps: RemovalDeps, userId: string): Promise<void> {
  await deps.sendEvents?.({ name: complianceRecompute.name, data: { userIds: [userId] } }).catch((error: unknown) => {
    logger().warn({ err: errorField(error) }, "could not queue the compliance recompute for a removal");
  });
}
