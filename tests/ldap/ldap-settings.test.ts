// The LDAP_* settings: off unless LDAP_URL is set; every bad value, or a combination that
// cannot work, stops startup with one line naming the setting (src/env.ts, docs/ldap.md).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "~/env";
import { BASE_ENV, ldapEnv } from "../support/ldap-env";

const URL = "ldap://ldap.example.org:389";

function refusal(source: Record<string, string>): { setting: string; reason: string } {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return { setting: error.setting, reason: error.reason };
    throw error;
  }
  throw new Error("the settings were accepted");
}

describe("LDAP settings", () => {
  it("leave LDAP off without LDAP_URL, and switch it on with the mapping normalised", () => {
    expect(parseEnv(BASE_ENV).ldap).toBeUndefined();
    const ldap = parseEnv(ldapEnv(URL, { LDAP_START_TLS: "1" })).ldap!;
    expect(ldap).toMatchObject({ url: URL, startTls: true, mirrorGroups: false, timeoutMs: 3000 });
    expect(ldap.attributes).toEqual({ displayName: "cn", email: "mail" });
    expect(ldap.groupMapping.get("cn=leadership,ou=groups,dc=example,dc=org")).toBe("superuser");
    expect(ldap.throttle).toEqual({ userFailures: 5, addressFailures: 20, windowSeconds: 900 });
  });

  it.each([
    ["LDAP_URL", { LDAP_URL: "http://ldap.example.org" }, "ldap:// or ldaps://"],
    ["LDAP_USER_SEARCH_BASE", { LDAP_USER_SEARCH_BASE: undefined }, "is required when LDAP_URL is set"],
    ["LDAP_USER_FILTER", { LDAP_USER_FILTER: "(uid=alice)" }, "must contain {username}"],
    ["LDAP_USER_FILTER", { LDAP_USER_FILTER: "(&(uid={username})" }, "must be an LDAP filter"],
    ["LDAP_USER_FILTER_EXTRA", { LDAP_USER_FILTER_EXTRA: "employeeType=staff" }, "must be an LDAP filter"],
    ["LDAP_USER_ATTR_MAP", { LDAP_USER_ATTR_MAP: "{cn}" }, "must be JSON"],
    ["LDAP_USER_ATTR_MAP", { LDAP_USER_ATTR_MAP: '{"name":"cn"}' }, ""],
    ["LDAP_GROUP_MAPPING", { LDAP_GROUP_MAPPING: '{"not a dn":"active"}' }, "keys must be group distinguished names"],
    ["LDAP_GROUP_MAPPING", { LDAP_GROUP_MAPPING: '["cn=staff,dc=x"]' }, ""],
    ["LDAP_GROUP_SEARCH_BASE", { LDAP_GROUP_SEARCH_BASE: undefined }, "is required when LDAP_GROUP_MAPPING"],
    ["LDAP_MIRROR_GROUPS", { LDAP_MIRROR_GROUPS: "1" }, "cannot be combined with LDAP_GROUP_MAPPING"],
    ["LDAP_MIRROR_GROUPS", { LDAP_MIRROR_GROUPS: "yes" }, "must be 1/0 or true/false"],
    ["LDAP_BIND_PASSWORD", { LDAP_BIND_PASSWORD: undefined }, "is required when LDAP_BIND_DN is set"],
    [
      "LDAP_START_TLS",
      { LDAP_URL: "ldaps://ldap.example.org", LDAP_START_TLS: "1" },
      "cannot be used with an ldaps://",
    ],
    ["LDAP_TIMEOUT_MS", { LDAP_TIMEOUT_MS: "soon" }, "must be a number"],
    ["LDAP_THROTTLE_USER_FAILURES", { LDAP_THROTTLE_USER_FAILURES: "0" }, "must be at least 1"],
  ])("name %s when it is bad (%j)", (setting, overrides, reason) => {
    const result = refusal(ldapEnv(URL, overrides));
    expect(result.setting).toBe(setting);
    expect(result.reason).toContain(reason);
  });

  it("check a bad LDAP value even while LDAP is off", () => {
    expect(refusal({ ...BASE_ENV, LDAP_GROUP_MAPPING: "nope" }).setting).toBe("LDAP_GROUP_MAPPING");
  });
});

describe("startup with a bad LDAP setting", () => {
  // A child process: slow on a loaded 2-core machine, not a speed check.
  it("stops `npm start` with one line naming the setting, without printing the bind password", {
    timeout: 120_000,
  }, () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const run = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/launch.ts", "start"],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "/tmp",
          DATA_DIR: "/nonexistent/never-created",
          APP_URL: "https://audit.example.org",
          EVE_SSO_CLIENT_ID: "id",
          EVE_SSO_CLIENT_SECRET: "secret",
          ...ldapEnv(URL, { LDAP_BIND_PASSWORD: "hunter2-ldap", LDAP_GROUP_MAPPING: '{"cn=staff":' }),
        } as unknown as NodeJS.ProcessEnv,
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid setting LDAP_GROUP_MAPPING: must be JSON/);
    expect(run.stderr + run.stdout).not.toContain("hunter2-ldap");
  });
});
