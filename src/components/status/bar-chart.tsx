// A small bar chart as inline SVG (no chart library: a few dozen bars), with the same
// figures as a table one click away, so a screen reader or a keyboard user reads what
// a sighted user sees. The SVG itself is one image with a summary for its label.
import { Table } from "~/components/ui/table";

export interface Bar {
  key: string;
  /** Under the bar and in the table's first column. */
  label: string;
  value: number;
}

const WIDTH = 600;
const HEIGHT = 120;
const AXIS = 16;

export function BarChart({
  title,
  unit,
  bars,
  testId,
}: {
  title: string;
  unit: string;
  bars: readonly Bar[];
  testId?: string;
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const total = bars.reduce((n, b) => n + b.value, 0);
  const step = WIDTH / Math.max(1, bars.length);
  const peak = bars.reduce<Bar | undefined>((best, b) => (!best || b.value > best.value ? b : best), undefined);
  const summary = `${title}: ${total} ${unit.toLowerCase()} in all${peak && peak.value > 0 ? `, most at ${peak.label} (${peak.value})` : ""}.`;
  const ticks = bars.length > 12 ? Math.ceil(bars.length / 6) : 1;
  return (
    <figure className="space-y-2" data-testid={testId}>
      <figcaption className="text-sm font-medium text-slate-200">{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`}
        className="h-auto w-full max-w-full"
        role="img"
        aria-label={summary}
      >
        <line x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#64748b" strokeWidth={1} />
        {bars.map((b, i) => {
          const h = (b.value / max) * (HEIGHT - 4);
          return (
            <g key={b.key}>
              <rect x={i * step + 1} y={HEIGHT - h} width={Math.max(1, step - 2)} height={h} fill="#38bdf8">
                <title>{`${b.label}: ${b.value}`}</title>
              </rect>
              {i % ticks === 0 && (
                <text
                  x={i === 0 ? 0 : i * step + step / 2}
                  y={HEIGHT + 12}
                  fontSize={10}
                  textAnchor={i === 0 ? "start" : "middle"}
                  fill="#cbd5e1"
                >
                  {b.label}
                </text>
              )}
            </g>
          );
        })}
        <text x={2} y={10} fontSize={10} textAnchor="start" fill="#cbd5e1">
          {`max ${max}`}
        </text>
      </svg>
      <details className="text-sm text-slate-300">
        <summary className="cursor-pointer text-sky-300">Show the figures as a table</summary>
        <Table
          caption={title}
          look="plain"
          density="compact"
          rows={bars}
          rowKey={(b) => b.key}
          columns={[
            { header: "When", cell: (b) => b.label, rowHeader: true },
            { header: unit, cell: (b) => b.value, numeric: true },
          ]}
        />
      </details>
    </figure>
  );
}
