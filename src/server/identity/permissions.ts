// Member Audit's twelve permissions, with the meanings Member Audit gives them, and
// manage_characters (Member Audit's Django admin of characters, here a permission) and
// view_status (the status page, for operators who are not superusers).
// Feature permissions open a feature; scope permissions decide whose characters it shows.
export const PERMISSIONS = {
  basic_access: { label: "Can access this app, register and view own characters", kind: "feature" },
  share_characters: { label: "Can share own characters", kind: "feature" },
  finder_access: { label: "Can access the character finder", kind: "feature" },
  reports_access: { label: "Can access reports", kind: "feature" },
  characters_access: { label: "Can view characters owned by others (with a scope)", kind: "feature" },
  exports_access: { label: "Can access data exports (all characters)", kind: "feature" },
  view_shared_characters: { label: "Can view shared characters", kind: "scope" },
  view_same_corporation: { label: "Can view characters of users whose main is in my corporation", kind: "scope" },
  view_same_alliance: { label: "Can view characters of users whose main is in my alliance", kind: "scope" },
  view_everything: { label: "Can view all characters", kind: "scope" },
  notified_on_character_removal: { label: "Is notified when a member in scope removes a character", kind: "feature" },
  view_skill_sets: { label: "Can view skill sets of characters", kind: "feature" },
  manage_characters: {
    label: "Can manage all registered characters (update, enable, disable, delete)",
    kind: "feature",
  },
  view_status: { label: "Can view the install's status: job queue, sections, ESI limits, tokens", kind: "feature" },
} as const satisfies Record<string, { label: string; kind: "feature" | "scope" }>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
