// The two settings of the audit log and the API tokens: defaults, and a bad value
// stops start-up naming the setting.
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/env";

const demo = {
  MEMBERAUDIT_MODE: "demo",
  AUTH_SECRET: "x".repeat(40),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

function settingRefused(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.setting;
    throw error;
  }
  return "(accepted)";
}

describe("audit and API token settings", () => {
  it("keeps a year of audit and allows 120 token calls a minute by default", () => {
    expect(parseEnv(demo)).toMatchObject({ auditRetentionDays: 365, apiTokenRatePerMinute: 120 });
    expect(
      parseEnv({ ...demo, MEMBERAUDIT_AUDIT_RETENTION_DAYS: "30", MEMBERAUDIT_API_TOKEN_RATE_PER_MINUTE: "10" }),
    ).toMatchObject({ auditRetentionDays: 30, apiTokenRatePerMinute: 10 });
  });

  it.each([
    ["MEMBERAUDIT_AUDIT_RETENTION_DAYS", "0"],
    ["MEMBERAUDIT_AUDIT_RETENTION_DAYS", "a year"],
    ["MEMBERAUDIT_API_TOKEN_RATE_PER_MINUTE", "0"],
    ["MEMBERAUDIT_API_TOKEN_RATE_PER_MINUTE", "1.5"],
  ])("names %s=%s", (setting, value) => {
    expect(settingRefused({ ...demo, [setting]: value })).toBe(setting);
  });
});
