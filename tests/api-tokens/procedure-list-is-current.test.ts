// docs/api-procedures.md is generated from the router (npm run docs:api): a procedure
// added, removed, re-typed or re-marked without regenerating it fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { procedureRows, renderProcedureList } from "~/server/api/procedure-list";

describe("the generated procedure list", () => {
  it("matches the router exactly (run npm run docs:api after changing procedures)", () => {
    const file = readFileSync(path.resolve(import.meta.dirname, "../../docs/api-procedures.md"), "utf8");
    expect(file).toBe(renderProcedureList());
  });

  it("names each procedure's input and whether a token may call it", () => {
    const rows = Object.fromEntries(procedureRows().map((r) => [r.path, r]));
    expect(rows["sheet.industry.get"]).toMatchObject({
      kind: "query",
      sessionOnly: false,
      input: "{ characterId: number }",
    });
    expect(rows["admin.setActive"]).toMatchObject({ kind: "mutation", sessionOnly: true });
    expect(rows["apiTokens.create"]!.input).toContain("expiresInDays: number");
  });
});
