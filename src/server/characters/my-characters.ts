// The launcher's list: every character the user owns, registered or not.
import { missingScopes } from "~/server/identity/scopes";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import type { Db } from "~/server/db/client";

export interface MyCharacter {
  id: number;
  name: string;
  isMain: boolean;
  corporation: { id: number; name: string } | null;
  alliance: { id: number; name: string } | null;
  registration: null | {
    isEnabled: boolean;
    isShared: boolean;
    sharedAt: Date | null;
    token: null | { status: "VALID" | "INVALID"; invalidReason: string | null; missingScopes: string[] };
  };
}

export async function listMyCharacters(db: Db, userId: string): Promise<MyCharacter[]> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      mainCharacterId: true,
      ownerships: {
        select: { character: { include: { character: { include: { token: true } } } } },
      },
    },
  });
  const chars = user.ownerships.map((o) => o.character);
  const named = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? `#${id}` });

  return chars
    .map((c): MyCharacter => {
      const reg = c.character;
      return {
        id: c.id,
        name: c.name,
        isMain: c.id === user.mainCharacterId,
        corporation: named(c.corporationId, c.corporationName),
        alliance: named(c.allianceId, c.allianceName),
        registration: reg && {
          isEnabled: reg.isEnabled,
          isShared: reg.isShared,
          sharedAt: reg.sharedAt,
          token: reg.token && {
            status: reg.token.status,
            invalidReason: reg.token.invalidReason,
            missingScopes: missingScopes(reg.token.scopes, CHARACTER_SCOPES),
          },
        },
      };
    })
    .sort((a, b) => Number(b.isMain) - Number(a.isMain) || a.name.localeCompare(b.name));
}
