// Validates simulator bodies against the response schemas of CCP's OpenAPI
// document (3.0.3, 2026-07-17) with ajv. The spec's schemas are turned into
// JSON Schema: $refs inlined, OpenAPI's `nullable` made a null type, and
// objects closed (additionalProperties: false) so a misspelt or invented field
// fails instead of passing as an extra.
import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

type Schema = { [key: string]: unknown };

const SPEC_FILE = new URL("../../src/server/esi/openapi/esi-openapi-3.0.3-2026-07-17.json", import.meta.url);

let spec: Schema | undefined;
const document = (): Schema => (spec ??= JSON.parse(readFileSync(SPEC_FILE, "utf8")) as Schema);

const isObject = (value: unknown): value is Schema =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function resolveRef(ref: string): Schema {
  let node: unknown = document();
  for (const part of ref.replace(/^#\//, "").split("/")) node = isObject(node) ? node[part] : undefined;
  if (!isObject(node)) throw new Error(`Unresolvable $ref ${ref}`);
  return node;
}

/** OpenAPI 3.0 schema → closed JSON Schema; `seen` stops recursive $refs. */
function toJsonSchema(schema: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item, seen));
  if (!isObject(schema)) return schema;
  if (typeof schema.$ref === "string") {
    if (seen.includes(schema.$ref)) return {};
    return toJsonSchema(resolveRef(schema.$ref), [...seen, schema.$ref]);
  }
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "nullable" || key === "example" || key === "description" || key.startsWith("x-")) continue;
    out[key] =
      key === "properties" && isObject(value)
        ? Object.fromEntries(Object.entries(value).map(([name, child]) => [name, toJsonSchema(child, seen)]))
        : toJsonSchema(value, seen);
  }
  if (out.type === "object" && out.additionalProperties === undefined && isObject(out.properties))
    out.additionalProperties = false;
  if (schema.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

/** The JSON Schema of an operation's response body; throws when the spec has none. */
export function responseSchema(method: string, path: string, status: number): Schema {
  const operation = (document().paths as Schema | undefined)?.[path];
  const op = isObject(operation) ? operation[method.toLowerCase()] : undefined;
  if (!isObject(op)) throw new Error(`The spec has no operation ${method.toUpperCase()} ${path}`);
  const responses = isObject(op.responses) ? op.responses : {};
  const response = responses[String(status)] ?? (status >= 400 ? responses.default : undefined);
  const content = isObject(response) && isObject(response.content) ? response.content["application/json"] : undefined;
  if (!isObject(content) || !isObject(content.schema))
    throw new Error(`${method.toUpperCase()} ${path} declares no JSON body for ${status}`);
  return toJsonSchema(content.schema) as Schema;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function engine(): Ajv {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: under ESM interop the plugin may sit on `default`.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
    instance: Ajv,
  ) => void;
  addFormats(ajv);
  return ajv;
}

/** Problems of `body` against the response schema; empty when it conforms. */
export function validate(method: string, path: string, status: number, body: unknown): string[] {
  const key = `${method.toUpperCase()} ${path} ${status}`;
  let check = compiled.get(key);
  if (!check) {
    check = engine().compile(responseSchema(method, path, status));
    compiled.set(key, check);
  }
  if (check(body)) return [];
  return (check.errors ?? []).map(
    (e) =>
      `${e.instancePath || "$"} ${e.message ?? "is invalid"}${e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ""}`,
  );
}
