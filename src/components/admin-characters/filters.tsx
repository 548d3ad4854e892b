"use client";
import { useQuery } from "@tanstack/react-query";
import { inputClass } from "~/components/ui/input";
import { useTRPC } from "~/trpc/client";
import type { RouterInputs } from "~/trpc/types";
import { STATUS, type TotalStatus } from "./status";

export type Filters = Pick<
  RouterInputs["adminCharacters"]["list"],
  "search" | "status" | "corporationId" | "allianceId" | "enabled" | "orphan"
>;

const yesNo = (value: string) => (value === "yes" ? true : value === "no" ? false : undefined);
const fromYesNo = (value: boolean | undefined) => (value === undefined ? "" : value ? "yes" : "no");

/** The list's filters: each change asks the server for the first page again. */
export function CharacterFilters({ value, onChange }: { value: Filters; onChange(next: Filters): void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.adminCharacters.filterOptions.queryOptions());
  const select = `${inputClass} text-sm`;
  const field = "flex flex-col gap-1 text-sm text-slate-300";
  return (
    <fieldset className="flex flex-wrap items-end gap-3">
      <legend className="sr-only">Filter characters</legend>
      <label className={field}>
        Name
        <input
          type="search"
          value={value.search ?? ""}
          onChange={(e) => onChange({ ...value, search: e.target.value || undefined })}
          placeholder="Character or main"
          className={`${select} w-56 max-w-full`}
        />
      </label>
      <label className={field}>
        Status
        <select
          className={select}
          value={value.status ?? ""}
          onChange={(e) => onChange({ ...value, status: (e.target.value || undefined) as TotalStatus | undefined })}
        >
          <option value="">Any status</option>
          {(options.data?.statuses ?? (Object.keys(STATUS) as TotalStatus[])).map((s) => (
            <option key={s} value={s}>
              {STATUS[s].label}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Corporation
        <select
          className={`${select} max-w-full`}
          value={value.corporationId ?? ""}
          onChange={(e) => onChange({ ...value, corporationId: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">All corporations</option>
          {options.data?.corporations.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Alliance
        <select
          className={`${select} max-w-full`}
          value={value.allianceId ?? ""}
          onChange={(e) => onChange({ ...value, allianceId: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">All alliances</option>
          {options.data?.alliances.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        Enabled
        <select
          className={select}
          value={fromYesNo(value.enabled)}
          onChange={(e) => onChange({ ...value, enabled: yesNo(e.target.value) })}
        >
          <option value="">Either</option>
          <option value="yes">Enabled</option>
          <option value="no">Disabled</option>
        </select>
      </label>
      <label className={field}>
        Owner
        <select
          className={select}
          value={fromYesNo(value.orphan)}
          onChange={(e) => onChange({ ...value, orphan: yesNo(e.target.value) })}
        >
          <option value="">Any</option>
          <option value="no">Owned</option>
          <option value="yes">Orphaned</option>
        </select>
      </label>
    </fieldset>
  );
}
