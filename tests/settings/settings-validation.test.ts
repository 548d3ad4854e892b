import { describe, expect, it } from "vitest";
import { ConfigError, formatConfigError, parseEnv } from "~/env";

const key = Buffer.alloc(32, 1).toString("base64");
const demo = { MEMBERAUDIT_MODE: "demo", AUTH_SECRET: "x".repeat(40), TOKEN_ENCRYPTION_KEY: key };
const production = {
  MEMBERAUDIT_MODE: "production",
  APP_URL: "https://audit.example.org",
  AUTH_SECRET: "x".repeat(40),
  TOKEN_ENCRYPTION_KEY: key,
  EVE_SSO_CLIENT_ID: "abc",
  EVE_SSO_CLIENT_SECRET: "def",
};

function errorOf(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("settings validation", () => {
  it("accepts a complete production configuration and derives the SSO callback", () => {
    const settings = parseEnv(production);
    expect(settings.sso.callbackUrl).toBe("https://audit.example.org/api/auth/callback/eveonline");
    expect(settings.sso.baseUrl).toBe("https://login.eveonline.com");
    expect(settings.esi.baseUrl).toBe("https://esi.evetech.net");
    expect(settings.inngest.enabled).toBe(false);
  });

  it.each(["APP_URL", "EVE_SSO_CLIENT_ID", "EVE_SSO_CLIENT_SECRET", "TOKEN_ENCRYPTION_KEY", "AUTH_SECRET"])(
    "names %s when production lacks it",
    (setting) => {
      const error = errorOf({ ...production, [setting]: undefined });
      expect(error.setting).toBe(setting);
      expect(formatConfigError(error)).toMatch(new RegExp(`^Invalid setting ${setting}: .*required`));
    },
  );

  it("names a malformed database URL", () => {
    const error = errorOf({ ...demo, DATABASE_URL: "mysql://x" });
    expect(error.setting).toBe("DATABASE_URL");
    expect(error.reason).toContain("postgresql://");
  });

  it("rejects an encryption key that is not 32 bytes", () => {
    const error = errorOf({ ...demo, TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") });
    expect(error.setting).toBe("TOKEN_ENCRYPTION_KEY");
    expect(error.reason).toContain("32 bytes");
  });

  it("rejects a non-numeric pool size and an unknown mode", () => {
    expect(errorOf({ ...demo, DATABASE_POOL_MAX: "lots" }).setting).toBe("DATABASE_POOL_MAX");
    expect(errorOf({ ...demo, MEMBERAUDIT_MODE: "staging" }).setting).toBe("MEMBERAUDIT_MODE");
  });

  it("takes JOB_CONCURRENCY as a whole number from 1 to 64, 2 by default", () => {
    expect(parseEnv(demo).jobConcurrency).toBe(2);
    expect(parseEnv({ ...demo, JOB_CONCURRENCY: "8" }).jobConcurrency).toBe(8);
    expect(errorOf({ ...demo, JOB_CONCURRENCY: "0" }).setting).toBe("JOB_CONCURRENCY");
    expect(errorOf({ ...demo, JOB_CONCURRENCY: "many" }).setting).toBe("JOB_CONCURRENCY");
  });

  it("takes the data export settings with Member Audit's defaults, naming a bad one", () => {
    expect(parseEnv(demo).exports).toEqual({ minUpdateAgeMinutes: 60, dailyRebuild: true, chunkRows: 10_000 });
    const set = { ...demo, MEMBERAUDIT_DATA_EXPORT_MIN_UPDATE_AGE: "0", MEMBERAUDIT_DATA_EXPORT_DAILY_REBUILD: "0" };
    expect(parseEnv(set).exports).toMatchObject({ minUpdateAgeMinutes: 0, dailyRebuild: false });
    for (const [setting, value] of [
      ["MEMBERAUDIT_DATA_EXPORT_MIN_UPDATE_AGE", "-1"],
      ["MEMBERAUDIT_DATA_EXPORT_MIN_UPDATE_AGE", "hourly"],
      ["MEMBERAUDIT_DATA_EXPORT_DAILY_REBUILD", "maybe"],
      ["MEMBERAUDIT_DATA_EXPORT_CHUNK_ROWS", "10"],
    ] as const) {
      expect(errorOf({ ...demo, [setting]: value }).setting).toBe(setting);
    }
  });

  it("requires a signing key when an Inngest event key is set outside dev mode", () => {
    expect(errorOf({ ...production, INNGEST_EVENT_KEY: "k" }).setting).toBe("INNGEST_SIGNING_KEY");
    expect(parseEnv({ ...production, INNGEST_EVENT_KEY: "k", INNGEST_SIGNING_KEY: "s" }).inngest.enabled).toBe(true);
  });

  it("runs the demo on embedded defaults with only the generated secrets", () => {
    const settings = parseEnv(demo);
    expect(settings.databaseUrl).toBeUndefined();
    expect(settings.appUrl).toBe("http://localhost:3000");
    expect(settings.sso.clientId).toBe("memberaudit-demo");
  });
});

describe("section settings", () => {
  it("applies stale-minute overrides over the section defaults", () => {
    const settings = parseEnv({ ...demo, MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG: '{"wallet_balance": 30}' });
    expect(settings.engine.staleMinutes.wallet_balance).toBe(30);
    expect(parseEnv(demo).engine.staleMinutes.wallet_balance).toBe(240);
  });

  it("rejects unknown section names and bad values, naming the setting", () => {
    const unknown = errorOf({ ...demo, MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG: '{"walet_balance": 30}' });
    expect(unknown.setting).toBe("MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG");
    expect(unknown.reason).toContain("unknown section(s): walet_balance");
    expect(errorOf({ ...demo, MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG: "{oops" }).reason).toBe("is not valid JSON");
    expect(errorOf({ ...demo, MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG: '{"wallet_balance": -5}' }).setting).toBe(
      "MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG",
    );
    expect(errorOf({ ...demo, MEMBERAUDIT_DATA_RETENTION_LIMIT: "3" }).reason).toContain("at least 7");
    expect(errorOf({ ...demo, MEMBERAUDIT_UPDATE_CRON: "every five minutes" }).setting).toBe("MEMBERAUDIT_UPDATE_CRON");
  });

  it("takes webhook origins as a comma list of origins, none by default, and names the setting for a bad one", () => {
    expect(parseEnv(demo).webhooks.allowedOrigins).toEqual([]);
    const origins = parseEnv({
      ...demo,
      MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS: " HTTPS://Chat.Example.org:443 , http://127.0.0.1:8065",
    });
    expect(origins.webhooks.allowedOrigins).toEqual(["https://chat.example.org", "http://127.0.0.1:8065"]);
    for (const bad of ["chat.example.org", "https://chat.example.org/hooks", "ftp://x.org", "https://u:p@x.org"]) {
      const error = errorOf({ ...demo, MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS: bad });
      expect(error.setting).toBe("MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS");
      expect(error.reason).toContain("is not an origin");
    }
  });
});
