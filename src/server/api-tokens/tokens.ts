// Managing a user's API tokens (docs/api.md): create (the secret returned once), list
// (never the secret or its hash), revoke. Callers check api_access; these functions
// keep a token inside its holder's permissions and record each change in the audit log.
import type { Viewer } from "~/server/access/viewer";
import { type AuditActor, recordAudit } from "~/server/audit/record";
import type { Db } from "~/server/db/client";
import { AppError, invalidInput, notFound } from "~/server/errors/app-error";
import type { Permission } from "~/server/identity/permissions";
import { newSecret } from "./secret";

export const MAX_TOKEN_DAYS = 366;
export const MAX_TOKENS_PER_USER = 50;

export interface NewTokenInput {
  name: string;
  expiresInDays: number;
  permissions: Permission[];
  procedures: string[];
}

export async function createApiToken(
  db: Db,
  viewer: Viewer,
  actor: AuditActor,
  input: NewTokenInput,
  now = new Date(),
) {
  const beyond = input.permissions.filter((p) => !viewer.permissions.has(p));
  if (beyond.length > 0) throw invalidInput("permissions", `you do not hold ${beyond.join(", ")}`);
  const live = await db.apiToken.count({ where: { userId: viewer.userId, revokedAt: null, expiresAt: { gt: now } } });
  if (live >= MAX_TOKENS_PER_USER)
    throw new AppError("CONFLICT", `You have ${live} live tokens; revoke one before creating another.`);
  const secret = newSecret();
  const row = await db.apiToken.create({
    data: {
      userId: viewer.userId,
      name: input.name,
      prefix: secret.prefix,
      secretHash: secret.secretHash,
      permissions: [...new Set(input.permissions)],
      procedures: [...new Set(input.procedures)],
      expiresAt: new Date(now.getTime() + input.expiresInDays * 24 * 3600 * 1000),
    },
  });
  recordAudit(db, {
    ...actor,
    action: "token.create",
    targetUserId: viewer.userId,
    detail: `${row.name} (${row.prefix})`,
  });
  return { id: row.id, name: row.name, prefix: row.prefix, expiresAt: row.expiresAt, token: secret.token };
}

export async function listApiTokens(db: Db, userId: string) {
  return db.apiToken.findMany({
    where: { userId },
    select: {
      id: true,
      name: true,
      prefix: true,
      permissions: true,
      procedures: true,
      expiresAt: true,
      createdAt: true,
      revokedAt: true,
      lastUsedAt: true,
      lastUsedAddress: true,
    },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
}

/** Revoking someone else's token is NOT_FOUND, like a token that does not exist. */
export async function revokeApiToken(db: Db, userId: string, actor: AuditActor, tokenId: string, now = new Date()) {
  const token = await db.apiToken.findFirst({ where: { id: tokenId, userId } });
  if (!token) throw notFound("Token");
  if (!token.revokedAt) {
    await db.apiToken.update({ where: { id: tokenId }, data: { revokedAt: now } });
    recordAudit(db, {
      ...actor,
      action: "token.revoke",
      targetUserId: userId,
      detail: `${token.name} (${token.prefix})`,
    });
  }
  return { id: tokenId, revoked: true };
}
