// LOG_LEVEL, LOG_FORMAT and SHUTDOWN_TIMEOUT_SECONDS: their defaults, and a bad value
// refused naming the setting.
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/env";

const key = Buffer.alloc(32, 1).toString("base64");
const demo = { MEMBERAUDIT_MODE: "demo", AUTH_SECRET: "x".repeat(40), TOKEN_ENCRYPTION_KEY: key };
const production = {
  ...demo,
  MEMBERAUDIT_MODE: "production",
  APP_URL: "https://audit.example.org",
  EVE_SSO_CLIENT_ID: "abc",
  EVE_SSO_CLIENT_SECRET: "def",
};

function refusal(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("log and shutdown settings", () => {
  it("log JSON at info in production and text in the demo, and wait 25 s on a stop, by default", () => {
    expect(parseEnv(production).log).toEqual({ level: "info", format: "json" });
    expect(parseEnv(demo).log).toEqual({ level: "info", format: "text" });
    expect(parseEnv(production).shutdownTimeoutSeconds).toBe(25);
  });

  it("take the values given", () => {
    const settings = parseEnv({ ...demo, LOG_LEVEL: "debug", LOG_FORMAT: "json", SHUTDOWN_TIMEOUT_SECONDS: "60" });
    expect(settings.log).toEqual({ level: "debug", format: "json" });
    expect(settings.shutdownTimeoutSeconds).toBe(60);
  });

  it("refuse bad values naming the setting", () => {
    expect(refusal({ ...demo, LOG_LEVEL: "loud" })).toMatch(/^Invalid setting LOG_LEVEL: must be one of fatal, error/);
    expect(refusal({ ...demo, LOG_FORMAT: "xml" })).toBe("Invalid setting LOG_FORMAT: must be json or text");
    expect(refusal({ ...demo, SHUTDOWN_TIMEOUT_SECONDS: "0" })).toMatch(/^Invalid setting SHUTDOWN_TIMEOUT_SECONDS: /);
    expect(refusal({ ...demo, SHUTDOWN_TIMEOUT_SECONDS: "soon" })).toBe(
      "Invalid setting SHUTDOWN_TIMEOUT_SECONDS: must be a number of seconds",
    );
  });
});
