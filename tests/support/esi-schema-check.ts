// A strict checker for the subset of OpenAPI 3.0 schema used by ESI's response
// schemas (type, format, enum, required, properties, items). Strict means a
// property the spec does not declare is an error too, so a typo in a field name
// cannot slip through as an "extra" field.
import schemas from "./fixtures/esi-response-schemas.json";

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function check(schema: Schema, value: unknown, at: string, errors: string[]): void {
  switch (schema.type) {
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        errors.push(`${at}: expected object`);
        return;
      }
      const record = value as Record<string, unknown>;
      for (const name of schema.required ?? []) if (!(name in record)) errors.push(`${at}.${name}: required`);
      for (const [name, child] of Object.entries(record)) {
        const childSchema = schema.properties?.[name];
        if (!childSchema) errors.push(`${at}.${name}: not declared in the spec`);
        else check(childSchema, child, `${at}.${name}`, errors);
      }
      return;
    }
    case "array":
      if (!Array.isArray(value)) {
        errors.push(`${at}: expected array`);
        return;
      }
      if (schema.minItems !== undefined && value.length < schema.minItems)
        errors.push(`${at}: fewer than ${schema.minItems} items`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems)
        errors.push(`${at}: more than ${schema.maxItems} items`);
      if (schema.items) for (const [i, item] of value.entries()) check(schema.items, item, `${at}[${i}]`, errors);
      return;
    case "integer":
      if (!Number.isInteger(value)) errors.push(`${at}: expected integer`);
      break;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) errors.push(`${at}: expected number`);
      break;
    case "boolean":
      if (typeof value !== "boolean") errors.push(`${at}: expected boolean`);
      break;
    case "string":
      if (typeof value !== "string") {
        errors.push(`${at}: expected string`);
        return;
      }
      if (schema.format === "date-time" && (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value))))
        errors.push(`${at}: not a date-time`);
      if (schema.format === "uuid" && !UUID.test(value)) errors.push(`${at}: not a uuid`);
      break;
    default:
      errors.push(`${at}: schema type ${String(schema.type)} not supported by this checker`);
  }
  if (schema.enum && !schema.enum.includes(value))
    errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
}

export type EsiOperation = keyof typeof schemas.schemas;

/** Problems of `value` against the spec's 200 response schema of `operation`; empty when valid. */
export function schemaErrors(operation: EsiOperation, value: unknown): string[] {
  const errors: string[] = [];
  check(schemas.schemas[operation] as Schema, value, "$", errors);
  return errors;
}

export function requiredFields(operation: EsiOperation): string[] {
  const schema = schemas.schemas[operation] as Schema;
  return (schema.items ?? schema).required ?? [];
}
