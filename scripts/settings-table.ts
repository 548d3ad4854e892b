// The operations manual's settings table, generated from src/env.ts (its zod schema and
// `settingDocs`): `npm run docs:settings` writes it between the markers in docs/operations.md,
// and tests/settings/settings-table-is-current.test.ts fails when the checked-in table differs.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { requiredSettings, type SettingName, settingDocs, settingsShape } from "~/env";

export const OPERATIONS_MD = path.resolve(import.meta.dirname, "../docs/operations.md");
export const BEGIN_MARKER =
  "<!-- settings-table: generated from src/env.ts by `npm run docs:settings`; edit the descriptions there -->";
export const END_MARKER = "<!-- /settings-table -->";

export interface SettingRow {
  name: SettingName;
  required: string;
  default: string;
  allowed: string;
  description: string;
}

/** What the schema itself says about a value: its default, its range or its choices. */
interface Facts {
  default?: string;
  allowed?: string;
}

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  defaultValue?: unknown;
  entries?: Record<string, string>;
};

const code = (v: unknown) => `\`${String(v)}\``;

function factsOf(schema: z.ZodType): Facts {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case "default": {
      const inner = factsOf(def.innerType!);
      const value = def.defaultValue;
      return { ...inner, default: code(typeof value === "function" ? value() : value) };
    }
    case "optional":
      return factsOf(def.innerType!);
    case "pipe":
      return factsOf(def.in!);
    case "enum":
      return {
        allowed: Object.values(def.entries ?? {})
          .filter((v) => v !== "")
          .map(code)
          .join(", "),
      };
    case "number": {
      const n = schema as unknown as z.ZodNumber;
      const whole = n.isInt ? "whole number" : "number";
      const min = Number.isFinite(n.minValue) ? n.minValue : undefined;
      const max = Number.isFinite(n.maxValue) && (n.maxValue ?? 0) < Number.MAX_SAFE_INTEGER ? n.maxValue : undefined;
      if (min !== undefined && max !== undefined) return { allowed: `${whole}, ${min}–${max}` };
      if (min !== undefined) return { allowed: `${whole}, ${min} or more` };
      if (max !== undefined) return { allowed: `${whole}, up to ${max}` };
      return { allowed: whole };
    }
    default:
      return {};
  }
}

/** One row per setting, in the schema's order. */
export function settingRows(): SettingRow[] {
  return (Object.keys(settingsShape) as SettingName[]).map((name) => {
    const doc = settingDocs[name];
    const facts = factsOf(settingsShape[name] as z.ZodType);
    const required = requiredSettings.always.includes(name)
      ? "always"
      : requiredSettings.production.includes(name)
        ? "production"
        : (doc?.required ?? "no");
    return {
      name,
      required,
      default: doc?.default ?? facts.default ?? "—",
      allowed: doc?.allowed ?? facts.allowed ?? "—",
      description: doc?.description ?? "",
    };
  });
}

/** Settings whose description is missing (the test lists them). */
export function settingsWithoutDescription(): SettingName[] {
  return settingRows()
    .filter((r) => !r.description.trim())
    .map((r) => r.name);
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The markdown table, columns padded so the checked-in file reads well as text. */
export function renderSettingsTable(): string {
  const header = ["setting", "required", "default", "allowed", "meaning"];
  const rows = settingRows().map((r) => [code(r.name), r.required, r.default, r.allowed, r.description].map(cell));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

/** `markdown` with the text between the markers replaced by the current table. */
export function withSettingsTable(markdown: string): string {
  const begin = markdown.indexOf(BEGIN_MARKER);
  const end = markdown.indexOf(END_MARKER);
  if (begin < 0 || end < begin) throw new Error(`docs/operations.md has no ${BEGIN_MARKER} … ${END_MARKER} markers`);
  return `${markdown.slice(0, begin + BEGIN_MARKER.length)}\n\n${renderSettingsTable()}\n\n${markdown.slice(end)}`;
}

export function readOperationsManual(): string {
  return readFileSync(OPERATIONS_MD, "utf8");
}
