// Signing in and registering characters: what the database records once EVE SSO has
// proven who a character is (identity from a verified access token). The SSO round
// trip as a whole, queueing included, is ./sign-in.ts.
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { missingScopes } from "~/server/identity/scopes";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors/app-error";
import { ensureDefaultGroup } from "~/server/groups/default-group";
import { currentOwnership, upsertEveCharacter } from "./ownership";

export interface RegistrationDeps {
  db: Db;
  cipher: TokenCipher;
  now?: () => Date;
}

/** Why a sign-in or registration is refused; the sign-in page and launcher explain each. */
export const REFUSALS = {
  ownedElsewhere: "owned-elsewhere",
  accountInactive: "account-inactive",
} as const;

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
      if (!user.isActive)
        throw new AppError("FORBIDDEN", "This account has been deactivated.", { reason: REFUSALS.accountInactive });
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
    if (ownership && ownership.userId !== userId) {
      throw new AppError("CONFLICT", "This character is already registered to another user.", {
        reason: REFUSALS.ownedElsewhere,
      });
    }
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
  return { characterId, missingScopes: missingScopes(identity.scopes, CHARACTER_SCOPES) };
}
