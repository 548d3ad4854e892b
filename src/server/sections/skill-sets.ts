// skill_sets: computed locally (no ESI) from the stored skills against every skill set.
// Member Audit deletes and recreates all checks; here the checks are diffed on skill
// set id, and an unchanged result hashes equal, so a run with nothing new writes nothing.
import { computeSkillSetChecks, type SkillSetCheckResult } from "./skill-set-checks";
import { defineSection } from "./types";
import { insertRows } from "~/server/db/insert-rows";

const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

export const skillSets = defineSection<SkillSetCheckResult[]>({
  name: "skill_sets",
  label: "Skill sets",
  routes: [],
  scopes: [],
  defaultStaleMinutes: 240,
  writeStrategy: "computed",
  async fetch({ db, characterId }) {
    return { status: "ok", data: await computeSkillSetChecks(db, characterId), cache: null };
  },
  async persist({ tx, characterId }, checks) {
    const stored = await tx.characterSkillSetCheck.findMany({ where: { characterId } });
    const byId = new Map(stored.map((c) => [c.skillSetId, c]));
    const incoming = new Set(checks.map((c) => c.skillSetId));
    const fresh = checks.filter((c) => !byId.has(c.skillSetId));
    const changed = checks.filter((c) => {
      const old = byId.get(c.skillSetId);
      return (
        old &&
        !(
          sameIds(
            [...old.failedRequired].sort((a, b) => a - b),
            c.failedRequired,
          ) &&
          sameIds(
            [...old.failedRecommended].sort((a, b) => a - b),
            c.failedRecommended,
          )
        )
      );
    });
    const gone = stored.filter((c) => !incoming.has(c.skillSetId)).map((c) => c.skillSetId);
    if (gone.length > 0)
      await tx.characterSkillSetCheck.deleteMany({ where: { characterId, skillSetId: { in: gone } } });
    if (fresh.length > 0)
      await insertRows(tx, "CharacterSkillSetCheck", { data: fresh.map((c) => ({ characterId, ...c })) });
    for (const c of changed) {
      await tx.characterSkillSetCheck.update({
        where: { characterId_skillSetId: { characterId, skillSetId: c.skillSetId } },
        data: { failedRequired: c.failedRequired, failedRecommended: c.failedRecommended },
      });
    }
    return { written: fresh.length + changed.length + gone.length };
  },
});
