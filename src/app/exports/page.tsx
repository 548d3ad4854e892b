import { ExportsList } from "~/components/exports/exports-list";
import { appDeps } from "~/runtime/deps";
import { DEFAULT_EXPORT_SETTINGS, exportFileStates, exportTopicSummaries } from "~/server/exports/requests";
import { retentionCutoff } from "~/server/sections/retention";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { requireArea } from "~/web/viewer";

export const dynamic = "force-dynamic";

export default async function ExportsPage() {
  await requireArea("exports");
  const deps = appDeps();
  const now = new Date();
  const retentionDays = deps.engine?.section.retentionDays ?? DEFAULT_SECTION_SETTINGS.retentionDays;
  const minAge = (deps.exports ?? DEFAULT_EXPORT_SETTINGS).minUpdateAgeMinutes;
  const topics = await exportTopicSummaries(deps.db, retentionCutoff(now, retentionDays));
  const states = await exportFileStates(deps.db, now, minAge);
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold text-slate-100">Data exports</h1>
      <p className="mb-4 max-w-prose text-sm text-slate-300">
        Every list section of <strong>all registered characters</strong> as zipped CSV, one file per topic. The exports
        permission gives all characters&apos; data, whatever scope you hold elsewhere; every download is recorded. A
        topic can be built again {minAge} minutes after its last build.
      </p>
      <ExportsList topics={topics} states={states} />
    </div>
  );
}
