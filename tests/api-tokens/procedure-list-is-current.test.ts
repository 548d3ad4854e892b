// docs/api-procedures.md is generated from the router (npm run docs:api): a procedure
// added, removed, re-typed (input or output) or re-marked without regenerating it fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ProcedureRow, procedureRows, renderProcedureList } from "~/server/api/procedure-list";
import { type ProcedureOutputs, procedureOutputs } from "~/server/api/procedure-outputs";

let rows: ProcedureRow[];
let outputs: ProcedureOutputs;

beforeAll(() => {
  const started = performance.now();
  rows = procedureRows();
  outputs = procedureOutputs(rows.map((r) => r.path));
  // A figure, not an assertion: the compiler's program over the router is most of it.
  console.log(
    `procedure list: ${rows.length} procedures, ${outputs.types.length} named types, output types in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}, 180_000);

describe("the generated procedure list", () => {
  it("matches the router exactly (run npm run docs:api after changing procedures)", () => {
    const file = readFileSync(path.resolve(import.meta.dirname, "../../docs/api-procedures.md"), "utf8");
    expect(file).toBe(renderProcedureList(rows, outputs));
  });

  it("names each procedure's input and whether a token may call it", () => {
    const byPath = Object.fromEntries(rows.map((r) => [r.path, r]));
    expect(byPath["sheet.industry.get"]).toMatchObject({
      kind: "query",
      sessionOnly: false,
      input: "{ characterId: number }",
    });
    expect(byPath["admin.setActive"]).toMatchObject({ kind: "mutation", sessionOnly: true });
    expect(byPath["apiTokens.create"]!.input).toContain("expiresInDays: number");
  });

  it("gives each procedure's output as the compiler infers it, the app's named types written out once", () => {
    expect(outputs.outputs.size).toBe(rows.length);
    expect(outputs.outputs.get("characters.mine")).toBe("MyCharacter[]");
    expect(outputs.outputs.get("admin.setActive")).toBe("void");
    expect(outputs.outputs.get("apiTokens.create")).toContain("\n  token: string;\n");
    expect(outputs.outputs.get("sheet.industry.get")).toContain("blueprints: BlueprintRow[];");
    const blueprint = outputs.types.find((t) => t.name === "BlueprintRow");
    expect(blueprint?.source).toBe("src/server/sheet/industry.ts");
    expect(blueprint?.definition).toMatch(/^\{\n {2}\w+\??: /);
    const names = outputs.types.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    const everything = [...outputs.outputs.values(), ...outputs.types.map((t) => t.definition)].join("\n");
    // Nothing the reader cannot resolve: no compiler paths, no anonymous names, no truncation.
    expect(everything).not.toMatch(/import\(|__type|__object|\.\.\. \d+ more/);
  });
});
