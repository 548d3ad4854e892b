// Removing a character from a user's list. Its audit data and token go (cascade from
// Character); unless it is the main (which signs the user in) the ownership goes too.
// The refresh token is revoked at the SSO here, so its plaintext never leaves the
// domain: polite to CCP and to the pilot, whose grant we no longer use.
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { notFound } from "~/server/errors/app-error";
import { revokeRefreshToken, type SsoClientConfig } from "~/server/identity/sso-client";

export interface RemovalDeps {
  db: Db;
  cipher: TokenCipher;
  sso: SsoClientConfig;
}

/** Removes the user's character; `revoked` says whether the SSO took the revocation (best effort). */
export function removeCharacter(
  deps: RemovalDeps,
  userId: string,
  characterId: number,
): Promise<{ removed: number; revoked: boolean }> {
  return remove(deps, characterId, { mayRemove: (ownerId) => ownerId === userId, registeredOnly: false });
}

/** An administrator's delete: any registered character, owned or orphaned, the same way. */
export function deleteRegisteredCharacter(
  deps: RemovalDeps,
  characterId: number,
): Promise<{ removed: number; revoked: boolean }> {
  return remove(deps, characterId, { mayRemove: () => true, registeredOnly: true });
}

async function remove(
  deps: RemovalDeps,
  characterId: number,
  rule: { mayRemove(ownerId: string | null): boolean; registeredOnly: boolean },
): Promise<{ removed: number; revoked: boolean }> {
  const refreshToken = await deps.db.$transaction(async (tx) => {
    const ownership = await tx.characterOwnership.findUnique({ where: { characterId }, include: { user: true } });
    if (!rule.mayRemove(ownership?.userId ?? null)) throw notFound("Character");
    const token = await tx.esiToken.findUnique({ where: { characterId } });
    const deleted = await tx.character.deleteMany({ where: { id: characterId } });
    // An owner may drop an unregistered character from their list; an administrator deletes registered ones.
    if (deleted.count === 0 && (rule.registeredOnly || !ownership)) throw notFound("Character");
    if (ownership && ownership.user.mainCharacterId !== characterId) {
      await tx.characterOwnership.delete({ where: { characterId } });
    }
    return token ? deps.cipher.decrypt(token.refreshTokenEnc) : undefined;
  });
  if (!refreshToken) return { removed: characterId, revoked: false };
  // The character is gone either way; an SSO that does not answer only leaves the grant to expire unused.
  const revoked = await revokeRefreshToken(deps.sso, refreshToken).then(
    () => true,
    () => false,
  );
  return { removed: characterId, revoked };
}
