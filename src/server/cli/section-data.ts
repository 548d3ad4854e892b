// Section tables, found from the Prisma schema rather than listed by hand: every
// model with a `character` relation whose name starts with "Character" holds
// section data (the character's own rows: ownership, token, status are excluded).
import { Prisma } from "@prisma/client";
import type { Db } from "~/server/db/client";

const NOT_SECTION_DATA = new Set(["CharacterOwnership"]);

export function sectionDataModels(): string[] {
  return Prisma.dmmf.datamodel.models
    .filter(
      (m) =>
        m.name.startsWith("Character") &&
        !NOT_SECTION_DATA.has(m.name) &&
        m.fields.some((f) => f.name === "character" && f.type === "Character"),
    )
    .map((m) => m.name)
    .sort();
}

type Delegate = { count(args?: object): Promise<number>; deleteMany(args?: object): Promise<{ count: number }> };
const delegate = (db: Db | Prisma.TransactionClient, model: string) =>
  (db as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

export async function countSectionRows(db: Db): Promise<Record<string, number>> {
  const models = sectionDataModels();
  const counts = await Promise.all(models.map((m) => delegate(db, m).count()));
  return Object.fromEntries(models.map((m, i) => [m, counts[i]!]));
}

/** Deletes all section data and update statuses (of some characters, or all), keeping the characters and tokens. */
export async function resetSectionData(db: Db, characterIds?: number[]): Promise<number> {
  const where = characterIds ? { characterId: { in: characterIds } } : {};
  return db.$transaction(
    async (tx) => {
      let deleted = 0;
      for (const model of sectionDataModels()) deleted += (await delegate(tx, model).deleteMany({ where })).count;
      deleted += (await tx.sectionUpdateStatus.deleteMany({ where })).count;
      return deleted;
    },
    { timeout: 600_000 },
  );
}
