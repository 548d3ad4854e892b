"use client";
// Balance over time from the journal's running balance (already downsampled on the
// server to at most 200 points); the range is picked here and fetched through tRPC.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { formatCompact, formatEveTime, formatIsk } from "./format";

const RANGES = [30, 90, 180, 365] as const;
const DEFAULT_DAYS = 90;

export function WalletBalanceChart({
  characterId,
  initial,
}: {
  characterId: number;
  initial: RouterOutputs["sheet"]["wallet"]["balanceChart"];
}) {
  const trpc = useTRPC();
  const [days, setDays] = useState<number>(DEFAULT_DAYS);
  const query = useQuery(
    trpc.sheet.wallet.balanceChart.queryOptions(
      { characterId, days },
      { initialData: days === DEFAULT_DAYS ? initial : undefined, placeholderData: (previous) => previous },
    ),
  );
  const data = (query.data?.points ?? []).map((p) => ({ t: new Date(p.date).getTime(), balance: p.balance }));
  return (
    <div className="space-y-2" data-testid="wallet-balance-chart">
      <div className="flex items-center gap-2 text-sm">
        <span className="text-slate-400">Balance over</span>
        {RANGES.map((d) => (
          <button
            key={d}
            type="button"
            onClick={() => setDays(d)}
            className={`rounded border px-2 py-0.5 ${d === days ? "border-sky-500 text-sky-300" : "border-ink-700 text-slate-400"}`}
          >
            {d} days
          </button>
        ))}
      </div>
      {data.length < 2 ? (
        <p className="p-6 text-center text-sm text-slate-400">
          Not enough journal entries in this range to draw a chart.
        </p>
      ) : (
        <div className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="#334155" strokeDasharray="3 3" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={["dataMin", "dataMax"]}
                tickFormatter={(t: number) => new Date(t).toISOString().slice(5, 10)}
                stroke="#94a3b8"
                fontSize={12}
              />
              <YAxis tickFormatter={(v: number) => formatCompact(v)} stroke="#94a3b8" fontSize={12} width={64} />
              <Tooltip
                contentStyle={{ background: "#0f172a", border: "1px solid #334155" }}
                labelFormatter={(t) => formatEveTime(new Date(Number(t)))}
                formatter={(v) => [formatIsk(Number(v)), "Balance"]}
              />
              <Line
                type="stepAfter"
                dataKey="balance"
                stroke="#38bdf8"
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
