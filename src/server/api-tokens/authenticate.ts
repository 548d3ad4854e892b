// Turning `Authorization: Bearer <token>` into the grant a request acts under, and a
// holder's viewer into the token's narrower one. A token is refused (UNAUTHORIZED)
// when malformed, unknown, wrong, revoked, expired, or when its holder is inactive or
// no longer holds api_access; every refusal says the same, so a probe learns nothing.
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors/app-error";
import { isPermission, type Permission } from "~/server/identity/permissions";
import { parseToken, secretMatches } from "./secret";

export interface TokenGrant {
  tokenId: string;
  userId: string;
  permissions: ReadonlySet<Permission>;
  /** Empty: every procedure a token may call. */
  procedures: readonly string[];
}

/** Last use is written at most this often per token: a busy client costs no write per call. */
const LAST_USE_EVERY_MS = 60_000;

const refused = () => new AppError("UNAUTHORIZED", "The API token is not valid (unknown, revoked or expired).");

/** The bearer token of an Authorization header, or null when the header carries none. */
export function bearerToken(authorization: string | null | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match ? match[1]! : null;
}

export async function authenticateToken(
  db: Db,
  token: string,
  address: string | null,
  now = new Date(),
): Promise<TokenGrant> {
  const parsed = parseToken(token);
  if (!parsed) throw refused();
  const row = await db.apiToken.findUnique({
    where: { prefix: parsed.prefix },
    include: { user: { select: { isActive: true } } },
  });
  if (!row || !secretMatches(parsed.secret, row.secretHash)) throw refused();
  if (row.revokedAt || row.expiresAt <= now || !row.user.isActive) throw refused();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USE_EVERY_MS) {
    await db.apiToken.update({
      where: { id: row.id },
      data: { lastUsedAt: now, lastUsedAddress: address?.slice(0, 100) ?? null },
    });
  }
  return {
    tokenId: row.id,
    userId: row.userId,
    permissions: new Set(row.permissions.filter(isPermission)),
    procedures: row.procedures,
  };
}

/**
 * The holder's viewer narrowed to the token: only permissions both hold (a holder who
 * lost one narrows their tokens with it), never superuser, and nothing at all once the
 * holder lost api_access.
 */
export function narrowViewer(viewer: Viewer, grant: TokenGrant): Viewer {
  if (!viewer.permissions.has("api_access")) throw refused();
  const permissions = new Set([...grant.permissions].filter((p) => viewer.permissions.has(p)));
  return { ...viewer, isSuperuser: false, permissions };
}

/** FORBIDDEN unless the token's procedure list (when it has one) names the procedure. */
export function checkProcedureAllowed(grant: TokenGrant, path: string): void {
  if (grant.procedures.length > 0 && !grant.procedures.includes(path))
    throw new AppError("FORBIDDEN", `This token may not call ${path}.`, { reason: "token-procedure" });
}
