import type { Key, ReactNode } from "react";
import { cx } from "./cx";
import { Panel } from "./panel";

/**
 * The app's table styles. `sheet`: the character sheet's tables, small-capitals header,
 * cells inset from the panel's edge. `caps`: the same header on a table that lines up
 * with the fields and headings around it (skill set lists and editors). `plain`: a
 * table in the page's flow, plain header, flush. `boxed`: a long paged list that is its
 * own panel.
 */
const LOOKS = {
  sheet: { head: "text-xs uppercase text-slate-400", inset: true },
  caps: { head: "text-xs uppercase text-slate-400", inset: false },
  plain: { head: "text-slate-400", inset: false },
  boxed: { head: "text-slate-400", inset: true },
} as const;

/** Row height; dense rows get fainter rules so the lines do not outweigh the text. */
const DENSITY = {
  compact: { y: "py-1", rule: "border-ink-800" },
  normal: { y: "py-1.5", rule: "border-ink-700" },
  relaxed: { y: "py-2", rule: "border-ink-700" },
} as const;

export interface Column<Row> {
  /** The header cell's text; with `srOnly` only screen readers get it (icon and action columns). */
  header: string;
  srOnly?: boolean;
  /** What the header means, on hover. */
  headerTitle?: string;
  /** A header that sorts the rows: a button, with aria-sort on the active column. */
  sort?: { direction: "asc" | "desc" | null; onSort(): void };
  cell(row: Row): ReactNode;
  /** Right-aligned with tabular figures: quantities, ISK, counts. */
  numeric?: boolean;
  /** More classes for the body cells, or a function of the row (colour by value). */
  className?: string | ((row: Row) => string);
  title?(row: Row): string | undefined;
  /** The cell names its row: a `<th scope="row">`. */
  rowHeader?: boolean;
}

/** A run of rows under a header row of its own (standings by band, skill sets by group). */
export interface TableGroup<Row> {
  key: Key;
  label: ReactNode;
  rows: readonly Row[];
  testId?: string;
  /** The group header's colours. */
  className?: string;
}

type Body<Row> = { rows: readonly Row[]; groups?: never } | { groups: readonly TableGroup<Row>[]; rows?: never };

export type TableProps<Row> = Body<Row> & {
  /** Names the table for screen readers (a visually hidden caption). */
  caption: string;
  columns: readonly Column<Row>[];
  rowKey(row: Row): Key;
  rowTestId?(row: Row): string;
  rowClassName?: string | ((row: Row) => string);
  onRowClick?(row: Row): void;
  look?: keyof typeof LOOKS;
  density?: keyof typeof DENSITY;
  /** Rows that need no header to be read by sight (a skill group's skills): the header is for screen readers only. */
  hideHeader?: boolean;
  /** Said below the table when it has no row; without it an empty table just shows its header. */
  empty?: ReactNode;
  testId?: string;
};

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

const classesFor = <Row,>(extra: string | ((row: Row) => string) | undefined, row: Row) =>
  typeof extra === "function" ? extra(row) : extra;

/** No hooks: tables in server-rendered tabs and in client components are the same markup. */
export function Table<Row>(props: TableProps<Row>) {
  const { caption, columns, rowKey, rowTestId, rowClassName, onRowClick, hideHeader, empty, testId } = props;
  const look = LOOKS[props.look ?? "sheet"];
  const density = DENSITY[props.density ?? "normal"];
  const x = look.inset ? "px-3" : "pr-4 last:pr-0";
  const cellPad = `${x} ${density.y}`;
  // The boxed lists' header gets more air than their rows.
  const headPad = props.look === "boxed" ? `${x} py-2` : cellPad;
  const count = props.groups ? props.groups.reduce((n, g) => n + g.rows.length, 0) : props.rows.length;

  const row = (r: Row) => (
    <tr
      key={rowKey(r)}
      className={cx("border-t", density.rule, classesFor(rowClassName, r))}
      data-testid={rowTestId?.(r)}
      onClick={onRowClick && (() => onRowClick(r))}
    >
      {columns.map((c) => {
        const className = cx(cellPad, c.numeric && "text-right tabular-nums", classesFor(c.className, r));
        return c.rowHeader ? (
          <th key={c.header} scope="row" className={cx(className, "text-left")} title={c.title?.(r)}>
            {c.cell(r)}
          </th>
        ) : (
          <td key={c.header} className={className} title={c.title?.(r)}>
            {c.cell(r)}
          </td>
        );
      })}
    </tr>
  );

  const table = (
    <table className="w-full text-left text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className={hideHeader ? "sr-only" : look.head}>
        <tr>
          {columns.map((c) => (
            <th
              key={c.header}
              scope="col"
              className={cx(headPad, c.numeric && "text-right")}
              title={c.headerTitle}
              aria-sort={c.sort?.direction ? ARIA_SORT[c.sort.direction] : undefined}
            >
              <HeaderLabel column={c} />
            </th>
          ))}
        </tr>
      </thead>
      {props.groups ? (
        props.groups.map((g) => (
          <tbody key={g.key} data-testid={g.testId}>
            <tr>
              <th colSpan={columns.length} scope="rowgroup" className={cx(headPad, "text-left", g.className)}>
                {g.label}
              </th>
            </tr>
            {g.rows.map(row)}
          </tbody>
        ))
      ) : (
        <tbody>{props.rows.map(row)}</tbody>
      )}
    </table>
  );
  const none = empty && count === 0 && <p className="p-4 text-center text-sm text-slate-400">{empty}</p>;
  // A table wider than a phone scrolls inside its own region, which the keyboard must reach (WCAG 2.1.1).
  const scroller = { role: "region", "aria-label": `${caption}, scrolls sideways`, tabIndex: 0 } as const;
  if (props.look === "boxed")
    return (
      <Panel as="div" padding="none" className="overflow-x-auto" {...scroller}>
        {table}
        {none}
      </Panel>
    );
  return (
    <>
      <div className="overflow-x-auto" {...scroller}>
        {table}
      </div>
      {none}
    </>
  );
}

function HeaderLabel<Row>({ column: c }: { column: Column<Row> }) {
  if (c.srOnly) return <span className="sr-only">{c.header}</span>;
  if (!c.sort) return c.header;
  const arrow = c.sort.direction === "asc" ? "▲" : c.sort.direction === "desc" ? "▼" : "";
  return (
    <button type="button" onClick={c.sort.onSort}>
      {c.header} <span aria-hidden="true">{arrow}</span>
    </button>
  );
}
