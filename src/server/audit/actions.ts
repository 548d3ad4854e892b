// What the audit log records, by name: read by the writer, the filters and the page's action list.
export const AUDIT_ACTIONS = [
  "character.view",
  "character.share",
  "character.unshare",
  "character.remove",
  "characters.delete",
  "group.create",
  "group.update",
  "group.delete",
  "membership.add",
  "membership.remove",
  "user.superuser",
  "user.active",
  "token.create",
  "token.revoke",
  "export.download",
  "ldap.signin",
  "ldap.failure",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
