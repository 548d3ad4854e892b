// LDAP settings for the tests, parsed the way the app parses them (src/env.ts), pointed at a
// support/slapd.ts server: the mapping of the seed's groups, or whatever a test overrides.
import { parseEnv } from "~/env";
import type { LdapSettings } from "~/server/ldap/settings";
import { GROUPS, groupDn, PEOPLE, READER } from "./slapd";

export const BASE_ENV = {
  MEMBERAUDIT_MODE: "demo",
  AUTH_SECRET: "s".repeat(40),
  TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

export const MAPPING = {
  [groupDn("staff")]: "active",
  // Spelt as a person would type it: the server answers cn=leadership,ou=groups,...
  "cn=Leadership, ou=Groups, dc=example, dc=org": "superuser",
  [groupDn("recruiters")]: "Recruiters",
};

export function ldapEnv(url: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const raw: Record<string, string | undefined> = {
    ...BASE_ENV,
    LDAP_URL: url,
    LDAP_BIND_DN: READER.dn,
    LDAP_BIND_PASSWORD: READER.password,
    LDAP_USER_SEARCH_BASE: PEOPLE,
    LDAP_USER_FILTER: "(&(objectClass=inetOrgPerson)(uid={username}))",
    LDAP_USER_ATTR_MAP: '{"displayName":"cn","email":"mail"}',
    LDAP_GROUP_SEARCH_BASE: GROUPS,
    LDAP_GROUP_MAPPING: JSON.stringify(MAPPING),
    LDAP_TIMEOUT_MS: "3000",
    LDAP_CONNECT_TIMEOUT_MS: "1000",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Record<string, string>;
}

export function ldapSettings(url: string, overrides: Record<string, string | undefined> = {}): LdapSettings {
  const settings = parseEnv(ldapEnv(url, overrides)).ldap;
  if (!settings) throw new Error("LDAP settings did not switch LDAP on");
  return settings;
}
