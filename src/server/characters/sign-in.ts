// One EVE SSO round trip, whatever started it (docs/architecture.md, "Identity"): with
// nobody signed in it signs a pilot in (creating the user on first sight); with a user
// signed in it registers the character to that user with its ESI grant. Ownership is
// checked by owner hash on the way, and the character's data is queued for loading.
// next-auth's callbacks (src/server/auth/options.ts) only translate the outcome.
import type { TokenCipher } from "~/server/crypto/token-cipher";
import type { Db } from "~/server/db/client";
import { isAppError } from "~/server/errors/app-error";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import {
  characterPublicRefresh,
  characterUpdate,
  complianceRecompute,
  type JobEvent,
  type SendJobEvents,
} from "~/server/jobs/events";
import { REFUSALS, registerCharacter, signInWithCharacter } from "./registration";
import { errorField, logger } from "~/server/logging/logger";

export interface SignInDeps {
  db: Db;
  cipher: TokenCipher;
  sendEvents: SendJobEvents;
}

export interface SsoGrant {
  identity: EveIdentity;
  accessToken?: string;
  refreshToken?: string;
}

export type Refusal = (typeof REFUSALS)[keyof typeof REFUSALS] | "no-refresh-token";

export type SsoOutcome =
  | { kind: "signed-in"; userId: string; isNewUser: boolean }
  | { kind: "registered"; userId: string; characterId: number }
  | { kind: "refused"; reason: Refusal };

export async function completeSsoRoundTrip(
  deps: SignInDeps,
  grant: SsoGrant,
  signedInUserId: string | null,
): Promise<SsoOutcome> {
  const { identity } = grant;
  try {
    if (signedInUserId) {
      if (!grant.refreshToken || !grant.accessToken) return { kind: "refused", reason: "no-refresh-token" };
      await registerCharacter(deps, signedInUserId, identity, {
        refreshToken: grant.refreshToken,
        accessToken: grant.accessToken,
        accessTokenExpiresAt: identity.expiresAt,
      });
      // A new registration is loaded at once, not at the next scan, and may make its owner compliant.
      await queueLoading(deps, identity.characterId, true, signedInUserId);
      return { kind: "registered", userId: signedInUserId, characterId: identity.characterId };
    }
    const { userId, isNewUser } = await signInWithCharacter(deps, identity);
    // A new user has registered nothing, so is in no compliance group: nothing to recompute.
    if (isNewUser) await queueLoading(deps, identity.characterId, false);
    return { kind: "signed-in", userId, isNewUser };
  } catch (error) {
    const reason = isAppError(error) ? error.details.reason : undefined;
    if (reason === REFUSALS.ownedElsewhere || reason === REFUSALS.accountInactive) return { kind: "refused", reason };
    throw error;
  }
}

/** The character is stored already: a failed enqueue only delays its data until the next scheduled scan. */
async function queueLoading(
  deps: SignInDeps,
  characterId: number,
  andSections: boolean,
  registeredTo?: string,
): Promise<void> {
  const events: JobEvent[] = [{ name: characterPublicRefresh.name, data: { characterIds: [characterId] } }];
  if (andSections) events.push({ name: characterUpdate.name, data: { characterId } });
  if (registeredTo) events.push({ name: complianceRecompute.name, data: { userIds: [registeredTo] } });
  await deps.sendEvents(events).catch((error: unknown) => {
    logger().warn({ characterId, err: errorField(error) }, `could not queue updates for character ${characterId}`);
  });
}
