// Signing in, registering characters and removing them: what happens after EVE SSO
// has proven who a character is (identity from a verified access token).
import type { EveIdentity } from "~/server/auth/eve-jwt";
import { missingScopes } from "~/server/auth/scopes";
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { ensureDefaultGroup } from "~/server/groups/default-group";
import { currentOwnership, upsertEveCharacter } from "./ownership";

export interface RegistrationDeps {
  db: Db;
  cipher: TokenCipher;
  now?: () => Date;
}

export class CharacterOwnedElsewhereError extends Error {
  constructor(readonly characterId: number) {
    super("This character is already registered to another user.");
    this.name = "CharacterOwnedElsewhereError";
  }
}

export class UserInactiveError extends Error {
  constructor() {
    super("This account has been deactivated.");
    this.name = "UserInactiveError";
  }
}

/**
 * Sign-in: finds the user who owns the character (same owner hash) or creates one
 * with the character as main, in the default groups. The first user of a fresh
 * install becomes superuser and gets the default group made.
 */
export async function signInWithCharacter(
  deps: RegistrationDeps,
  identity: EveIdentity,
): Promise<{ userId: string; isNewUser: boolean }> {
  const now = deps.now?.() ?? new Date();
  return deps.db.$transaction(async (tx) => {
    await upsertEveCharacter(tx, identity);
    const ownership = await currentOwnership(tx, identity);
    if (ownership) {
      const user = await tx.user.findUniqueOrThrow({ where: { id: ownership.userId } });
      if (!user.isActive) throw new UserInactiveError();
      await tx.user.update({
        where: { id: user.id },
        data: { lastLoginAt: now, mainCharacterId: user.mainCharacterId ?? identity.characterId },
      });
      return { userId: user.id, isNewUser: false };
    }
    // Serialise first-user detection so two simultaneous first sign-ins cannot both become superuser.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
    const isFirstUser = (await tx.user.count()) === 0;
    if (isFirstUser) await ensureDefaultGroup(tx);
    const defaults = await tx.group.findMany({ where: { isDefault: true }, select: { id: true } });
    const user = await tx.user.create({
      data: {
        isSuperuser: isFirstUser,
        mainCharacterId: identity.characterId,
        lastLoginAt: now,
        memberships: { create: defaults.map((g) => ({ groupId: g.id })) },
      },
    });
    await tx.characterOwnership.create({
      data: { characterId: identity.characterId, userId: user.id, ownerHash: identity.ownerHash },
    });
    return { userId: user.id, isNewUser: true };
  });
}

export interface GrantedTokens {
  refreshToken: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
}

/**
 * Registers a character for auditing under `userId` with its ESI grant. A character
 * still owned by another user (same owner hash) is refused; one whose owner hash
 * changed is detached from its old owner first.
 */
export async function registerCharacter(
  deps: RegistrationDeps,
  userId: string,
  identity: EveIdentity,
  tokens: GrantedTokens,
): Promise<{ characterId: number; missingScopes: string[] }> {
  const { characterId } = identity;
  await deps.db.$transaction(async (tx) => {
    await upsertEveCharacter(tx, identity);
    const ownership = await currentOwnership(tx, identity);
    if (ownership && ownership.userId !== userId) throw new CharacterOwnedElsewhereError(characterId);
    if (!ownership) {
      await tx.characterOwnership.create({ data: { characterId, userId, ownerHash: identity.ownerHash } });
      await tx.user.updateMany({
        where: { id: userId, mainCharacterId: null },
        data: { mainCharacterId: characterId },
      });
    }
    await tx.character.upsert({
      where: { id: characterId },
      create: { id: characterId },
      update: { isEnabled: true, tokenErrorNotifiedAt: null },
    });
    const token = {
      ownerHash: identity.ownerHash,
      refreshTokenEnc: deps.cipher.encrypt(tokens.refreshToken),
      accessTokenEnc: deps.cipher.encrypt(tokens.accessToken),
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
      scopes: identity.scopes,
      status: "VALID" as const,
      invalidReason: null,
      invalidAt: null,
    };
    await tx.esiToken.upsert({ where: { characterId }, create: { characterId, ...token }, update: token });
  });
  return { characterId, missingScopes: missingScopes(identity.scopes) };
}

export class CharacterNotFoundError extends Error {
  constructor() {
    super("Character not found.");
    this.name = "CharacterNotFoundError";
  }
}

/**
 * Removes a character from the user's list: its audit data and token are deleted,
 * and unless it is the main (which signs the user in) the ownership goes too.
 * Returns the refresh token so the caller can revoke it at the SSO.
 */
export async function removeCharacter(
  deps: RegistrationDeps,
  userId: string,
  characterId: number,
): Promise<{ refreshToken?: string }> {
  return deps.db.$transaction(async (tx) => {
    const ownership = await tx.characterOwnership.findUnique({ where: { characterId }, include: { user: true } });
    if (!ownership || ownership.userId !== userId) throw new CharacterNotFoundError();
    const token = await tx.esiToken.findUnique({ where: { characterId } });
    await tx.character.deleteMany({ where: { id: characterId } });
    if (ownership.user.mainCharacterId !== characterId) {
      await tx.characterOwnership.delete({ where: { characterId } });
    }
    return { refreshToken: token ? deps.cipher.decrypt(token.refreshTokenEnc) : undefined };
  });
}
