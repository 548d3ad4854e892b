import { notFound, redirect } from "next/navigation";
import { SkillSetsAdmin } from "~/components/skill-sets/skill-sets-admin";
import { currentViewer } from "~/server/access/current-viewer";

/** Superusers edit skill sets; holders of view_skill_sets may look. */
export default async function SkillSetsAdminPage() {
  const current = await currentViewer();
  if (!current) redirect("/signin");
  if (!current.viewer.permissions.has("view_skill_sets")) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-100">Skill sets</h1>
      <SkillSetsAdmin canEdit={current.viewer.isSuperuser} />
    </div>
  );
}
