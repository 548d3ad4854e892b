// Settings, validated once. A bad value stops startup with one line naming the
// setting and the reason (see formatConfigError); nothing reads process.env elsewhere.
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";
import { LOG_LEVELS, type LogFormat, type LogLevel } from "~/server/logging/levels";
import { type LdapSettings, ldapSettingsFrom, ldapSettingsIssues, ldapSettingsShape } from "~/server/ldap/settings";
import { normaliseOrigin, type WebhookSettings } from "~/server/notifications/webhook-url";
import type { ExportSettings } from "~/server/exports/requests";
import { effectiveStaleMinutes, parseStaleMinutesConfig, SectionConfigError } from "~/server/sections/settings";
import type { EngineSettings } from "~/server/updates/engine-settings";

export const DEMO_CLIENT = { clientId: "memberaudit-demo", clientSecret: "demo-secret" } as const;
const EVE_SSO_DEFAULT = "https://login.eveonline.com";
const ESI_DEFAULT = "https://esi.evetech.net";
const IMAGES_DEFAULT = "https://images.evetech.net";

const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const optionalString = z
  .string()
  .transform((v) => v.trim())
  .pipe(z.string())
  .optional()
  .transform((v) => (v ? v : undefined));
const flag = z
  .enum(["0", "1", "true", "false", ""], { error: "must be 1/0 or true/false" })
  .optional()
  .transform((v) => v === "1" || v === "true");
const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes, base64-encoded (openssl rand -base64 32)");

const alwaysRequired = [
  ["AUTH_SECRET", "signs session cookies (openssl rand -base64 32)"],
  ["TOKEN_ENCRYPTION_KEY", "encrypts refresh tokens at rest (openssl rand -base64 32)"],
] as const;
const productionOnly = [
  ["APP_URL", "the public URL of this app, e.g. https://audit.example.org"],
  ["EVE_SSO_CLIENT_ID", "from your application at developers.eveonline.com"],
  ["EVE_SSO_CLIENT_SECRET", "from your application at developers.eveonline.com"],
] as const;

const schema = z
  .object({
    MEMBERAUDIT_MODE: z.enum(["demo", "production"], { error: "must be demo or production" }).default("production"),
    APP_URL: url.optional(),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// connection URL")
      .optional(),
    /** Read by the launcher (scripts/launch.ts); checked here so a bad value stops startup naming it. */
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65_535).default(3000),
    DATA_DIR: optionalString,
    /** The demo's launcher: the simulator's port, its off-spec share, the embedded database's port. */
    SIM_PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65_535).default(4010),
    SIM_DRIFT: z.coerce.number({ error: "must be a number from 0 to 1" }).min(0).max(1).default(0),
    EMBEDDED_DB_PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65_535).default(0),
    DEMO_PRELOAD: z.enum(["0", "1", "true", "false"], { error: "must be 1/0 or true/false" }).default("1"),
    /** Set by the launcher when it serves the embedded database (one process owns it). */
    EMBEDDED_DATABASE: flag,
    DATABASE_POOL_MAX: z.coerce.number({ error: "must be a number" }).int().min(1).max(200).default(10),
    /** Job runs this process works on at once (embedded runner); 2 lets a quick job pass a long one. */
    JOB_CONCURRENCY: z.coerce.number({ error: "must be a number" }).int().min(1).max(64).default(2),
    EMBEDDED_DB_DIR: optionalString,
    EVE_SSO_CLIENT_ID: optionalString,
    EVE_SSO_CLIENT_SECRET: optionalString,
    EVE_SSO_BASE_URL: url.default(EVE_SSO_DEFAULT),
    EVE_SSO_ISSUER: z
      .string()
      .regex(/^[a-z0-9.:-]+$/i, "must be a host name such as login.eveonline.com")
      .default("login.eveonline.com"),
    ESI_BASE_URL: url.default(ESI_DEFAULT),
    ESI_CONTACT: optionalString,
    ESI_MAX_CONNECTIONS: z.coerce.number({ error: "must be a number" }).int().min(1).max(256).default(16),
    ESI_TIMEOUT_MS: z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int()
      .min(1000)
      .max(120_000)
      .default(20_000),
    ESI_ERROR_LIMIT_THRESHOLD: z.coerce.number({ error: "must be a number" }).int().min(0).max(99).default(10),
    EVE_IMAGE_BASE_URL: url.default(IMAGES_DEFAULT),
    TOKEN_ENCRYPTION_KEY: base64Key.optional(),
    TOKEN_ENCRYPTION_KEYS_PREVIOUS: z
      .string()
      .optional()
      .transform((v) =>
        v
          ? v
              .split(",")
              .map((k) => k.trim())
              .filter(Boolean)
          : [],
      )
      .pipe(z.array(base64Key)),
    MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG: z
      .string()
      .optional()
      .transform((json, ctx) => {
        try {
          return parseStaleMinutesConfig(json);
        } catch (error) {
          ctx.addIssue({
            code: "custom",
            message: error instanceof SectionConfigError ? error.message : String(error),
          });
          return z.NEVER;
        }
      }),
    MEMBERAUDIT_DATA_RETENTION_LIMIT: z.coerce
      .number({ error: "must be a number of days" })
      .int()
      .min(7, "must be at least 7 days")
      .default(360),
    MEMBERAUDIT_ASSETS_CHUNK_SIZE: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(100)
      .max(50_000)
      .default(2500),
    MEMBERAUDIT_FEATURE_ROLES_ENABLED: flag,
    MEMBERAUDIT_UPDATES_ENABLED: z
      .enum(["0", "1", "true", "false"], { error: "must be 1/0 or true/false" })
      .default("1"),
    MEMBERAUDIT_UPDATE_CRON: z
      .string()
      .default("*/15 * * * *")
      .refine((cron) => {
        try {
          CronExpressionParser.parse(cron, { tz: "UTC" });
          return true;
        } catch {
          return false;
        }
      }, "must be a cron expression such as */15 * * * *"),
    SHARING_TIMEOUT_MINUTES: z.coerce.number({ error: "must be a number of minutes" }).int().min(0).default(0),
    MEMBERAUDIT_NOTIFICATIONS_RETENTION_DAYS: z.coerce
      .number({ error: "must be a number of days" })
      .int()
      .min(1, "must be at least 1 day")
      .max(3650, "must be at most 3650 days")
      .default(90),
    /** Bearer token of /api/metrics; unset, the endpoint answers 404. */
    METRICS_TOKEN: z
      .string()
      .optional()
      .refine(
        (v) => v === undefined || /^[\x21-\x7e]{16,256}$/.test(v),
        "must be 16 to 256 printable characters without spaces (openssl rand -hex 32)",
      ),
    /** Origins webhooks may post to besides Discord's and Slack's (self-hosted Mattermost, a test receiver). */
    MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const origins: string[] = [];
        for (const entry of (v ?? "")
          .split(",")
          .map((e) => e.trim())
          .filter(Boolean)) {
          const origin = normaliseOrigin(entry);
          if (!origin) {
            ctx.addIssue({ code: "custom", message: `"${entry}" is not an origin such as https://chat.example.org` });
            return z.NEVER;
          }
          origins.push(origin);
        }
        return origins;
      }),
    MEMBERAUDIT_COMPLIANCE_GRACE_HOURS: z.coerce
      .number({ error: "must be a number of hours" })
      .int("must be a whole number of hours")
      .min(0, "must be 0 or more hours")
      .max(8760, "must be at most 8760 hours (a year)")
      .default(0),
    MEMBERAUDIT_AUDIT_RETENTION_DAYS: z.coerce
      .number({ error: "must be a number of days" })
      .int()
      .min(1, "must be at least 1 day")
      .max(36500, "must be at most 36500 days")
      .default(365),
    MEMBERAUDIT_API_TOKEN_RATE_PER_MINUTE: z.coerce
      .number({ error: "must be a number of requests per minute" })
      .int()
      .min(1, "must be at least 1")
      .max(100_000, "must be at most 100000")
      .default(120),
    MEMBERAUDIT_DATA_EXPORT_MIN_UPDATE_AGE: z.coerce
      .number({ error: "must be a number of minutes" })
      .int()
      .min(0, "must be 0 or more minutes")
      .max(10_080, "must be at most 10080 minutes (a week)")
      .default(60),
    MEMBERAUDIT_DATA_EXPORT_DAILY_REBUILD: z
      .enum(["0", "1", "true", "false"], { error: "must be 1/0 or true/false" })
      .default("1"),
    MEMBERAUDIT_DATA_EXPORT_CHUNK_ROWS: z.coerce
      .number({ error: "must be a number" })
      .int()
      .min(1000, "must be at least 1000")
      .max(200_000, "must be at most 200000")
      .default(10_000),
    /** Lowest level logged: fatal, error, warn, info, debug, trace or silent. */
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    /** json (one JSON object per line, for a log collector) or text (one readable line); json in production, text in the demo. */
    LOG_FORMAT: z.enum(["json", "text"], { error: "must be json or text" }).optional(),
    /** Seconds a stopping process (SIGTERM/SIGINT) waits for running job steps before it gives their runs back to the queue. */
    SHUTDOWN_TIMEOUT_SECONDS: z.coerce
      .number({ error: "must be a number of seconds" })
      .int()
      .min(1, "must be at least 1 second")
      .max(3600, "must be at most 3600 seconds")
      .default(25),
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_DEV: flag,
    INNGEST_BASE_URL: url.optional(),
    ...ldapSettingsShape,
  })
  .superRefine((v, ctx) => {
    for (const issue of ldapSettingsIssues(v)) ctx.addIssue({ code: "custom", ...issue });
    // The launcher generates both secrets into the data folder for the demo; nobody runs without them.
    for (const [key, why] of alwaysRequired) {
      if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: `is required: ${why}` });
    }
    if (v.MEMBERAUDIT_MODE !== "production") return;
    for (const [key, why] of productionOnly) {
      if (!v[key]) ctx.addIssue({ code: "custom", path: [key], message: `is required in production: ${why}` });
    }
    if (v.INNGEST_EVENT_KEY && !v.INNGEST_DEV && !v.INNGEST_SIGNING_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_SIGNING_KEY"],
        message: "is required when INNGEST_EVENT_KEY is set (outside INNGEST_DEV)",
      });
    }
  });

export type RawEnv = z.input<typeof schema>;

/** Every setting's name, in the schema's order. */
export type SettingName = keyof typeof schema.shape;
export const settingsShape = schema.shape;
export const requiredSettings = {
  always: alwaysRequired.map(([key]) => key) as readonly SettingName[],
  production: productionOnly.map(([key]) => key) as readonly SettingName[],
};

/**
 * The operations manual's settings table (docs/operations.md, "Settings") is generated from
 * the schema above and these lines by `npm run docs:settings`. The default and the allowed
 * values come from the schema where it can say them (numbers' ranges, enums, defaults);
 * `allowed`, `default` and `required` here say what it cannot. Every setting needs a
 * description: tests/settings/settings-table-is-current.test.ts fails for one without.
 */
export interface SettingDoc {
  description: string;
  /** Allowed values when the schema has no range or enum to read them from. */
  allowed?: string;
  /** The default when the schema has none of its own (unset means something). */
  default?: string;
  /** When it is required beyond the always/production lists, e.g. "with `LDAP_URL`". */
  required?: string;
}

const onOff = "`1`/`0` or `true`/`false`";
const ldapFilter = "an LDAP filter in parentheses";

export const settingDocs: { readonly [K in SettingName]?: SettingDoc } = {
  MEMBERAUDIT_MODE: {
    description: "`demo` relaxes the production-only requirements (set by `npm run demo`)",
  },
  APP_URL: {
    description: "public URL of the app, e.g. `https://audit.example.org`",
    allowed: "http(s) URL",
    default: "`http://localhost:3000` (demo)",
  },
  AUTH_SECRET: {
    description: "signs session cookies; `openssl rand -base64 32` (the demo generates one into `DATA_DIR`)",
    allowed: "at least 32 characters",
  },
  DATABASE_URL: {
    description: "the PostgreSQL server (15 or later); without it the embedded PGlite database in `DATA_DIR` is used",
    allowed: "`postgresql://` URL",
    default: "embedded database",
  },
  PORT: { description: "HTTP port the app listens on" },
  DATA_DIR: {
    description: "data folder: the embedded database (`pglite/`) and the demo's generated secrets",
    allowed: "a folder path",
    default: "`.data`",
  },
  SIM_PORT: { description: "`npm run demo`: the ESI/SSO simulator's port on 127.0.0.1" },
  SIM_DRIFT: {
    description:
      "`npm run demo`: the share of the simulator's answers that come shaped like CCP's off-spec ones (docs/esi-client.md)",
  },
  EMBEDDED_DB_PORT: {
    description: "port the launcher serves the embedded database on (127.0.0.1); `0` picks a free one",
  },
  DEMO_PRELOAD: {
    description:
      "`npm run demo`: load market prices and the EVE types the simulator's characters use before the app starts, so the first sheet is complete (about 25 s on a fresh data folder); `0` leaves them to the scheduled jobs",
    allowed: onOff,
    default: "on",
  },
  EMBEDDED_DATABASE: {
    description: "set by the launcher when the database is its embedded PGlite (one connection); do not set by hand",
    allowed: onOff,
    default: "off",
  },
  DATABASE_POOL_MAX: { description: "database connections per process" },
  JOB_CONCURRENCY: {
    description: "background runs the embedded runner works on at once per process (docs/jobs.md)",
  },
  EMBEDDED_DB_DIR: {
    description: "where the embedded database keeps its files; set by the launcher",
    allowed: "a folder path",
    default: "`DATA_DIR/pglite`",
  },
  EVE_SSO_CLIENT_ID: {
    description: "your application at developers.eveonline.com",
    allowed: "text",
    default: "the simulator's client (demo)",
  },
  EVE_SSO_CLIENT_SECRET: {
    description: "your application's secret key",
    allowed: "text",
    default: "the simulator's client (demo)",
  },
  EVE_SSO_BASE_URL: { description: "EVE SSO (the demo points it at the simulator)", allowed: "http(s) URL" },
  EVE_SSO_ISSUER: { description: "the issuer EVE's tokens must name", allowed: "host name" },
  ESI_BASE_URL: { description: "ESI (the demo points it at the simulator)", allowed: "http(s) URL" },
  ESI_CONTACT: {
    description: "your contact (email or URL), sent in the `User-Agent` CCP asks for",
    allowed: "text",
  },
  ESI_MAX_CONNECTIONS: { description: "keep-alive connections to ESI per process" },
  ESI_TIMEOUT_MS: { description: "per-attempt timeout of an ESI request, in milliseconds" },
  ESI_ERROR_LIMIT_THRESHOLD: {
    description: "stop sending when this few ESI errors are left in the window (docs/esi-client.md)",
  },
  EVE_IMAGE_BASE_URL: { description: "portraits and logos", allowed: "http(s) URL" },
  TOKEN_ENCRYPTION_KEY: {
    description:
      "encrypts refresh and access tokens at rest (AES-256-GCM); back it up apart from the database (the demo generates one)",
    allowed: "32 bytes, base64 (`openssl rand -base64 32`)",
  },
  TOKEN_ENCRYPTION_KEYS_PREVIOUS: {
    description: "old keys, still accepted for reading after a rotation",
    allowed: "comma-separated 32-byte base64 keys",
    default: "none",
  },
  MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG: {
    description: 'sections\' stale minutes, overriding their defaults, e.g. `{"assets": 720}`',
    allowed: "JSON: section name → minutes; unknown names stop startup",
    default: "each section's own",
  },
  MEMBERAUDIT_DATA_RETENTION_LIMIT: { description: "days of mails, contracts, journal and transactions kept" },
  MEMBERAUDIT_ASSETS_CHUNK_SIZE: { description: "assets written per batch when a character's assets are rebuilt" },
  MEMBERAUDIT_FEATURE_ROLES_ENABLED: {
    description: "updates corporation roles (off, as in Member Audit)",
    default: "off",
  },
  MEMBERAUDIT_UPDATES_ENABLED: { description: "`0` stops all section updates (for maintenance)" },
  MEMBERAUDIT_UPDATE_CRON: {
    description: "when stale sections are looked for (UTC)",
    allowed: "cron expression",
  },
  SHARING_TIMEOUT_MINUTES: { description: "shares end this many minutes after sharing; `0` = never" },
  MEMBERAUDIT_NOTIFICATIONS_RETENTION_DAYS: {
    description: "days notifications are kept, read or not; purged daily at 03:23 UTC",
  },
  METRICS_TOKEN: {
    description: "bearer token for `/api/metrics` (Prometheus); unset, the endpoint is off (404)",
    allowed: "16–256 printable characters, no spaces (`openssl rand -hex 32`)",
    default: "off",
  },
  MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS: {
    description: "origins webhooks may post to besides Discord and Slack, e.g. `https://chat.example.org`",
    allowed: "comma-separated origins",
    default: "none",
  },
  MEMBERAUDIT_COMPLIANCE_GRACE_HOURS: {
    description: "hours a compliance group member who stops qualifying stays before removal (docs/compliance.md)",
  },
  MEMBERAUDIT_AUDIT_RETENTION_DAYS: {
    description: "days the access audit log keeps; purged daily at 03:41 UTC (docs/audit.md)",
  },
  MEMBERAUDIT_API_TOKEN_RATE_PER_MINUTE: {
    description: "calls per minute one API token may make, per process; past it 429 (docs/api.md)",
  },
  MEMBERAUDIT_DATA_EXPORT_MIN_UPDATE_AGE: {
    description: "minutes before a data export topic may be built again; enforced by the server",
  },
  MEMBERAUDIT_DATA_EXPORT_DAILY_REBUILD: {
    description: "`0` turns off the daily rebuild of every export topic (02:41 UTC)",
  },
  MEMBERAUDIT_DATA_EXPORT_CHUNK_ROWS: { description: "rows per export build step, one stored chunk each" },
  LOG_LEVEL: { description: "lowest level of the log on standard output (docs/operations.md, Logs)" },
  LOG_FORMAT: {
    description: "`json`: one JSON object per line, for a log collector; `text`: one readable line",
    default: "`json` in production, `text` in the demo",
  },
  SHUTDOWN_TIMEOUT_SECONDS: {
    description: "seconds a stopping process (SIGTERM) lets running job steps finish before it gives their runs back",
  },
  INNGEST_EVENT_KEY: {
    description: "sends jobs to Inngest (Cloud or self-hosted) instead of the embedded runner",
    allowed: "text",
    default: "embedded runner",
  },
  INNGEST_SIGNING_KEY: {
    description: "verifies Inngest's calls to `/api/inngest`",
    allowed: "text",
    required: "with `INNGEST_EVENT_KEY`, outside `INNGEST_DEV`",
  },
  INNGEST_DEV: { description: "`1` for the Inngest dev server", default: "off" },
  INNGEST_BASE_URL: { description: "a self-hosted Inngest server (`inngest start`)", allowed: "http(s) URL" },
  LDAP_URL: {
    description: "switches staff sign-in through LDAP on (docs/ldap.md)",
    allowed: "`ldap://host:389` or `ldaps://host:636`",
    default: "off",
  },
  LDAP_START_TLS: { description: "StartTLS on an `ldap://` URL (refused with `ldaps://`)", default: "off" },
  LDAP_TLS_CA_FILE: {
    description: "PEM file of the CA(s) that signed the directory's certificate, beside Node's own",
    allowed: "path of a readable file",
  },
  LDAP_BIND_DN: {
    description: "service account that searches the directory; anonymous when unset",
    allowed: "distinguished name",
    required: "with `LDAP_BIND_PASSWORD`",
  },
  LDAP_BIND_PASSWORD: { description: "its password", allowed: "text", required: "with `LDAP_BIND_DN`" },
  LDAP_USER_SEARCH_BASE: {
    description: "where users are searched (subtree)",
    allowed: "distinguished name",
    required: "with `LDAP_URL`",
  },
  LDAP_USER_FILTER: {
    description: "finds the user; `{username}` is replaced, escaped",
    allowed: `${ldapFilter} with \`{username}\``,
  },
  LDAP_USER_ATTR_MAP: {
    description: "attributes for the display name and email",
    allowed: 'JSON, e.g. `{"displayName":"cn","email":"mail"}`',
    default: '`{"displayName":"cn","email":"mail"}`',
  },
  LDAP_USER_FILTER_EXTRA: { description: "only entries matching it may sign in", allowed: ldapFilter, default: "none" },
  LDAP_GROUP_SEARCH_BASE: {
    description: "where groups are searched; unset, no groups are read",
    allowed: "distinguished name",
    required: "with `LDAP_GROUP_MAPPING` or `LDAP_MIRROR_GROUPS`",
  },
  LDAP_GROUP_FILTER: {
    description: "finds the user's groups; `{dn}` is the user's DN, escaped",
    default: "`groupOfNames` or `groupOfUniqueNames` with the user's DN as member",
    allowed: `${ldapFilter} with \`{dn}\``,
  },
  LDAP_GROUP_MAPPING: {
    description: "group DN → app group name, or `active` / `superuser`",
    allowed: 'JSON, e.g. `{"cn=staff,ou=groups,dc=example,dc=org":"active"}`',
    default: "none",
  },
  LDAP_MIRROR_GROUPS: { description: "mirror LDAP groups as app groups (not with a mapping)", default: "off" },
  LDAP_TIMEOUT_MS: { description: "per LDAP operation, in milliseconds" },
  LDAP_CONNECT_TIMEOUT_MS: { description: "per connection to the directory, in milliseconds" },
  LDAP_THROTTLE_USER_FAILURES: { description: "failed sign-ins per username in the window before refusing" },
  LDAP_THROTTLE_ADDRESS_FAILURES: { description: "failed sign-ins per client address in the window before refusing" },
  LDAP_THROTTLE_WINDOW_SECONDS: { description: "the failure throttle's sliding window, in seconds" },
};

export interface Env {
  mode: "demo" | "production";
  appUrl: string;
  authSecret: string;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  /** Runs the embedded job runner works on at once in this process. */
  jobConcurrency: number;
  /** The database is the launcher's embedded PGlite: one process, one connection. */
  embeddedDatabase: boolean;
  /** Where the embedded database keeps its files; the launcher defaults it to <DATA_DIR>/pglite. */
  embeddedDbDir: string | undefined;
  sso: { clientId: string; clientSecret: string; baseUrl: string; issuer: string; callbackUrl: string };
  esi: {
    baseUrl: string;
    contact: string | undefined;
    connections: number;
    timeoutMs: number;
    errorLimitThreshold: number;
  };
  imageBaseUrl: string;
  engine: EngineSettings;
  /** Shares end this many minutes after sharing; 0 = never. */
  sharingTimeoutMinutes: number;
  /** Notifications older than this many days are purged, read or not. */
  notificationRetentionDays: number;
  /** Where webhooks may post besides Discord and Slack. */
  webhooks: WebhookSettings;
  /** A compliance group member who stops qualifying stays this many hours before removal; 0 = at once. */
  complianceGraceHours: number;
  /** Audit events older than this many days are purged. */
  auditRetentionDays: number;
  /** Calls per minute one API token may make (per process). */
  apiTokenRatePerMinute: number;
  /** Data exports: minimum age between builds, the daily rebuild, rows per build step (docs/exports.md). */
  exports: ExportSettings;
  tokenKeys: { current: string; previous: string[] };
  inngest: { enabled: boolean; eventKey?: string; signingKey?: string; dev: boolean; baseUrl?: string };
  /** Bearer token Prometheus sends to /api/metrics; undefined: the endpoint is off (404). */
  metricsToken: string | undefined;
  /** Staff sign-in through LDAP (docs/ldap.md); undefined unless LDAP_URL is set. */
  ldap: LdapSettings | undefined;
  /** The process's log: lowest level and line format (docs/operations.md, "Logs"). */
  log: { level: LogLevel; format: LogFormat };
  /** Seconds a stopping process waits for running job steps (graceful shutdown). */
  shutdownTimeoutSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    readonly reason: string,
  ) {
    super(`Invalid setting ${setting}: ${reason}`);
    this.name = "ConfigError";
  }
}

/** Pure: parse a settings map. Throws ConfigError naming the first bad setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? "settings"), issue.message);
  }
  const v = result.data;
  const appUrl = (v.APP_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return {
    mode: v.MEMBERAUDIT_MODE,
    appUrl,
    authSecret: v.AUTH_SECRET!,
    databaseUrl: v.DATABASE_URL,
    databasePoolMax: v.DATABASE_POOL_MAX,
    jobConcurrency: v.JOB_CONCURRENCY,
    embeddedDatabase: v.EMBEDDED_DATABASE,
    embeddedDbDir: v.EMBEDDED_DB_DIR,
    sso: {
      // Demo client of the simulator; production requires real ones (checked above).
      clientId: v.EVE_SSO_CLIENT_ID ?? DEMO_CLIENT.clientId,
      clientSecret: v.EVE_SSO_CLIENT_SECRET ?? DEMO_CLIENT.clientSecret,
      baseUrl: v.EVE_SSO_BASE_URL.replace(/\/$/, ""),
      issuer: v.EVE_SSO_ISSUER.replace(/^https?:\/\//, ""),
      callbackUrl: `${appUrl}/api/auth/callback/eveonline`,
    },
    esi: {
      baseUrl: v.ESI_BASE_URL.replace(/\/$/, ""),
      contact: v.ESI_CONTACT,
      connections: v.ESI_MAX_CONNECTIONS,
      timeoutMs: v.ESI_TIMEOUT_MS,
      errorLimitThreshold: v.ESI_ERROR_LIMIT_THRESHOLD,
    },
    imageBaseUrl: v.EVE_IMAGE_BASE_URL.replace(/\/$/, ""),
    sharingTimeoutMinutes: v.SHARING_TIMEOUT_MINUTES,
    notificationRetentionDays: v.MEMBERAUDIT_NOTIFICATIONS_RETENTION_DAYS,
    webhooks: { allowedOrigins: v.MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS },
    complianceGraceHours: v.MEMBERAUDIT_COMPLIANCE_GRACE_HOURS,
    auditRetentionDays: v.MEMBERAUDIT_AUDIT_RETENTION_DAYS,
    apiTokenRatePerMinute: v.MEMBERAUDIT_API_TOKEN_RATE_PER_MINUTE,
    exports: {
      minUpdateAgeMinutes: v.MEMBERAUDIT_DATA_EXPORT_MIN_UPDATE_AGE,
      dailyRebuild: ["1", "true"].includes(v.MEMBERAUDIT_DATA_EXPORT_DAILY_REBUILD),
      chunkRows: v.MEMBERAUDIT_DATA_EXPORT_CHUNK_ROWS,
    },
    engine: {
      staleMinutes: effectiveStaleMinutes(v.MEMBERAUDIT_SECTION_STALE_MINUTES_CONFIG ?? {}),
      section: { retentionDays: v.MEMBERAUDIT_DATA_RETENTION_LIMIT, assetsChunkSize: v.MEMBERAUDIT_ASSETS_CHUNK_SIZE },
      rolesEnabled: v.MEMBERAUDIT_FEATURE_ROLES_ENABLED,
      updateCron: v.MEMBERAUDIT_UPDATE_CRON,
      updatesEnabled: v.MEMBERAUDIT_UPDATES_ENABLED === "1" || v.MEMBERAUDIT_UPDATES_ENABLED === "true",
    },
    tokenKeys: {
      current: v.TOKEN_ENCRYPTION_KEY!,
      previous: v.TOKEN_ENCRYPTION_KEYS_PREVIOUS,
    },
    inngest: {
      enabled: Boolean(v.INNGEST_EVENT_KEY || v.INNGEST_DEV || v.INNGEST_BASE_URL),
      eventKey: v.INNGEST_EVENT_KEY,
      signingKey: v.INNGEST_SIGNING_KEY,
      dev: v.INNGEST_DEV,
      baseUrl: v.INNGEST_BASE_URL,
    },
    metricsToken: v.METRICS_TOKEN,
    ldap: ldapSettingsFrom(v),
    log: { level: v.LOG_LEVEL, format: v.LOG_FORMAT ?? (v.MEMBERAUDIT_MODE === "demo" ? "text" : "json") },
    shutdownTimeoutSeconds: v.SHUTDOWN_TIMEOUT_SECONDS,
  };
}

let cached: Env | undefined;
/** The process's settings, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** One line for a human: which setting and why. */
export function formatConfigError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  return `Invalid settings: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Connects once to DATABASE_URL so a database that cannot be reached or refuses the
 * credentials stops startup naming the setting, not with the driver's bare message.
 * The URL itself is never printed: it carries the password.
 */
export async function checkDatabase(databaseUrl: string, timeoutMs = 10_000): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new ConfigError("DATABASE_URL", databaseFailure(error));
  } finally {
    await client.end().catch(() => undefined);
  }
}

function databaseFailure(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const why = (e.message ?? String(error)).split("\n")[0];
  if (e.code === "ECONNREFUSED" || e.code === "ENOTFOUND" || e.code === "EAI_AGAIN" || e.code === "ETIMEDOUT")
    return `the database server cannot be reached (${why})`;
  // PostgreSQL's classes 28 (authorization) and 3D000 (no such database).
  if (e.code?.startsWith("28")) return `the database refused the credentials (${why})`;
  if (e.code === "3D000") return `the database does not exist (${why})`;
  return `the database cannot be used (${why})`;
}
