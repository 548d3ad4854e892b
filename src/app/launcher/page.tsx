import { CharacterCard } from "~/components/character-card";
import { LauncherDashboard } from "~/components/launcher-dashboard";
import { WhoLooked } from "~/components/audit/who-looked";
import { SsoButton } from "~/components/sso-button";
import { env } from "~/env";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { requireViewer } from "~/web/viewer";
import { can } from "~/server/access/viewer";
import { dashboardFigures } from "~/server/characters/dashboard";
import { listMyCharacters } from "~/server/characters/my-characters";
import { appDeps } from "~/runtime/deps";
import { whoLookedAtMine } from "~/server/audit/list";

const ERRORS: Record<string, string> = {
  OwnedElsewhere:
    "That character is registered to another user. If you own it now, its owner changed: sign in with it once EVE SSO reports the new owner.",
  NoRefreshToken: "EVE SSO granted no ESI access for that character, so it could not be registered.",
};

export default async function LauncherPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; added?: string }>;
}) {
  const { user, viewer } = await requireViewer();
  const { error, added } = await searchParams;
  if (!can(viewer, "basic_access")) {
    return (
      <p className="rounded border border-amber-800 bg-amber-950/40 p-4 text-amber-200">
        Your account has no access to this app yet. Ask an administrator to add you to a group.
      </p>
    );
  }
  const [characters, figures, lookedAt] = await Promise.all([
    listMyCharacters(appDeps().db, user.id),
    dashboardFigures(appDeps().db, user.id),
    whoLookedAtMine(appDeps().db, user.id, 10),
  ]);
  const registered = characters.filter((c) => c.registration).length;

  return (
    <div>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold text-slate-100">My characters</h1>
          <p className="text-sm text-slate-400">
            {registered} of {characters.length} characters registered
          </p>
        </div>
        <SsoButton label="Add character" scopes={CHARACTER_SCOPES} />
      </div>
      {error && (
        <p role="alert" className="mb-4 rounded border border-red-800 bg-red-950/60 p-3 text-sm text-red-200">
          {ERRORS[error] ?? `Could not add the character (${error}).`}
        </p>
      )}
      {added && !error && (
        <p
          role="status"
          className="mb-4 rounded border border-emerald-800 bg-emerald-950/50 p-3 text-sm text-emerald-200"
        >
          Character registered. Its data is being loaded in the background.
        </p>
      )}
      <LauncherDashboard figures={figures} />
      <ul className="grid grid-cols-[minmax(0,1fr)] gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {characters.map((c) => (
          <CharacterCard
            key={c.id}
            character={c}
            imageBaseUrl={env().imageBaseUrl}
            canShare={can(viewer, "share_characters")}
          />
        ))}
      </ul>
      <WhoLooked rows={lookedAt} imageBaseUrl={env().imageBaseUrl} />
      {can(viewer, "api_access") && (
        <p className="mt-4 text-sm">
          <a href="/account/tokens" className="text-sky-300 underline">
            API tokens
          </a>
        </p>
      )}
    </div>
  );
}
