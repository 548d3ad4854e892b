// Sheet pages (layout and tabs) resolve the character once per request through the
// same access filter as the tRPC sheet procedures. Ids in paths and query strings are
// read with the API's bounded types: one the database cannot hold is a 404 like a
// missing character, never a database error (issue 11, finding 1). Opening another
// user's character is a view for the audit log, once per request like the tRPC path.
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { env } from "~/env";
import { appDeps } from "~/runtime/deps";
import { clientAddress } from "~/server/api/context";
import { recordAudit } from "~/server/audit/record";
import { eveId32, eveId64 } from "~/server/paging/inputs";
import { findViewableCharacter } from "~/server/sheet/viewable-character";
import { characterStatus } from "~/server/updates/character-status";
import { requireViewer } from "./viewer";

export const loadSheet = cache(async (idParam: string) => {
  const current = await requireViewer();
  const id = characterIdParam(idParam);
  const { db } = appDeps();
  const character = await findViewableCharacter(db, current.viewer, id);
  if (!character) notFound();
  if (character.eveCharacter.ownership?.userId !== current.viewer.userId) {
    const address = clientAddress(await headers());
    const actor = { actorUserId: current.viewer.userId, via: "session" as const, address };
    recordAudit(db, { ...actor, action: "character.view", characterId: character.id, detail: "sheet page" });
  }
  return { ...current, db, character };
});

/** The character's update status, read once per request for the tab bar and the overview. */
export const loadSheetStatus = cache((characterId: number) => characterStatus(appDeps().db, characterId, env().engine));

function parsed<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** The character id of a sheet's path: 404 unless a decimal 32-bit EVE id. */
export function characterIdParam(value: string): number {
  const id = value.length <= 10 && /^\d+$/.test(value) ? parsed(eveId32, Number(value)) : undefined;
  if (id === undefined) notFound();
  return id;
}

/**
 * A 64-bit id from the query string (e.g. `?mail=`): undefined when absent, 404 when
 * present but not a decimal id a BigInt column can hold (or given twice).
 */
export function optionalId64Param(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const id = typeof value === "string" && /^\d+$/.test(value) ? parsed(eveId64, value) : undefined;
  if (id === undefined) notFound();
  return id;
}
