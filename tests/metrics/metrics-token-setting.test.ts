// METRICS_TOKEN: unset, the metrics endpoint is off; a value too short or with spaces
// stops startup naming the setting, never printing the value.
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/env";
import { TEST_CIPHER_KEY } from "../support/app-deps";

const base = { MEMBERAUDIT_MODE: "demo", AUTH_SECRET: "a".repeat(32), TOKEN_ENCRYPTION_KEY: TEST_CIPHER_KEY };

describe("METRICS_TOKEN", () => {
  it("is off when unset and kept when good", () => {
    expect(parseEnv(base).metricsToken).toBeUndefined();
    expect(parseEnv({ ...base, METRICS_TOKEN: "0123456789abcdef0123" }).metricsToken).toBe("0123456789abcdef0123");
  });

  for (const bad of ["short", "has a space in it 0123456789"]) {
    it(`refuses ${JSON.stringify(bad)} naming the setting`, () => {
      let thrown: unknown;
      try {
        parseEnv({ ...base, METRICS_TOKEN: bad });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).setting).toBe("METRICS_TOKEN");
      expect((thrown as ConfigError).message).not.toContain(bad);
    });
  }
});
