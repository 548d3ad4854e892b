import { AuditLog } from "~/components/audit/audit-log";
import { env } from "~/env";
import { appDeps } from "~/runtime/deps";
import { listAuditEvents } from "~/server/audit/list";
import { requireSuperuser } from "~/web/viewer";

const PAGE_SIZE = 50;

export default async function AuditPage() {
  await requireSuperuser();
  const first = await listAuditEvents(appDeps().db, { limit: PAGE_SIZE });
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold text-slate-100">Audit log</h1>
      <p className="mb-4 max-w-prose text-sm text-slate-300">
        Views of characters by anyone but their owner, changes of groups, permissions and users, API tokens, sharing and
        removals. Newest first; events reach the list within a few seconds.
      </p>
      <AuditLog first={first} pageSize={PAGE_SIZE} imageBaseUrl={env().imageBaseUrl} />
    </div>
  );
}
