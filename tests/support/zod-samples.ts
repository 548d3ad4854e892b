// A valid sample value for a zod schema, read from the schema itself, so a test can
// start from an input a procedure accepts and spoil one field at a time. Leaves try a
// few plain candidates and keep the first the leaf's own checks accept.
import type { z } from "zod";

type Schema = z.ZodType;

const CANDIDATES: Record<string, unknown[]> = {
  string: ["Fuzz sample", "ab", "1", "x"],
  number: [1, 2, 5, 50, 0],
  boolean: [false, true],
  bigint: [1n],
};

function defOf(schema: Schema): Record<string, any> {
  return (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
}

function firstAccepted(schema: Schema, candidates: unknown[]): unknown {
  return candidates.find((c) => schema.safeParse(c).success) ?? candidates[0];
}

/** A value `schema` accepts (best effort: check with safeParse), every optional key filled in. */
export function sampleOf(schema: Schema): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return Object.fromEntries(Object.entries(def.shape as Record<string, Schema>).map(([k, v]) => [k, sampleOf(v)]));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return sampleOf(def.innerType);
    case "pipe":
      return sampleOf(def.in);
    case "union":
      return firstAccepted(
        schema,
        (def.options as Schema[]).map((o) => sampleOf(o)),
      );
    case "array":
      return [sampleOf(def.element)];
    case "tuple":
      return (def.items as Schema[]).map((i) => sampleOf(i));
    case "enum":
      return Object.values(def.entries as Record<string, unknown>)[0];
    case "literal":
      return (def.values as unknown[])[0];
    case "date":
      return new Date();
    case "lazy":
      return sampleOf(def.getter());
    default:
      return firstAccepted(schema, CANDIDATES[def.type] ?? ["x"]);
  }
}

/** A procedure's inputs (tRPC lets a procedure chain several object schemas) merged into one sample. */
export function mergedSample(schemas: readonly Schema[]): Record<string, unknown> | undefined {
  if (schemas.length === 0) return undefined;
  const samples = schemas.map((s) => sampleOf(s));
  if (!samples.every((s) => s !== null && typeof s === "object" && !Array.isArray(s))) return undefined;
  return Object.assign({}, ...samples) as Record<string, unknown>;
}

/** Every path into the value (object keys and array indexes, not the root), outermost first. */
export function pathsOf(value: unknown, maxDepth = 3, prefix: (string | number)[] = []): (string | number)[][] {
  if (prefix.length >= maxDepth || value === null || typeof value !== "object" || value instanceof Date) return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, maxDepth, [...prefix, key])]);
}

/** A copy of `value` with the value at `path` replaced. */
export function withValueAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[head!] = withValueAt(copy[head!], rest, replacement);
  return copy;
}
