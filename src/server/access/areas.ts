// Who may use each area of the app, written once (docs/architecture.md, "Access"): the
// header's links, the pages (src/web/viewer.ts, requireArea) and the tRPC routers
// (areaProcedure) all read this. Which characters an area then shows is the access
// rule's business (./character-access.ts), not the area's.
import type { Permission } from "~/server/identity/permissions";
import type { Viewer } from "./viewer";

export interface AreaRule {
  /** The page's path, for the header. */
  href: string;
  label: string;
  /** Every one of these permissions (superusers hold all). */
  permissions: readonly Permission[];
  /** Superusers only, whatever the permissions. */
  superuser?: boolean;
}

export const AREAS = {
  finder: { href: "/finder", label: "Finder", permissions: ["basic_access", "finder_access"] },
  // Search shows sheet data of the finder's characters: the finder's permissions, and
  // only characters whose sheets the viewer may open (src/server/search/scope.ts).
  search: { href: "/search", label: "Search", permissions: ["basic_access", "finder_access"] },
  reports: { href: "/reports", label: "Reports", permissions: ["basic_access", "reports_access"] },
  skillSets: { href: "/admin/skill-sets", label: "Skill sets", permissions: ["view_skill_sets"] },
  characters: { href: "/admin/characters", label: "Characters", permissions: ["manage_characters"] },
  status: { href: "/admin/status", label: "Status", permissions: ["view_status"] },
  exports: { href: "/exports", label: "Exports", permissions: ["basic_access", "exports_access"] },
  admin: { href: "/admin", label: "Admin", permissions: [], superuser: true },
} as const satisfies Record<string, AreaRule>;

export type Area = keyof typeof AREAS;

export function mayUse(viewer: Viewer, area: Area): boolean {
  const rule: AreaRule = AREAS[area];
  if (rule.superuser && !viewer.isSuperuser) return false;
  return rule.permissions.every((p) => viewer.permissions.has(p));
}

/** The areas the viewer may use, in header order. */
export function usableAreas(viewer: Viewer): Area[] {
  return (Object.keys(AREAS) as Area[]).filter((area) => mayUse(viewer, area));
}
