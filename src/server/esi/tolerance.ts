// Tolerant of what ESI really sends, strict about what we read. CCP's ESI has
// answered 200 with values outside its own enums ("unknown location_flag (185)",
// esi-issues #1381, #1426) and without fields its spec calls required. So a body is
// checked against the spec with three changes:
//   - enums never fail: a value outside the enum is kept as given and reported as a
//     warning (logged once per route, field and value);
//   - `required` holds only for the fields the caller reads (`reads`, dotted paths,
//     arrays transparent: "victim.items.item_type_id"); without `reads` every field the
//     spec requires counts as read;
//   - in a list body each item stands alone: a malformed one is left out with a
//     warning and the rest is kept. Any other mismatch is EsiResponseInvalidError.
// Types and formats of the fields present stay strict.
import type { Ajv, ValidateFunction } from "ajv";
import document from "./openapi/esi-openapi-3.0.3-2026-07-17.json";
import type { EsiWarning } from "./client-types";
import { newEsiAjv, operationSpec, toJsonSchema } from "./spec";
import { logger } from "~/server/logging/logger";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface EnumCheck {
  /** Property names; "[]" steps into every array item. */
  steps: string[];
  field: string;
  allowed: ReadonlySet<Json>;
}

interface Checker {
  /** The validator of the whole body, or of one item when `list`. */
  validate: ValidateFunction | null;
  list: boolean;
  enums: EnumCheck[];
}

const components = ((document as unknown as JsonObject).components as JsonObject).schemas as JsonObject;

function asObject(value: Json | undefined): JsonObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

function deref(schema: Json): Json {
  let current = schema;
  for (let object = asObject(current); typeof object?.$ref === "string"; object = asObject(current)) {
    current = components[object.$ref.slice("#/components/schemas/".length)] ?? null;
  }
  return current;
}

/**
 * The OpenAPI schema with refs inlined (ESI's have no cycles), enums taken out into
 * `enums`, and `required` kept only for read fields. `at` is the dotted path so far.
 */
function relax(schema: Json, at: string, reads: ReadonlySet<string> | null, steps: string[], enums: EnumCheck[]): Json {
  const object = asObject(deref(schema));
  if (!object) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (key === "enum" && Array.isArray(value)) {
      enums.push({ steps, field: at || "(root)", allowed: new Set(value) });
    } else if (key === "required" && Array.isArray(value)) {
      const kept = value.filter((name) => reads === null || reads.has(at ? `${at}.${String(name)}` : String(name)));
      if (kept.length > 0) out.required = kept;
    } else if (key === "properties") {
      out.properties = Object.fromEntries(
        Object.entries(asObject(value) ?? {}).map(([name, child]) => [
          name,
          relax(child, at ? `${at}.${name}` : name, reads, [...steps, name], enums),
        ]),
      );
    } else if (key === "items") {
      out.items = relax(value, at, reads, [...steps, "[]"], enums);
    } else out[key] = value;
  }
  return out;
}

let ajv: Ajv | undefined;

function engine(): Ajv {
  ajv ??= newEsiAjv();
  return ajv;
}

const checkers = new Map<string, Checker | null>();

function successSchema(method: string, path: string): Json | undefined {
  const spec = operationSpec(method, path);
  const paths = (document as unknown as JsonObject).paths as JsonObject;
  const op = asObject(asObject(paths[path])?.[method.toLowerCase()]);
  const response = asObject(asObject(op?.responses)?.[String(spec.successStatus)]);
  return asObject(asObject(response?.content)?.["application/json"])?.schema;
}

function checker(method: string, path: string, reads: readonly string[] | undefined): Checker | null {
  const key = `${method.toUpperCase()} ${path} ${reads ? [...reads].sort().join(",") : "*"}`;
  const cached = checkers.get(key);
  if (cached !== undefined) return cached;
  const schema = successSchema(method, path);
  let result: Checker | null = null;
  if (schema) {
    const enums: EnumCheck[] = [];
    const root = asObject(deref(schema));
    const list = root?.type === "array" && root.items !== undefined;
    // For a list the item is the unit: its fields are read as "field", not "[].field".
    const target = list ? (root!.items as Json) : schema;
    const relaxed = relax(target, "", reads ? new Set(reads) : null, list ? ["[]"] : [], enums);
    result = { validate: engine().compile(toJsonSchema(relaxed) as JsonObject), list, enums };
  }
  checkers.set(key, result);
  return result;
}

function firstProblem(validate: ValidateFunction): string {
  const first = validate.errors?.[0];
  if (!first) return "invalid";
  return `${first.instancePath || "(root)"} ${first.message ?? "invalid"}`;
}

function collectEnums(value: unknown, steps: string[], index: number, check: EnumCheck, found: Json[]): void {
  if (value === undefined || value === null) return;
  if (index === steps.length) {
    if (!check.allowed.has(value as Json)) found.push(value as Json);
    return;
  }
  const step = steps[index]!;
  if (step === "[]") {
    if (Array.isArray(value)) for (const item of value) collectEnums(item, steps, index + 1, check, found);
  } else if (typeof value === "object" && !Array.isArray(value)) {
    collectEnums((value as Record<string, unknown>)[step], steps, index + 1, check, found);
  }
}

export class BodyMismatch extends Error {}

/**
 * The body as kept: a list without its malformed items, everything else as sent.
 * Throws BodyMismatch (the caller turns it into EsiResponseInvalidError) for a body
 * that breaks the spec in what is read.
 */
export function checkBody(
  method: string,
  path: string,
  body: unknown,
  reads: readonly string[] | undefined,
  warn: (warning: Omit<EsiWarning, "route">) => void,
): unknown {
  const check = checker(method, path, reads);
  if (!check?.validate) return body;
  let kept = body;
  if (check.list) {
    if (!Array.isArray(body)) throw new BodyMismatch("(root) must be array");
    const good: unknown[] = [];
    for (const [i, item] of body.entries()) {
      if (check.validate(item)) good.push(item);
      else {
        const problem = firstProblem(check.validate);
        warn({ kind: "item-left-out", field: problem, value: String(i), message: `item ${i} left out: ${problem}` });
      }
    }
    kept = good.length === body.length ? body : good;
  } else if (!check.validate(body)) throw new BodyMismatch(firstProblem(check.validate));
  for (const e of check.enums) {
    const found: Json[] = [];
    collectEnums(kept, e.steps, 0, e, found);
    for (const value of new Set(found)) {
      warn({
        kind: "unknown-enum",
        field: e.field,
        value: String(value),
        message: `${e.field} ${JSON.stringify(value)} is not in the spec's enum; stored as given`,
      });
    }
  }
  return kept;
}

const logged = new Set<string>();
const LOGGED_MAX = 10_000;

/** What makes two warnings the same: a left-out item counts by its problem, not by its position in the list. */
export function warningKey(warning: EsiWarning): string {
  const value = warning.kind === "item-left-out" ? "" : warning.value;
  return `${warning.route} ${warning.kind} ${warning.field} ${value}`;
}

/** Logs a warning the first time this process sees its route, field and value. */
export function logOnce(warning: EsiWarning): void {
  const key = warningKey(warning);
  if (logged.has(key)) return;
  if (logged.size >= LOGGED_MAX) logged.clear();
  logged.add(key);
  logger().warn({ route: warning.route }, `ESI ${warning.route}: ${warning.message}`);
}
