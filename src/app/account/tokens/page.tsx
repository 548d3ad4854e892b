import { ApiTokens } from "~/components/account/api-tokens";
import { appDeps } from "~/runtime/deps";
import { listApiTokens } from "~/server/api-tokens/tokens";
import { requirePermission } from "~/web/viewer";

export default async function ApiTokensPage() {
  const { user, viewer } = await requirePermission("api_access");
  const tokens = await listApiTokens(appDeps().db, user.id);
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold text-slate-100">API tokens</h1>
      <p className="mb-4 max-w-prose text-sm text-slate-300">
        A token lets an internal client call this app's tRPC API as you, with no more than the permissions you give it.
        See docs/api.md for how to call it.
      </p>
      <ApiTokens initial={tokens} permissions={[...viewer.permissions]} />
    </div>
  );
}
