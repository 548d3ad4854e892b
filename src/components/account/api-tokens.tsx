"use client";
// The account's API tokens: create one (its secret shown once, here, never again),
// see each token's narrowing and last use, revoke.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatEveTime } from "~/components/sheet/format";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/input";
import { Panel } from "~/components/ui/panel";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";

type Token = RouterOutputs["apiTokens"]["list"][number];

function state(token: Token, now: number): string {
  if (token.revokedAt) return "Revoked";
  return new Date(token.expiresAt).getTime() <= now ? "Expired" : "Active";
}

export function ApiTokens({ initial, permissions }: { initial: Token[]; permissions: string[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.apiTokens.list.queryOptions(undefined, { initialData: initial }));
  const [name, setName] = useState("");
  const [days, setDays] = useState(30);
  const [chosen, setChosen] = useState<string[]>(permissions.filter((p) => p === "basic_access"));
  const [procedures, setProcedures] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiTokens.pathKey() });
  const create = useMutation(trpc.apiTokens.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.apiTokens.revoke.mutationOptions({ onSuccess: refresh }));
  const failure = create.error ?? revoke.error;
  const now = Date.now();

  return (
    <div className="space-y-6">
      <Panel
        as="form"
        title="New token"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({
            name,
            expiresInDays: days,
            permissions: chosen as never,
            procedures: procedures.split(/[\s,]+/).filter(Boolean),
          });
        }}
      >
        <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-sm text-slate-300">
            Name
            <input
              className={inputClass}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={80}
              data-testid="token-name"
            />
          </label>
          <label className="flex flex-col gap-1 text-sm text-slate-300">
            Expires after (days)
            <input
              className={inputClass}
              type="number"
              min={1}
              max={366}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            />
          </label>
        </div>
        <fieldset className="mt-3">
          <legend className="text-sm text-slate-300">Permissions (yours, a subset)</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {permissions.map((p) => (
              <label key={p} className="flex items-center gap-2 text-sm text-slate-200">
                <input
                  type="checkbox"
                  checked={chosen.includes(p)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, p] : chosen.filter((c) => c !== p))}
                />
                {p}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="mt-3 flex flex-col gap-1 text-sm text-slate-300">
          Allowed procedures (optional; one per line, e.g. sheet.wallet.journal; empty allows all)
          <textarea
            className={inputClass}
            rows={2}
            value={procedures}
            onChange={(e) => setProcedures(e.target.value)}
          />
        </label>
        <Button variant="primary" type="submit" className="mt-3" disabled={create.isPending || chosen.length === 0}>
          Create token
        </Button>
      </Panel>
      {failure && (
        <p role="alert" className="text-sm text-red-300">
          {failure.message}
        </p>
      )}
      {create.data && (
        <Panel title="Your new token" data-testid="token-secret-panel">
          <p className="mb-2 text-sm text-amber-300">Copy it now: it is shown only once and cannot be recovered.</p>
          <code className="block break-all rounded bg-ink-950 p-2 text-sm text-slate-100" data-testid="token-secret">
            {create.data.token}
          </code>
        </Panel>
      )}
      <Panel title="Your tokens">
        {(list.data ?? []).length === 0 ? (
          <p className="text-sm text-slate-300">No tokens yet.</p>
        ) : (
          <ul className="divide-y divide-ink-700" data-testid="tokens">
            {(list.data ?? []).map((t) => (
              <li key={t.id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
                <div className="min-w-0">
                  <p className="font-medium text-slate-100">
                    {t.name} <span className="text-slate-400">ma_{t.prefix}_…</span> · {state(t, now)}
                  </p>
                  <p className="break-words text-slate-300">
                    {t.permissions.join(", ")}
                    {t.procedures.length > 0 && ` · only ${t.procedures.join(", ")}`}
                  </p>
                  <p className="text-slate-400">
                    Expires {formatEveTime(t.expiresAt)} · last used{" "}
                    {t.lastUsedAt ? `${formatEveTime(t.lastUsedAt)} from ${t.lastUsedAddress ?? "unknown"}` : "never"}
                  </p>
                </div>
                {!t.revokedAt && (
                  <Button onClick={() => revoke.mutate({ id: t.id })} disabled={revoke.isPending}>
                    Revoke <span className="sr-only">{t.name}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </div>
  );
}
