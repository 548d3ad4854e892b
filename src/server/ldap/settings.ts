// The LDAP_* settings (docs/ldap.md): their zod shape, merged into src/env.ts's schema, and
// the checks across settings. LDAP is off unless LDAP_URL is set; every other LDAP_* value
// is checked anyway, so a typo stops startup naming the setting even before LDAP is switched on.
import { existsSync } from "node:fs";
import { FilterParser } from "ldapts";
import { z } from "zod";
import { normalizeDn } from "./dn";

/** The app group names with a meaning of their own in LDAP_GROUP_MAPPING. */
export const SPECIAL_GROUPS = { active: "active", superuser: "superuser" } as const;

export interface LdapSettings {
  url: string;
  startTls: boolean;
  /** A PEM file of the CA(s) the directory's certificate is checked against, beside Node's own list. */
  tlsCaFile: string | undefined;
  /** The service account that searches the directory; anonymous search when absent. */
  bind: { dn: string; password: string } | undefined;
  userSearchBase: string;
  /** With `{username}` where the escaped username goes. */
  userFilter: string;
  /** Only users matching it (tested on their own entry) may sign in. */
  userFilterExtra: string | undefined;
  attributes: { displayName: string; email: string };
  groupSearchBase: string | undefined;
  /** With `{dn}` where the escaped user DN goes. */
  groupFilter: string;
  /** Normalised group DN → app group name (or "active", "superuser"); empty when none is configured. */
  groupMapping: ReadonlyMap<string, string>;
  mirrorGroups: boolean;
  timeoutMs: number;
  connectTimeoutMs: number;
  throttle: { userFailures: number; addressFailures: number; windowSeconds: number };
}

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !v.includes("\0"), "must not contain NUL");

/** ldapts's parser forgives a missing closing parenthesis; a directory would not. */
function isBalanced(value: string): boolean {
  let depth = 0;
  for (const c of value) {
    depth += c === "(" ? 1 : c === ")" ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}

function isFilter(value: string): boolean {
  if (!value.startsWith("(") || !value.endsWith(")") || !isBalanced(value)) return false;
  try {
    FilterParser.parseString(value);
    return true;
  } catch {
    return false;
  }
}

const filter = (placeholder?: string) =>
  text(2000)
    .refine(
      (v) => isFilter(placeholder ? v.replaceAll(placeholder, "x") : v),
      "must be an LDAP filter in parentheses, e.g. (objectClass=person)",
    )
    .refine((v) => !placeholder || v.includes(placeholder), `must contain ${placeholder}`);

const isDn = (v: string) => /^[^=,]+=[^,]/.test(v.trim());
const dn = text(1000).refine(isDn, "must be a distinguished name such as cn=x,dc=y");

const json = <T extends z.ZodType>(shape: T, example: string) =>
  z.string().transform((raw, ctx): z.output<T> => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: `must be JSON, e.g. ${example}` });
      return z.NEVER;
    }
    const parsed = shape.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length ? ` (at ${issue.path.join(".")})` : "";
    ctx.addIssue({ code: "custom", message: `${issue.message}${at}; e.g. ${example}` });
    return z.NEVER;
  });

const attrName = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,63}$/, "must be an attribute name");
const flag = z
  .enum(["0", "1", "true", "false"], { error: "must be 1/0 or true/false" })
  .optional()
  .transform((v) => v === "1" || v === "true");
const int = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(fallback);

const DEFAULT_GROUP_FILTER =
  "(|(&(objectClass=groupOfNames)(member={dn}))(&(objectClass=groupOfUniqueNames)(uniqueMember={dn})))";

export const ldapSettingsShape = {
  LDAP_URL: z
    .string()
    .regex(/^ldaps?:\/\/[^\s/]+\/?$/, "must be an ldap:// or ldaps:// URL with host and optional port")
    .optional(),
  LDAP_START_TLS: flag,
  LDAP_TLS_CA_FILE: text(1000)
    .refine((v) => existsSync(v), "must be the path of a readable PEM file")
    .optional(),
  LDAP_BIND_DN: dn.optional(),
  LDAP_BIND_PASSWORD: text(1000).optional(),
  LDAP_USER_SEARCH_BASE: dn.optional(),
  LDAP_USER_FILTER: filter("{username}").default("(&(objectClass=person)(uid={username}))"),
  LDAP_USER_ATTR_MAP: json(
    z.strictObject({ displayName: attrName.optional(), email: attrName.optional() }),
    '{"displayName":"cn","email":"mail"}',
  ).optional(),
  LDAP_USER_FILTER_EXTRA: filter().optional(),
  LDAP_GROUP_SEARCH_BASE: dn.optional(),
  LDAP_GROUP_FILTER: filter("{dn}").default(DEFAULT_GROUP_FILTER),
  LDAP_GROUP_MAPPING: json(
    z
      .record(z.string(), z.string().trim().min(1, "must be a group name").max(150, "must be at most 150 characters"))
      .superRefine((mapping, ctx) => {
        for (const key of Object.keys(mapping).filter((k) => !isDn(k) || k.length > 1000))
          ctx.addIssue({
            code: "custom",
            message: `keys must be group distinguished names, not ${JSON.stringify(key.slice(0, 60))}`,
          });
      }),
    '{"cn=staff,ou=groups,dc=example,dc=org":"active"}',
  ).optional(),
  LDAP_MIRROR_GROUPS: flag,
  LDAP_TIMEOUT_MS: int(100, 60_000, 5000),
  LDAP_CONNECT_TIMEOUT_MS: int(100, 60_000, 3000),
  LDAP_THROTTLE_USER_FAILURES: int(1, 1000, 5),
  LDAP_THROTTLE_ADDRESS_FAILURES: int(1, 10_000, 20),
  LDAP_THROTTLE_WINDOW_SECONDS: int(1, 86_400, 900),
};

type Parsed = z.output<z.ZodObject<typeof ldapSettingsShape>>;
type Issue = { path: [string]; message: string };

/** The checks across LDAP settings; each issue names one setting. */
export function ldapSettingsIssues(v: Parsed): Issue[] {
  const issues: Issue[] = [];
  const need = (key: keyof Parsed, why: string) => {
    if (v[key] === undefined) issues.push({ path: [key], message: `is required ${why}` });
  };
  if (v.LDAP_URL) need("LDAP_USER_SEARCH_BASE", "when LDAP_URL is set");
  if (v.LDAP_BIND_DN) need("LDAP_BIND_PASSWORD", "when LDAP_BIND_DN is set");
  if (v.LDAP_BIND_PASSWORD) need("LDAP_BIND_DN", "when LDAP_BIND_PASSWORD is set");
  if (v.LDAP_GROUP_MAPPING || v.LDAP_MIRROR_GROUPS)
    need("LDAP_GROUP_SEARCH_BASE", "when LDAP_GROUP_MAPPING or LDAP_MIRROR_GROUPS is set");
  if (v.LDAP_GROUP_MAPPING && Object.keys(v.LDAP_GROUP_MAPPING).length > 0 && v.LDAP_MIRROR_GROUPS)
    issues.push({
      path: ["LDAP_MIRROR_GROUPS"],
      message: "cannot be combined with LDAP_GROUP_MAPPING (unmapped groups are ignored once a mapping exists)",
    });
  if (v.LDAP_START_TLS && v.LDAP_URL?.startsWith("ldaps:"))
    issues.push({ path: ["LDAP_START_TLS"], message: "cannot be used with an ldaps:// URL (already TLS)" });
  return issues;
}

export function ldapSettingsFrom(v: Parsed): LdapSettings | undefined {
  if (!v.LDAP_URL || !v.LDAP_USER_SEARCH_BASE) return undefined;
  return {
    url: v.LDAP_URL,
    startTls: v.LDAP_START_TLS,
    tlsCaFile: v.LDAP_TLS_CA_FILE,
    bind: v.LDAP_BIND_DN && v.LDAP_BIND_PASSWORD ? { dn: v.LDAP_BIND_DN, password: v.LDAP_BIND_PASSWORD } : undefined,
    userSearchBase: v.LDAP_USER_SEARCH_BASE,
    userFilter: v.LDAP_USER_FILTER,
    userFilterExtra: v.LDAP_USER_FILTER_EXTRA,
    attributes: {
      displayName: v.LDAP_USER_ATTR_MAP?.displayName ?? "cn",
      email: v.LDAP_USER_ATTR_MAP?.email ?? "mail",
    },
    groupSearchBase: v.LDAP_GROUP_SEARCH_BASE,
    groupFilter: v.LDAP_GROUP_FILTER,
    groupMapping: new Map(Object.entries(v.LDAP_GROUP_MAPPING ?? {}).map(([k, name]) => [normalizeDn(k), name])),
    mirrorGroups: v.LDAP_MIRROR_GROUPS,
    timeoutMs: v.LDAP_TIMEOUT_MS,
    connectTimeoutMs: v.LDAP_CONNECT_TIMEOUT_MS,
    throttle: {
      userFailures: v.LDAP_THROTTLE_USER_FAILURES,
      addressFailures: v.LDAP_THROTTLE_ADDRESS_FAILURES,
      windowSeconds: v.LDAP_THROTTLE_WINDOW_SECONDS,
    },
  };
}
