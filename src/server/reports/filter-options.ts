// What the reports' filter menus offer: the corporations and alliances of the mains in
// the viewer's scope, and the active skill-set groups with their sets.
import type { Viewer } from "~/server/access/viewer";
import type { Db } from "~/server/db/client";
import { usersInScopeSql } from "./compliance";

type Named = { id: number; name: string | null };

const named = (rows: Named[]) =>
  rows.map((r) => ({ id: r.id, name: r.name ?? `#${r.id}` })).sort((a, b) => a.name.localeCompare(b.name));

export async function reportFilterOptions(db: Db, viewer: Viewer) {
  const [corporations, alliances, groups] = await Promise.all([
    db.$queryRaw<Named[]>`
      SELECT r."corporationId" AS id, max(r."corporationName") AS name FROM ${usersInScopeSql(viewer)}
      WHERE r."corporationId" IS NOT NULL GROUP BY r."corporationId"`,
    db.$queryRaw<Named[]>`
      SELECT r."allianceId" AS id, max(r."allianceName") AS name FROM ${usersInScopeSql(viewer)}
      WHERE r."allianceId" IS NOT NULL GROUP BY r."allianceId"`,
    db.skillSetGroup.findMany({
      where: { isActive: true },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        isDoctrine: true,
        skillSets: { orderBy: { name: "asc" }, select: { id: true, name: true } },
      },
    }),
  ]);
  return { corporations: named(corporations), alliances: named(alliances), groups };
}
