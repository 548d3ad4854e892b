// A section's `reads` make every other required field optional, so a typo there would
// silently stop checking a field the section stores. Every declared route must be one
// of the section's routes and every dotted path a field of the spec's success body.
import { describe, expect, it } from "vitest";
import document from "~/server/esi/openapi/esi-openapi-3.0.3-2026-07-17.json";
import { SECTIONS } from "~/server/sections/registry";

type Schema = { $ref?: string; type?: string; items?: Schema; properties?: Record<string, Schema> };
const doc = document as unknown as {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
};

const deref = (schema: Schema | undefined): Schema | undefined => {
  let current = schema;
  while (current?.$ref) current = doc.components.schemas[current.$ref.split("/").pop()!];
  return current;
};
/** Arrays are transparent, as in the tolerant check. */
const through = (schema: Schema | undefined): Schema | undefined => {
  let current = deref(schema);
  while (current?.type === "array") current = deref(current.items);
  return current;
};

function fieldExists(route: string, field: string): boolean {
  const [method, path] = route.split(" ") as [string, string];
  const responses = doc.paths[path]?.[method.toLowerCase()]?.responses ?? {};
  const success = Object.entries(responses).find(([status]) => status.startsWith("2"))?.[1];
  let schema = through(success?.content?.["application/json"]?.schema);
  for (const step of field.split(".")) schema = through(schema?.properties?.[step]);
  return schema !== undefined;
}

const declared = SECTIONS.filter((s) => s.reads).flatMap((s) =>
  Object.entries(s.reads!).map(([route, fields]) => ({ section: s, route, fields })),
);

describe("sections' declared reads", () => {
  it("cover the sections the tolerant checks must spare", () => {
    const names = new Set(declared.map((d) => d.section.name));
    for (const name of ["assets", "killmails", "planets", "wallet_journal", "online_status", "character_details"])
      expect(names).toContain(name);
  });

  it.each(declared.map((d) => [`${d.section.name} ${d.route}`, d] as const))("%s", (_, { section, route, fields }) => {
    expect(section.routes).toContain(route);
    expect(fields.filter((field) => !fieldExists(route, field))).toEqual([]);
  });

  it("would notice a misspelt field", () => {
    expect(fieldExists("GET /characters/{character_id}/assets", "location_flag")).toBe(true);
    expect(fieldExists("GET /characters/{character_id}/assets", "location_flags")).toBe(false);
    expect(fieldExists("GET /killmails/{killmail_id}/{killmail_hash}", "victim.items.items.item_type_id")).toBe(true);
  });
});
