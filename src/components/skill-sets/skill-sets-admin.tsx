"use client";
// Skill set management (Member Audit's admin pages for skill sets and groups): list,
// create, edit, clone and delete sets with their skills; groups with their sets.
// Saving makes every character's checks stale; the next update scan recomputes them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { roman } from "./levels";
import { SkillSetImport } from "./skill-set-import";
import { ErrorMessage } from "~/components/error-message";

interface SkillDraft {
  skillTypeId: number;
  name: string;
  requiredLevel: number | null;
  recommendedLevel: number | null;
}
interface SetDraft {
  id?: number;
  name: string;
  description: string;
  shipTypeId: number | null;
  shipName: string | null;
  isVisible: boolean;
  groupIds: number[];
  skills: SkillDraft[];
}
interface GroupDraft {
  id?: number;
  name: string;
  description: string;
  isDoctrine: boolean;
  isActive: boolean;
  skillSetIds: number[];
}
const EMPTY_SET: SetDraft = {
  name: "",
  description: "",
  shipTypeId: null,
  shipName: null,
  isVisible: true,
  groupIds: [],
  skills: [],
};
const EMPTY_GROUP: GroupDraft = { name: "", description: "", isDoctrine: false, isActive: true, skillSetIds: [] };
const input = "rounded border border-ink-700 bg-ink-950 px-2 py-1";

function TypePicker({
  kind,
  placeholder,
  onPick,
}: {
  kind: "skill" | "ship";
  placeholder: string;
  onPick(t: { id: number; name: string }): void;
}) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const found = useQuery({
    ...trpc.skillSets.searchTypes.queryOptions({ query, kind }),
    enabled: query.trim().length >= 2,
  });
  return (
    <div className="relative">
      <input
        aria-label={placeholder}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={placeholder}
        className={`${input} w-full`}
      />
      {query.trim().length >= 2 && (found.data?.length ?? 0) > 0 && (
        <ul className="absolute z-10 mt-1 max-h-48 w-full overflow-auto rounded border border-ink-700 bg-ink-900 text-sm">
          {found.data!.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="w-full px-2 py-1 text-left hover:bg-ink-800"
                onClick={() => {
                  onPick(t);
                  setQuery("");
                }}
              >
                {t.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function LevelSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange(v: number | null): void;
}) {
  return (
    <select
      aria-label={label}
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}
      className={input}
    >
      <option value="">–</option>
      {[1, 2, 3, 4, 5].map((l) => (
        <option key={l} value={l}>
          {roman(l)}
        </option>
      ))}
    </select>
  );
}

export function SkillSetsAdmin({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.skillSets.list.queryOptions());
  const [setDraft, setSetDraft] = useState<SetDraft | null>(null);
  const [groupDraft, setGroupDraft] = useState<GroupDraft | null>(null);
  const [importing, setImporting] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.skillSets.pathKey() });
  const done = () => {
    setSetDraft(null);
    setGroupDraft(null);
    return invalidate();
  };
  const createSet = useMutation(trpc.skillSets.create.mutationOptions({ onSuccess: done }));
  const updateSet = useMutation(trpc.skillSets.update.mutationOptions({ onSuccess: done }));
  const deleteSet = useMutation(trpc.skillSets.delete.mutationOptions({ onSuccess: invalidate }));
  const cloneSet = useMutation(trpc.skillSets.clone.mutationOptions({ onSuccess: invalidate }));
  const createGroup = useMutation(trpc.skillSets.createGroup.mutationOptions({ onSuccess: done }));
  const updateGroup = useMutation(trpc.skillSets.updateGroup.mutationOptions({ onSuccess: done }));
  const deleteGroup = useMutation(trpc.skillSets.deleteGroup.mutationOptions({ onSuccess: invalidate }));
  const error = [createSet, updateSet, deleteSet, cloneSet, createGroup, updateGroup, deleteGroup].find(
    (m) => m.error,
  )?.error;
  const sets = list.data?.skillSets ?? [];
  const groups = list.data?.groups ?? [];

  function saveSet(d: SetDraft) {
    const data = {
      name: d.name,
      description: d.description,
      shipTypeId: d.shipTypeId,
      isVisible: d.isVisible,
      groupIds: d.groupIds,
      skills: d.skills.map((s) => ({
        skillTypeId: s.skillTypeId,
        requiredLevel: s.requiredLevel,
        recommendedLevel: s.recommendedLevel,
      })),
    };
    if (d.id) updateSet.mutate({ id: d.id, ...data });
    else createSet.mutate(data);
  }

  return (
    <div className="space-y-6" data-testid="skill-sets-admin">
      <ErrorMessage error={error} />
      <section className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-semibold text-slate-100">Skill sets</h2>
          {canEdit && (
            <span className="flex gap-2">
              <button
                type="button"
                onClick={() => setImporting(true)}
                className="rounded border border-ink-700 px-3 py-1 text-sm"
              >
                Import
              </button>
              <button
                type="button"
                onClick={() => setSetDraft(EMPTY_SET)}
                className="rounded bg-accent px-3 py-1 text-sm font-medium text-ink-950"
              >
                New skill set
              </button>
            </span>
          )}
        </div>
        {importing && <SkillSetImport groups={groups} onClose={() => setImporting(false)} />}
        {setDraft && (
          <form
            aria-label="Skill set"
            className="space-y-3 rounded-lg border border-ink-700 bg-ink-900 p-4"
            onSubmit={(e) => {
              e.preventDefault();
              saveSet(setDraft);
            }}
          >
            <div className="flex flex-wrap gap-3">
              <input
                aria-label="Name"
                value={setDraft.name}
                onChange={(e) => setSetDraft({ ...setDraft, name: e.target.value })}
                placeholder="Name"
                className={`${input} flex-1`}
              />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={setDraft.isVisible}
                  onChange={(e) => setSetDraft({ ...setDraft, isVisible: e.target.checked })}
                />{" "}
                visible on character sheets
              </label>
            </div>
            <input
              aria-label="Description"
              value={setDraft.description}
              onChange={(e) => setSetDraft({ ...setDraft, description: e.target.value })}
              placeholder="Description"
              className={`${input} w-full`}
            />
            <div className="flex items-center gap-3 text-sm">
              <span className="text-slate-400">Ship (display only):</span>
              <span className="text-slate-200">{setDraft.shipName ?? "none"}</span>
              {setDraft.shipTypeId && (
                <button
                  type="button"
                  className="text-slate-400 hover:text-slate-200"
                  onClick={() => setSetDraft({ ...setDraft, shipTypeId: null, shipName: null })}
                >
                  clear
                </button>
              )}
              <div className="w-64">
                <TypePicker
                  kind="ship"
                  placeholder="Find a ship"
                  onPick={(t) => setSetDraft({ ...setDraft, shipTypeId: t.id, shipName: t.name })}
                />
              </div>
            </div>
            <fieldset className="flex flex-wrap gap-3 text-sm">
              <legend className="mb-1 text-slate-400">Groups</legend>
              {groups.map((g) => (
                <label key={g.id} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={setDraft.groupIds.includes(g.id)}
                    onChange={(e) =>
                      setSetDraft({
                        ...setDraft,
                        groupIds: e.target.checked
                          ? [...setDraft.groupIds, g.id]
                          : setDraft.groupIds.filter((x) => x !== g.id),
                      })
                    }
                  />
                  {g.name}
                </label>
              ))}
            </fieldset>
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th>Skill</th>
                  <th>Required</th>
                  <th>Recommended</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {setDraft.skills.map((s, i) => {
                  const change = (patch: Partial<SkillDraft>) =>
                    setSetDraft({
                      ...setDraft,
                      skills: setDraft.skills.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                    });
                  return (
                    <tr key={s.skillTypeId} className="border-t border-ink-800">
                      <td className="py-1">{s.name}</td>
                      <td>
                        <LevelSelect
                          label={`Required level of ${s.name}`}
                          value={s.requiredLevel}
                          onChange={(v) => change({ requiredLevel: v })}
                        />
                      </td>
                      <td>
                        <LevelSelect
                          label={`Recommended level of ${s.name}`}
                          value={s.recommendedLevel}
                          onChange={(v) => change({ recommendedLevel: v })}
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="text-slate-400 hover:text-red-300"
                          onClick={() =>
                            setSetDraft({ ...setDraft, skills: setDraft.skills.filter((_, j) => j !== i) })
                          }
                        >
                          remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <div className="w-80">
              <TypePicker
                kind="skill"
                placeholder="Add a skill"
                onPick={(t) =>
                  setDraft.skills.some((s) => s.skillTypeId === t.id) ||
                  setSetDraft({
                    ...setDraft,
                    skills: [
                      ...setDraft.skills,
                      { skillTypeId: t.id, name: t.name, requiredLevel: 1, recommendedLevel: null },
                    ],
                  })
                }
              />
            </div>
            <div className="flex gap-2">
              <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-ink-950">
                Save
              </button>
              <button
                type="button"
                onClick={() => setSetDraft(null)}
                className="rounded border border-ink-700 px-3 py-1 text-sm"
              >
                Cancel
              </button>
            </div>
          </form>
        )}
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Ship</th>
              <th>Skills</th>
              <th>Groups</th>
              <th>Visible</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sets.map((s) => (
              <tr key={s.id} className="border-t border-ink-800 align-top" data-testid={`admin-skill-set-${s.id}`}>
                <td className="py-1 text-slate-100">{s.name}</td>
                <td className="text-slate-300">{s.shipName ?? "–"}</td>
                <td className="text-xs text-slate-300">
                  {s.skills
                    .map(
                      (k) =>
                        `${k.name} ${roman(k.requiredLevel)}${k.recommendedLevel ? ` [${roman(k.recommendedLevel)}]` : ""}`,
                    )
                    .join(", ")}
                </td>
                <td className="text-slate-300">{s.groups.map((g) => g.name).join(", ") || "–"}</td>
                <td>{s.isVisible ? "✓" : "✗"}</td>
                <td className="whitespace-nowrap">
                  {canEdit && (
                    <span className="flex gap-2 text-slate-400">
                      <button
                        type="button"
                        className="hover:text-slate-100"
                        onClick={() =>
                          setSetDraft({
                            id: s.id,
                            name: s.name,
                            description: s.description,
                            shipTypeId: s.shipTypeId,
                            shipName: s.shipName,
                            isVisible: s.isVisible,
                            groupIds: s.groups.map((g) => g.id),
                            skills: s.skills,
                          })
                        }
                      >
                        edit
                      </button>
                      <button
                        type="button"
                        className="hover:text-slate-100"
                        onClick={() => cloneSet.mutate({ id: s.id })}
                      >
                        clone
                      </button>
                      <button
                        type="button"
                        className="hover:text-red-300"
                        onClick={() => confirm(`Delete skill set ${s.name}?`) && deleteSet.mutate({ id: s.id })}
                      >
                        delete
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.isSuccess && sets.length === 0 && <p className="text-sm text-slate-400">No skill sets yet.</p>}
      </section>

      <section className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-semibold text-slate-100">Skill set groups</h2>
          {canEdit && (
            <button
              type="button"
              onClick={() => setGroupDraft(EMPTY_GROUP)}
              className="rounded bg-accent px-3 py-1 text-sm font-medium text-ink-950"
            >
              New group
            </button>
          )}
        </div>
        {groupDraft && (
          <form
            aria-label="Skill set group"
            className="space-y-3 rounded-lg border border-ink-700 bg-ink-900 p-4"
            onSubmit={(e) => {
              e.preventDefault();
              const { id, ...data } = groupDraft;
              if (id) updateGroup.mutate({ id, ...data });
              else createGroup.mutate(data);
            }}
          >
            <div className="flex flex-wrap gap-3">
              <input
                aria-label="Group name"
                value={groupDraft.name}
                onChange={(e) => setGroupDraft({ ...groupDraft, name: e.target.value })}
                placeholder="Name"
                className={`${input} flex-1`}
              />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={groupDraft.isDoctrine}
                  onChange={(e) => setGroupDraft({ ...groupDraft, isDoctrine: e.target.checked })}
                />{" "}
                doctrine
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={groupDraft.isActive}
                  onChange={(e) => setGroupDraft({ ...groupDraft, isActive: e.target.checked })}
                />{" "}
                active
              </label>
            </div>
            <input
              aria-label="Group description"
              value={groupDraft.description}
              onChange={(e) => setGroupDraft({ ...groupDraft, description: e.target.value })}
              placeholder="Description"
              className={`${input} w-full`}
            />
            <fieldset className="flex flex-wrap gap-3 text-sm">
              <legend className="mb-1 text-slate-400">Skill sets</legend>
              {sets.map((s) => (
                <label key={s.id} className="flex items-center gap-1">
                  <input
                    type="checkbox"
                    checked={groupDraft.skillSetIds.includes(s.id)}
                    onChange={(e) =>
                      setGroupDraft({
                        ...groupDraft,
                        skillSetIds: e.target.checked
                          ? [...groupDraft.skillSetIds, s.id]
                          : groupDraft.skillSetIds.filter((x) => x !== s.id),
                      })
                    }
                  />
                  {s.name}
                </label>
              ))}
            </fieldset>
            <div className="flex gap-2">
              <button type="submit" className="rounded bg-accent px-3 py-1 text-sm font-medium text-ink-950">
                Save
              </button>
              <button
                type="button"
                onClick={() => setGroupDraft(null)}
                className="rounded border border-ink-700 px-3 py-1 text-sm"
              >
                Cancel
              </button>
            </div>
          </form>
        )}
        <table className="w-full text-sm">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1">Name</th>
              <th>Skill sets</th>
              <th>Doctrine</th>
              <th>Active</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} className="border-t border-ink-800" data-testid={`admin-skill-set-group-${g.id}`}>
                <td className="py-1 text-slate-100">{g.name}</td>
                <td className="text-slate-300">{g.skillSets.map((s) => s.name).join(", ") || "–"}</td>
                <td>{g.isDoctrine ? "✓" : ""}</td>
                <td>{g.isActive ? "✓" : "✗"}</td>
                <td className="whitespace-nowrap">
                  {canEdit && (
                    <span className="flex gap-2 text-slate-400">
                      <button
                        type="button"
                        className="hover:text-slate-100"
                        onClick={() =>
                          setGroupDraft({
                            id: g.id,
                            name: g.name,
                            description: g.description,
                            isDoctrine: g.isDoctrine,
                            isActive: g.isActive,
                            skillSetIds: g.skillSets.map((s) => s.id),
                          })
                        }
                      >
                        edit
                      </button>
                      <button
                        type="button"
                        className="hover:text-red-300"
                        onClick={() => confirm(`Delete group ${g.name}?`) && deleteGroup.mutate({ id: g.id })}
                      >
                        delete
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
