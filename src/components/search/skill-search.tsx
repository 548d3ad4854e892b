"use client";
// Skills: "who can fly X", by one skill at a minimum level (the skill found by name) or,
// for holders of view_skill_sets, by a skill set whose required skills are met.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Column } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { buttonClass, CharacterCell, fieldClass, SearchResults, TextField } from "./search-controls";

type SkillRow = RouterOutputs["search"]["skill"]["rows"][number];
type SetRow = RouterOutputs["search"]["skillSet"]["rows"][number];
const LEVELS = [1, 2, 3, 4, 5] as const;

export function SkillSearch({ imageBaseUrl, skillSets }: { imageBaseUrl: string; skillSets: boolean }) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const [name, setName] = useState("");
  const [skill, setSkill] = useState<{ id: number; name: string } | null>(null);
  const [minLevel, setMinLevel] = useState(1);
  const [skillSetId, setSkillSetId] = useState<number | null>(null);
  const types = useQuery(trpc.search.types.queryOptions({ query: name, kind: "skill" }, { enabled: name.length >= 2 }));
  const sets = useQuery(trpc.skillSets.list.queryOptions(undefined, { enabled: skillSets }));
  const next = { getNextPageParam: (last: { nextCursor: string | null }) => last.nextCursor ?? undefined };
  const bySkill = useInfiniteQuery(
    trpc.search.skill.infiniteQueryOptions(
      { skillId: skill?.id ?? 1, minLevel, limit: 50 },
      { ...next, enabled: skill !== null && skillSetId === null },
    ),
  );
  const bySet = useInfiniteQuery(
    trpc.search.skillSet.infiniteQueryOptions(
      { skillSetId: skillSetId ?? 1, limit: 50 },
      { ...next, enabled: skillSetId !== null },
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setName(text.trim());
    setSkill(null);
    setSkillSetId(null);
  };
  const character: Column<SkillRow & SetRow>["cell"] = (r) => (
    <CharacterCell character={r.character} href={r.href} imageBaseUrl={imageBaseUrl} />
  );
  const skillColumns: Column<SkillRow>[] = [
    { header: "Character", rowHeader: true, cell: character },
    { header: "Active level", numeric: true, cell: (r) => r.activeLevel },
    { header: "Trained level", numeric: true, cell: (r) => r.trainedLevel },
    { header: "Skill points", numeric: true, cell: (r) => r.skillpoints.toLocaleString("en-US") },
  ];
  const setColumns: Column<SetRow>[] = [
    { header: "Character", rowHeader: true, cell: character },
    { header: "Recommended skills", cell: (r) => (r.recommendedMet ? "✓ met" : "✗ not all") },
  ];
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Skills">
        <TextField label="Skill name" value={text} onChange={setText} placeholder="e.g. Capital Industrial Ships" />
        <label className="flex flex-col gap-0.5 text-xs text-slate-300">
          At least level
          <select className={fieldClass} value={minLevel} onChange={(e) => setMinLevel(Number(e.target.value))}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass} disabled={text.trim().length < 2}>
          Find skills
        </button>
        {skillSets && (
          <label className="flex flex-col gap-0.5 text-xs text-slate-300">
            Or passing the skill set
            <select
              className={`${fieldClass} max-w-full`}
              value={skillSetId ?? ""}
              onChange={(e) => setSkillSetId(e.target.value ? Number(e.target.value) : null)}
              data-testid="skill-set-choice"
            >
              <option value="">Choose a skill set</option>
              {sets.data?.skillSets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </form>
      {types.data && skillSetId === null && (
        <fieldset className="space-y-2">
          <legend className="text-sm text-slate-300">
            {types.data.length === 0 ? `No skill is named like “${name}”.` : "Pick a skill:"}
          </legend>
          <div className="flex flex-wrap gap-2" data-testid="skill-choices">
            {types.data.map((t) => (
              <button
                key={t.id}
                type="button"
                aria-pressed={skill?.id === t.id}
                onClick={() => setSkill({ id: t.id, name: t.name })}
                className={buttonClass}
              >
                {t.name}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {skillSetId !== null ? (
        <SearchResults
          query={bySet}
          caption="Characters passing the skill set"
          columns={setColumns}
          rowKey={(r) => String(r.character.id)}
          testId="skill-set-results"
          empty="No character in your scope passes it."
        />
      ) : (
        skill && (
          <SearchResults
            query={bySkill}
            caption={`Characters with ${skill.name} at level ${minLevel} or higher`}
            columns={skillColumns}
            rowKey={(r) => String(r.character.id)}
            testId="skill-results"
            empty={`No character in your scope has ${skill.name} at level ${minLevel}.`}
          />
        )
      )}
    </div>
  );
}
