// Registering a character must ask for every scope some enabled section needs, or
// the section could never update and the character would show as "token lacks scopes".
import { describe, expect, it } from "vitest";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { SECTIONS } from "~/server/sections/registry";

describe("registration scopes", () => {
  it("cover every scope of every section in the registry", () => {
    const asked = new Set<string>(CHARACTER_SCOPES);
    const missing = SECTIONS.flatMap((s) =>
      s.scopes.filter((scope) => !asked.has(scope)).map((scope) => `${s.name}: ${scope}`),
    );
    expect(missing).toEqual([]);
  });

  it("ask for no scope twice", () => {
    expect(new Set(CHARACTER_SCOPES).size).toBe(CHARACTER_SCOPES.length);
  });
});
