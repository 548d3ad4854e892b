import { SkillSetsAdmin } from "~/components/skill-sets/skill-sets-admin";
import { requireArea } from "~/web/viewer";

/** Superusers edit skill sets; holders of view_skill_sets may look. */
export default async function SkillSetsAdminPage() {
  const { viewer } = await requireArea("skillSets");
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-slate-100">Skill sets</h1>
      <SkillSetsAdmin canEdit={viewer.isSuperuser} />
    </div>
  );
}
