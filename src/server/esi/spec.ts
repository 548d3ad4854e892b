// What the client needs from CCP's OpenAPI document at run time: per operation
// its scope, rate-limit group (x-rate-limit), cache age and paging style, and a
// validator for its success body. Validators are compiled lazily, once per
// operation, by ajv from the document itself (OpenAPI 3.0 `nullable` rewritten
// to JSON Schema), so a body that drifts from the spec is a typed error.
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import document from "./openapi/esi-openapi-3.0.3-2026-07-17.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export type Paging = "x-pages" | "from_id" | "last_mail_id" | "from_event" | undefined;

export interface RateLimitSpec {
  group: string;
  maxTokens: number;
  windowSeconds: number;
}

export interface OperationSpec {
  method: string;
  path: string;
  operationId: string;
  /** Scopes of the OAuth2 security requirement; empty for public routes. */
  scopes: string[];
  rateLimit: RateLimitSpec | undefined;
  cacheSeconds: number | undefined;
  paging: Paging;
  successStatus: number | undefined;
}

const SCHEMA_ID = "esi";

/** "15m" / "1h" / "30s" → seconds; undefined when unreadable. */
export function windowSeconds(text: string): number | undefined {
  const match = /^(\d+)\s*([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[match[2] as "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}

function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function resolveParameter(parameter: Json): JsonObject | undefined {
  const object = asObject(parameter);
  const ref = object?.$ref;
  if (typeof ref === "string" && ref.startsWith("#/components/parameters/")) {
    const components = asObject(asObject((document as unknown as JsonObject).components)?.parameters);
    return asObject(components?.[ref.slice("#/components/parameters/".length)]);
  }
  return object;
}

function describe(method: string, path: string, op: JsonObject): OperationSpec {
  const queryNames = new Set(
    ((op.parameters as Json[] | undefined) ?? [])
      .map(resolveParameter)
      .filter((p) => p?.in === "query")
      .map((p) => String(p?.name)),
  );
  const paging: Paging = queryNames.has("page")
    ? "x-pages"
    : queryNames.has("from_id")
      ? "from_id"
      : queryNames.has("last_mail_id")
        ? "last_mail_id"
        : queryNames.has("from_event")
          ? "from_event"
          : undefined;
  const security = (op.security as Json[] | undefined) ?? [];
  const scopes = security.flatMap((requirement) =>
    ((asObject(requirement)?.OAuth2 as Json[] | undefined) ?? []).map(String),
  );
  const rate = asObject(op["x-rate-limit"]);
  const rateWindow = rate ? windowSeconds(String(rate["window-size"])) : undefined;
  const responses = asObject(op.responses) ?? {};
  const success = Object.keys(responses)
    .filter((code) => /^2\d\d$/.test(code))
    .map(Number)
    .sort()[0];
  return {
    method: method.toUpperCase(),
    path,
    operationId: String(op.operationId ?? `${method} ${path}`),
    scopes,
    rateLimit:
      rate && typeof rate.group === "string" && rateWindow
        ? { group: rate.group, maxTokens: Number(rate["max-tokens"]), windowSeconds: rateWindow }
        : undefined,
    cacheSeconds: typeof op["x-cache-age"] === "number" ? op["x-cache-age"] : undefined,
    paging,
    successStatus: success,
  };
}

let operations: Map<string, OperationSpec> | undefined;

function operationIndex(): Map<string, OperationSpec> {
  if (!operations) {
    operations = new Map();
    const paths = asObject((document as unknown as JsonObject).paths) ?? {};
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(asObject(item) ?? {})) {
        const object = asObject(op);
        if (object && ["get", "post", "put", "delete"].includes(method)) {
          operations.set(`${method.toUpperCase()} ${path}`, describe(method, path, object));
        }
      }
    }
  }
  return operations;
}

/** The operation for `method` and a path template as the spec spells it; throws for unknown ones. */
export function operationSpec(method: string, path: string): OperationSpec {
  const spec = operationIndex().get(`${method.toUpperCase()} ${path}`);
  if (!spec) throw new Error(`ESI has no operation ${method.toUpperCase()} ${path} in the ${specVersion()} spec`);
  return spec;
}

export function allOperations(): OperationSpec[] {
  return [...operationIndex().values()];
}

export function specVersion(): string {
  return String(asObject((document as unknown as JsonObject).info)?.version);
}

// ---- response validation -------------------------------------------------------------

/**
 * OpenAPI 3.0 → JSON Schema: `nullable: true` becomes "or null"; local refs point into the registered
 * document; annotations (`example`, `x-*`) and `uniqueItems` are dropped.
 */
export function toJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  const object = asObject(schema);
  if (!object) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    // uniqueItems is not enforced: a repeated entry in a list we store is harmless, failing the whole section is not.
    if (key === "nullable" || key === "example" || key === "uniqueItems" || key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string" && value.startsWith("#/")) out.$ref = `${SCHEMA_ID}${value}`;
    else if (key === "properties" || key === "patternProperties" || key === "definitions") {
      // Keys here are names, not keywords: convert the values only.
      out[key] = Object.fromEntries(
        Object.entries(asObject(value) ?? {}).map(([name, child]) => [name, toJsonSchema(child)]),
      );
    } else out[key] = toJsonSchema(value);
  }
  if (object.nullable === true) return { anyOf: [out, { type: "null" }] };
  return out;
}

/** An Ajv engine that knows the formats CCP's document uses (int32 bounded, the others as JSON numbers). */
export function newEsiAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, code: { optimize: true } });
  // ajv-formats ships CommonJS; its default export is the plugin under ESM interop.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
    a: Ajv,
    f: string[],
  ) => void;
  addFormats(ajv, ["date", "date-time", "uuid"]);
  ajv.addFormat("int32", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647,
  });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat("double", { type: "number", validate: () => true });
  ajv.addFormat("float", { type: "number", validate: () => true });
  return ajv;
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction | null>();

function validatorEngine(): Ajv {
  if (!ajv) {
    ajv = newEsiAjv();
    const components = asObject((document as unknown as JsonObject).components) ?? {};
    ajv.addSchema(
      { $id: SCHEMA_ID, components: { schemas: toJsonSchema(components.schemas ?? {}) } } as JsonObject,
      SCHEMA_ID,
    );
  }
  return ajv;
}

/** The compiled validator of the operation's success body; null when the spec declares no JSON body. */
export function responseValidator(method: string, path: string): ValidateFunction | null {
  const key = `${method.toUpperCase()} ${path}`;
  const cached = validators.get(key);
  if (cached !== undefined) return cached;
  const spec = operationSpec(method, path);
  const op = asObject(asObject(asObject((document as unknown as JsonObject).paths)?.[path])?.[method.toLowerCase()]);
  const response = asObject(asObject(op?.responses)?.[String(spec.successStatus)]);
  const schema = asObject(asObject(asObject(response?.content)?.["application/json"])?.schema);
  const validator = schema ? validatorEngine().compile(toJsonSchema(schema) as JsonObject) : null;
  validators.set(key, validator);
  return validator;
}

/** undefined when valid, else a one-line description of the first problem. */
export function validateResponse(method: string, path: string, body: unknown): string | undefined {
  const validate = responseValidator(method, path);
  if (!validate || validate(body)) return undefined;
  const first = validate.errors?.[0];
  if (!first) return "invalid";
  return `${first.instancePath || "(root)"} ${first.message ?? "invalid"}`;
}
