import { describe, expect, it } from "vitest";
import { SECTIONS } from "~/server/sections/registry";
import { deriveCharacterStatus } from "~/server/updates/character-status";
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";

const settings = DEFAULT_ENGINE_SETTINGS;
const allScopes = [...new Set(SECTIONS.flatMap((s) => s.scopes))];
const done = (section: string, over: object = {}) => ({
  section,
  isSuccess: true,
  startedAt: new Date(1000),
  finishedAt: new Date(2000),
  errorMessage: null,
  isTokenError: false,
  ...over,
});
const everyOk = () => enabledSections(settings).map((s) => done(s.name));
const derive = (over: Partial<Parameters<typeof deriveCharacterStatus>[0]>) =>
  deriveCharacterStatus(
    { isEnabled: true, token: { status: "VALID", scopes: allScopes }, rows: everyOk(), ...over },
    settings,
  ).overall;

describe("overall character status", () => {
  it("is ok when every enabled section last succeeded", () => expect(derive({})).toBe("ok"));
  it("is disabled when the character is disabled", () => expect(derive({ isEnabled: false })).toBe("disabled"));
  it("is an error with an invalid token or a failed section", () => {
    expect(derive({ token: { status: "INVALID", scopes: allScopes } })).toBe("error");
    expect(
      derive({ rows: [...everyOk().slice(1), done(enabledSections(settings)[0]!.name, { isSuccess: false })] }),
    ).toBe("error");
  });
  it("is in progress while a section runs or has never run", () => {
    expect(derive({ rows: everyOk().slice(1) })).toBe("in_progress");
    expect(
      derive({
        rows: [...everyOk().slice(1), done(enabledSections(settings)[0]!.name, { startedAt: new Date(3000) })],
      }),
    ).toBe("in_progress");
  });
  it("is a limited token when scopes are missing, even though those sections fail", () => {
    const first = enabledSections(settings).find((s) => s.scopes.length > 0)!;
    const rows = [
      ...everyOk().filter((r) => r.section !== first.name),
      done(first.name, { isSuccess: false, isTokenError: true }),
    ];
    expect(
      derive({ token: { status: "VALID", scopes: allScopes.filter((s) => !first.scopes.includes(s)) }, rows }),
    ).toBe("limited_token");
  });
});
