// "Who looked at my characters" on the launcher: the latest views of the owner's
// characters by anyone else, from the audit log. No hooks: rendered on the server.
import { EveImage } from "~/components/eve-image";
import { formatEveTime } from "~/components/sheet/format";
import { Panel } from "~/components/ui/panel";
import type { whoLookedAtMine } from "~/server/audit/list";

type Row = Awaited<ReturnType<typeof whoLookedAtMine>>[number];

export function WhoLooked({ rows, imageBaseUrl }: { rows: Row[]; imageBaseUrl: string }) {
  return (
    <Panel title="Who looked at my characters" className="mt-6" data-testid="who-looked">
      {rows.length === 0 ? (
        <p className="text-sm text-slate-300">Nobody else has opened your characters yet.</p>
      ) : (
        <ul className="divide-y divide-ink-700 text-sm">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap gap-x-3 py-1.5">
              <span className="text-slate-400">{formatEveTime(r.at)}</span>
              <span className="text-slate-100">{r.actor?.name ?? "someone"}</span>
              <span className="text-slate-300">
                opened{" "}
                {r.character && (
                  <EveImage
                    base={imageBaseUrl}
                    kind="character"
                    id={r.character.id}
                    size={16}
                    alt=""
                    className="inline align-text-bottom"
                  />
                )}{" "}
                {r.character?.name ?? "a character"} ({r.detail || "sheet"}
                {r.via === "token" ? ", with an API token" : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
