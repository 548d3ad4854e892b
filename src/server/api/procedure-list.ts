// The list of tRPC procedures for docs/api-procedures.md, read from the router itself
// (npm run docs:api writes it; tests/api-tokens/procedure-list-is-current.test.ts fails
// when the file and the router disagree), so the document cannot drift from the code.
// Inputs come from the zod schemas, outputs from the compiler (./procedure-outputs.ts).
import { z } from "zod";
import { type ProcedureOutputs, procedureOutputs } from "./procedure-outputs";
import { appRouter } from "./root";
import type { ProcedureMeta } from "./trpc";

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[]; meta?: ProcedureMeta };
}

export interface ProcedureRow {
  path: string;
  kind: "query" | "mutation" | "subscription";
  sessionOnly: boolean;
  input: string;
}

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  enum?: unknown[];
  anyOf?: Json[];
  oneOf?: Json[];
  const?: unknown;
  format?: string;
  default?: unknown;
};

/** A JSON Schema written as the TypeScript type a client passes (bounds left to the schema's errors). */
function typeOf(schema: Json): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map(typeOf))].join(" | ");
  if (schema.format === "date-time") return "Date";
  switch (schema.type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return `${wrap(typeOf(schema.items ?? {}))}[]`;
    case "object": {
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(schema.properties ?? {}).map(([name, field]) => {
        const optional = !required.has(name) || field.default !== undefined;
        return `${name}${optional ? "?" : ""}: ${typeOf(field)}`;
      });
      return fields.length === 0 ? "{}" : `{ ${fields.join("; ")} }`;
    }
    default:
      return "unknown";
  }
}

const wrap = (type: string) => (type.includes(" | ") ? `(${type})` : type);

function inputType(inputs: z.ZodType[]): string {
  if (inputs.length === 0) return "none";
  const merged: Json = { type: "object", properties: {}, required: [] };
  for (const input of inputs) {
    const json = z.toJSONSchema(input, {
      io: "input",
      unrepresentable: "any",
      override: (ctx) => {
        if ((ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def.type === "date") {
          ctx.jsonSchema.type = "string";
          ctx.jsonSchema.format = "date-time";
        }
      },
    }) as Json;
    if (json.type !== "object") return typeOf(json);
    Object.assign(merged.properties!, json.properties);
    merged.required!.push(...(json.required ?? []));
  }
  return typeOf(merged);
}

export function procedureRows(): ProcedureRow[] {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, ProcedureDef> }).procedures;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({
      path,
      kind: procedure._def.type,
      sessionOnly: procedure._def.meta?.sessionOnly === true,
      input: inputType(procedure._def.inputs),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** An output this short on one line stays in the table; longer ones get a block under Outputs. */
const INLINE_OUTPUT = 60;

/** The output on one line (`{ removed: boolean; }`), when it is that short. */
function inline(type: string): string | null {
  const line = type.replace(/\n\s*/g, " ");
  return line.length <= INLINE_OUTPUT ? line : null;
}

/** A long object output in the table: its top-level fields (`{ rows, nextCursor }`), the whole under Outputs. */
function outline(type: string): string | null {
  const shape = /^\{\n[\s\S]*\n\}(\[\])?$/.exec(type);
  if (!shape) return null;
  const fields = [...type.matchAll(/^ {2}(?:"[^"]+"|[\w$]+)(?=\??:)/gm)].map((m) => m[0].trim());
  return `{ ${fields.join(", ")} }${shape[1] ?? ""}`;
}

export function renderProcedureList(
  rows: ProcedureRow[] = procedureRows(),
  { outputs, types }: ProcedureOutputs = procedureOutputs(rows.map((r) => r.path)),
): string {
  const cell = (text: string) => text.replaceAll("|", "\\|");
  const output = (path: string) => outputs.get(path) ?? "unknown";
  const block = (code: string) => ["", "```ts", code, "```", ""];
  const lines = [
    "# tRPC procedures",
    "",
    "Generated from the router by `npm run docs:api`; do not edit. See docs/api.md for how to call them.",
    "A procedure marked *session only* refuses API tokens (403, reason `session-only`).",
    "Inputs are read from the procedures' zod schemas; outputs are what the compiler infers for a typed client",
    "(`inferRouterOutputs<AppRouter>`). An output too long for the table shows its top-level fields there and is",
    "written out under [Outputs](#outputs); object types the app names (`IndustrySheet`, …) are written out once,",
    "under [Types](#types). Dates arrive as `Date` through superjson, as in the example client.",
    "",
    "| procedure | kind | API token | input | output |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => {
      const out = output(r.path);
      const short = outline(out);
      const line = inline(out);
      const shown = line ? `\`${cell(line)}\`` : short ? `\`${short}\` ([all](#outputs))` : "[below](#outputs)";
      return `| \`${r.path}\` | ${r.kind} | ${r.sessionOnly ? "session only" : "yes"} | \`${cell(r.input)}\` | ${shown} |`;
    }),
    "",
    "## Outputs",
    "",
    ...rows
      .filter((r) => inline(output(r.path)) === null)
      .flatMap((r) => [
        `<details><summary><code>${r.path}</code></summary>`,
        ...block(output(r.path)),
        "</details>",
        "",
      ]),
    "## Types",
    "",
    ...types.flatMap((t) => [
      `<details><summary><code>${t.name}</code> (${t.source})</summary>`,
      ...block(`type ${t.name} = ${t.definition};`),
      "</details>",
      "",
    ]),
  ];
  return `${lines.join("\n").trimEnd()}\n`;
}
