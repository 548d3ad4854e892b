// What the directory's groups mean for the app (docs/ldap.md, "Groups"): with a mapping,
// each mapped group DN names an app group or one of the flags `active` and `superuser`, and
// unmapped groups mean nothing; without one, LDAP_MIRROR_GROUPS turns each LDAP group into
// an app group of its own. Pure: the database side is groups/ldap-memberships.ts.
import type { DirectoryUser } from "./directory";
import { normalizeDn } from "./dn";
import { type LdapSettings, SPECIAL_GROUPS } from "./settings";

export interface GroupPlan {
  /** undefined: the directory says nothing about it (no mapping for the flag); the app's value stands. */
  isActive: boolean | undefined;
  isSuperuser: boolean | undefined;
  /** Every mapped app group, member or not: memberships in these follow the directory. */
  mapped: { name: string; member: boolean }[];
  /** With mirroring, the LDAP groups the user is in; null without it. */
  mirrored: { ldapDn: string; name: string }[] | null;
}

export function planGroups(
  settings: Pick<LdapSettings, "groupMapping" | "mirrorGroups">,
  user: DirectoryUser,
): GroupPlan {
  const mapping = settings.groupMapping;
  const memberOf = new Set(user.groups.map((g) => normalizeDn(g.dn)));
  const targets = new Map<string, boolean>();
  for (const [dn, name] of mapping) targets.set(name, (targets.get(name) ?? false) || memberOf.has(dn));
  const flag = (name: string) => (targets.has(name) ? targets.get(name)! : undefined);
  return {
    // Once any mapping exists, signing in takes a group mapped to `active`.
    isActive: mapping.size > 0 ? (flag(SPECIAL_GROUPS.active) ?? false) : undefined,
    isSuperuser: flag(SPECIAL_GROUPS.superuser),
    mapped: [...targets]
      .filter(([name]) => name !== SPECIAL_GROUPS.active && name !== SPECIAL_GROUPS.superuser)
      .map(([name, member]) => ({ name, member })),
    mirrored:
      settings.mirrorGroups && mapping.size === 0
        ? user.groups.map((g) => ({ ldapDn: normalizeDn(g.dn), name: g.name }))
        : null,
  };
}
