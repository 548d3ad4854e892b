// One LDAP sign-in (docs/ldap.md): throttle, ask the directory, then record what it said:
// the user keyed by their DN (created on first sight, in the default groups), their name and
// email, the flags and memberships the group mapping governs. next-auth's Credentials
// provider (src/server/auth/ldap-provider.ts) only turns the outcome into a session or a code.
import { recordAudit } from "~/server/audit/record";
import type { Db } from "~/server/db/client";
import { syncLdapMemberships } from "~/server/groups/ldap-memberships";
import { ensureDefaultGroup } from "~/server/groups/default-group";
import { type Directory, DirectoryUnavailableError, type DirectoryUser } from "~/server/ldap/directory";
import { normalizeDn } from "~/server/ldap/dn";
import { type GroupPlan, planGroups } from "~/server/ldap/mapping";
import type { LdapSettings } from "~/server/ldap/settings";
import type { FailureThrottle } from "~/server/ldap/throttle";
import { logger } from "~/server/logging/logger";

export interface LdapSignInDeps {
  db: Db;
  directory: Directory;
  throttle: FailureThrottle;
  settings: Pick<LdapSettings, "groupMapping" | "mirrorGroups">;
  now?: () => Date;
  /** Where an operator reads why the directory could not be asked; never given a password. */
  warn?: (line: string) => void;
}

export type LdapRefusal =
  | "invalid-credentials"
  | "throttled"
  | "not-allowed"
  | "not-active"
  | "account-inactive"
  | "unavailable";

export type LdapSignInOutcome =
  | { kind: "signed-in"; userId: string; isNewUser: boolean }
  | { kind: "refused"; reason: LdapRefusal; retryAfterSeconds?: number };

type LdapCredentials = { username: string; password: string; clientAddress: string };

/** Every LDAP sign-in, whatever its outcome, is one audit entry (docs/audit.md); the password never is. */
export async function signInWithLdap(deps: LdapSignInDeps, credentials: LdapCredentials): Promise<LdapSignInOutcome> {
  const outcome = await attemptSignIn(deps, credentials);
  const { username, clientAddress } = credentials;
  recordAudit(deps.db, {
    action: outcome.kind === "signed-in" ? "ldap.signin" : "ldap.failure",
    actorUserId: outcome.kind === "signed-in" ? outcome.userId : null,
    via: "ldap",
    detail: outcome.kind === "signed-in" ? `username ${username}` : `username ${username}: ${outcome.reason}`,
    address: clientAddress || null,
  });
  return outcome;
}

async function attemptSignIn(deps: LdapSignInDeps, credentials: LdapCredentials): Promise<LdapSignInOutcome> {
  const { username, password, clientAddress } = credentials;
  const retryAfterSeconds = deps.throttle.retryAfter(username, clientAddress);
  if (retryAfterSeconds > 0) return { kind: "refused", reason: "throttled", retryAfterSeconds };

  let answer: Awaited<ReturnType<Directory>>;
  try {
    answer = await deps.directory(username, password);
  } catch (error) {
    if (!(error instanceof DirectoryUnavailableError)) throw error;
    (deps.warn ?? ((line: string) => logger().warn(line)))(error.message);
    return { kind: "refused", reason: "unavailable" };
  }
  if (answer.kind === "invalid-credentials") {
    deps.throttle.recordFailure(username, clientAddress);
    return { kind: "refused", reason: "invalid-credentials" };
  }
  deps.throttle.recordSuccess(username);
  if (answer.kind === "filtered-out") return { kind: "refused", reason: "not-allowed" };
  return recordDirectoryUser(deps, answer.user, planGroups(deps.settings, answer.user));
}

async function recordDirectoryUser(
  deps: LdapSignInDeps,
  entry: DirectoryUser,
  plan: GroupPlan,
): Promise<LdapSignInOutcome> {
  const now = deps.now?.() ?? new Date();
  const ldapDn = normalizeDn(entry.dn);
  const profile = { ldapUsername: entry.username, displayName: entry.displayName, email: entry.email };
  return deps.db.$transaction(async (tx) => {
    // Two tabs signing the same person in at once must not both create them.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242002, hashtext(${ldapDn}))`;
    let user = await tx.user.findUnique({ where: { ldapDn } });
    const isNewUser = !user;
    if (!user) {
      if (plan.isActive === false) return refused("not-active");
      // Serialised like the EVE sign-in's, so two simultaneous first sign-ins cannot both become superuser.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242001)`;
      const isFirstUser = (await tx.user.count()) === 0;
      if (isFirstUser) await ensureDefaultGroup(tx);
      const defaults = await tx.group.findMany({ where: { isDefault: true }, select: { id: true } });
      user = await tx.user.create({
        data: {
          ldapDn,
          ...profile,
          isSuperuser: plan.isSuperuser ?? isFirstUser,
          memberships: { create: defaults.map((g) => ({ groupId: g.id })) },
        },
      });
    } else if (plan.isActive === undefined && !user.isActive) {
      return refused("account-inactive");
    }
    // The directory decides the flags it has a mapping for (docs/ldap.md): removing someone from the
    // `active` group in LDAP is how an LDAP user is locked out, and putting them back lets them in.
    await tx.user.update({
      where: { id: user.id },
      data: {
        ...profile,
        ...(plan.isActive !== undefined && { isActive: plan.isActive }),
        ...(plan.isSuperuser !== undefined && { isSuperuser: plan.isSuperuser }),
        ...(plan.isActive !== false && { lastLoginAt: now }),
      },
    });
    await syncLdapMemberships(tx, user.id, plan);
    if (plan.isActive === false) {
      await tx.session.deleteMany({ where: { userId: user.id } });
      return refused("not-active");
    }
    return { kind: "signed-in", userId: user.id, isNewUser } as const;
  });
}

function refused(reason: LdapRefusal): LdapSignInOutcome {
  return { kind: "refused", reason };
}
