// MEMBERAUDIT_COMPLIANCE_GRACE_HOURS: how long a compliance group member who stops qualifying stays.
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/env";

const demo = {
  MEMBERAUDIT_MODE: "demo",
  AUTH_SECRET: "x".repeat(40),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

function refusal(value: string): ConfigError {
  try {
    parseEnv({ ...demo, MEMBERAUDIT_COMPLIANCE_GRACE_HOURS: value });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("compliance grace hours setting", () => {
  it("is 0 by default and takes whole hours up to a year", () => {
    expect(parseEnv(demo).complianceGraceHours).toBe(0);
    expect(parseEnv({ ...demo, MEMBERAUDIT_COMPLIANCE_GRACE_HOURS: "120" }).complianceGraceHours).toBe(120);
  });

  it.each(["-1", "1.5", "soon", "8761"])("stops startup naming the setting for %s", (value) => {
    const error = refusal(value);
    expect(error.setting).toBe("MEMBERAUDIT_COMPLIANCE_GRACE_HOURS");
    expect(error.message).toMatch(/^Invalid setting MEMBERAUDIT_COMPLIANCE_GRACE_HOURS: /);
  });
});
