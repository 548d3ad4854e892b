// The logger never writes a secret: tokens, cookies, Authorization headers, LDAP and other
// passwords, webhook URLs and API token secrets are redacted by field name wherever they sit
// in a logged object, in JSON and in the demo's text lines alike.
import { afterEach, describe, expect, it } from "vitest";
import { withLogContext } from "~/server/logging/context";
import { createLogger, logger } from "~/server/logging/logger";
import { REDACTED, SECRET_FIELDS } from "~/server/logging/redact";
import { formatLogLine } from "~/server/logging/text-format";
import { captureLogs } from "../support/log-capture";

const SECRETS = {
  access: "eyJhbGciOiJSUzI1NiJ9.access-secret-1",
  refresh: "refresh-secret-2",
  cookie: "next-auth.session-token=cookie-secret-3",
  bearer: "Bearer bearer-secret-4",
  ldap: "ldap-bind-secret-5",
  webhook: "https://discord.com/api/webhooks/123/webhook-secret-6",
  apiToken: "ma_apitoken-secret-7",
  password: "user-password-secret-8",
};

/** Objects shaped like what the app has in hand: an SSO answer, an HTTP request, LDAP settings, a webhook, an API token. */
function secretCarriers(): Record<string, unknown>[] {
  return [
    { access_token: SECRETS.access, refresh_token: SECRETS.refresh, expires_in: 1199 },
    { token: { accessToken: SECRETS.access, refreshToken: SECRETS.refresh } },
    { req: { headers: { authorization: SECRETS.bearer, cookie: SECRETS.cookie, "x-request-id": "r1" } } },
    { headers: { Authorization: SECRETS.bearer, Cookie: SECRETS.cookie, "set-cookie": SECRETS.cookie } },
    { ldap: { url: "ldap://127.0.0.1", bindDn: "cn=reader", bindPassword: SECRETS.ldap } },
    { credentials: { username: "alice", password: SECRETS.password } },
    { hook: { id: 3, webhookUrl: SECRETS.webhook } },
    { deep: { er: { still: { password: SECRETS.password } } } },
    { apiToken: SECRETS.apiToken, tokenSecret: SECRETS.apiToken, prefix: "ma_apitoken" },
  ];
}

let capture: ReturnType<typeof captureLogs> | undefined;
afterEach(() => capture?.restore());

describe("the log's redaction list", () => {
  it("writes none of the secret values, and names the redacted fields", () => {
    capture = captureLogs();
    for (const carrier of secretCarriers()) logger().info(carrier, "carrier");
    const all = capture.raw.join("");
    expect(capture.raw).toHaveLength(secretCarriers().length);
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(all, name).not.toContain(secret);
      expect(all, name).not.toMatch(new RegExp(`secret-${Object.keys(SECRETS).indexOf(name) + 1}\\b`));
    }
    const [sso, nested, req, headers, ldap, creds, hook, deep, api] = capture.entries;
    expect(sso).toMatchObject({ access_token: REDACTED, refresh_token: REDACTED, expires_in: 1199 });
    expect(nested).toMatchObject({ token: REDACTED });
    expect(req).toMatchObject({
      req: { headers: { authorization: REDACTED, cookie: REDACTED, "x-request-id": "r1" } },
    });
    expect(headers).toMatchObject({ headers: { Authorization: REDACTED, Cookie: REDACTED, "set-cookie": REDACTED } });
    expect(ldap).toMatchObject({ ldap: { bindDn: "cn=reader", bindPassword: REDACTED } });
    expect(creds).toMatchObject({ credentials: REDACTED });
    expect(hook).toMatchObject({ hook: { id: 3, webhookUrl: REDACTED } });
    expect(deep).toMatchObject({ deep: { er: { still: { password: REDACTED } } } });
    expect(api).toMatchObject({ apiToken: REDACTED, tokenSecret: REDACTED, prefix: "ma_apitoken" });
  });

  it("redacts every listed field at the top level and three levels down", () => {
    capture = captureLogs();
    for (const field of SECRET_FIELDS) {
      logger().info(
        { [field]: `top-${field}-value`, a: { b: { c: { [field]: `nested-${field}-value` } } } },
        "carrier",
      );
    }
    const all = capture.raw.join("");
    for (const field of SECRET_FIELDS) {
      expect(all, field).not.toContain(`top-${field}-value`);
      expect(all, field).not.toContain(`nested-${field}-value`);
    }
    expect(capture.entries.every((e) => JSON.stringify(e).includes(REDACTED))).toBe(true);
  });

  it("redacts in the demo's text lines too", () => {
    const lines: string[] = [];
    const log = createLogger({ format: "text", destination: { write: (line: string) => void lines.push(line) } });
    log.warn({ refresh_token: SECRETS.refresh, headers: { authorization: SECRETS.bearer } }, "sso answer");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("refresh-secret-2");
    expect(lines[0]).not.toContain("bearer-secret-4");
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} WARN {2}sso answer refresh_token=\[redacted\] headers=/);
  });
});

describe("log lines", () => {
  it("carry the request, run and character ids of the work they happen in", async () => {
    capture = captureLogs();
    await withLogContext({ requestId: "req-1" }, async () => {
      logger().info("in the request");
      await withLogContext({ job: "update-character", runId: "run-9", characterId: 90000001 }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        logger().warn("in the run");
      });
    });
    logger().info("outside");
    expect(
      capture.entries.map(({ msg, requestId, runId, job, characterId }) => ({
        msg,
        requestId,
        runId,
        job,
        characterId,
      })),
    ).toEqual([
      { msg: "in the request", requestId: "req-1" },
      { msg: "in the run", requestId: "req-1", job: "update-character", runId: "run-9", characterId: 90000001 },
      { msg: "outside" },
    ]);
  });

  it("are JSON with level, time and message; the text form is one line with an error's stack indented under it", () => {
    capture = captureLogs();
    logger().info({ n: 1 }, "carrier");
    expect(capture.entries[0]).toMatchObject({ level: "info", msg: "carrier", n: 1 });
    expect(typeof capture.entries[0]!.time).toBe("string");
    const text = formatLogLine(
      JSON.stringify({
        level: "error",
        time: "2026-12-08T00:00:01.234Z",
        msg: "boom",
        err: { message: "bad", stack: "Error: bad\n    at x" },
        characterId: 5,
      }),
    );
    expect(text).toBe("00:00:01.234 ERROR boom err=bad characterId=5\n    Error: bad\n        at x\n");
  });
});
