// titles: the character's corporation titles, diffed on title id. Corporations
// decorate titles with client markup (<b>, <color=...>), which is stripped here.
import type { EsiSuccessBody } from "~/server/esi/types";
import { diffCount, diffRows } from "./diff-rows";
import { defineSection, fromEsi } from "./types";
import { insertRows } from "~/server/db/insert-rows";

type TitlesBody = EsiSuccessBody<"get", "/characters/{character_id}/titles">;

const MAX_NAME = 100;

export function plainTitle(name: string): string {
  return name
    .replace(/<[^>]*>/g, "")
    .trim()
    .slice(0, MAX_NAME);
}

export const titles = defineSection<TitlesBody>({
  name: "titles",
  label: "Titles",
  routes: ["GET /characters/{character_id}/titles"],
  scopes: ["esi-characters.read_titles.v1"],
  defaultStaleMinutes: 480,
  writeStrategy: "diff",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/titles", {
      path: { character_id: characterId },
      cache,
      force,
    });
    return fromEsi(result);
  },
  async persist({ tx, characterId }, body) {
    const stored = await tx.characterTitle.findMany({ where: { characterId }, select: { titleId: true, name: true } });
    // Both fields are optional in the spec; a title without either cannot be shown or keyed.
    const incoming = body.flatMap((t) =>
      t.title_id === undefined || !t.name ? [] : [{ titleId: t.title_id, name: plainTitle(t.name) }],
    );
    const diff = diffRows(stored, incoming, (row) => row.titleId);
    if (diff.remove.length > 0)
      await tx.characterTitle.deleteMany({ where: { characterId, titleId: { in: diff.remove } } });
    if (diff.create.length > 0)
      await insertRows(tx, "CharacterTitle", { data: diff.create.map((row) => ({ characterId, ...row })) });
    for (const { titleId, name } of diff.update) {
      await tx.characterTitle.update({ where: { characterId_titleId: { characterId, titleId } }, data: { name } });
    }
    return { written: diffCount(diff) };
  },
});
