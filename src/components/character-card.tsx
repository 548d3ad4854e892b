import Link from "next/link";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { Panel } from "~/components/ui/panel";
import type { RouterOutputs } from "~/trpc/types";
import { RemoveCharacterButton } from "./remove-character-button";
import { ShareToggle } from "./share-toggle";
import { SsoButton } from "./sso-button";
import { AffiliationLine, EveImage } from "~/components/eve-image";

type MyCharacter = RouterOutputs["characters"]["mine"][number];

function TokenBadge({ character }: { character: MyCharacter }) {
  const token = character.registration?.token;
  if (!character.registration) return <span className="text-slate-400">Not registered</span>;
  if (!token) return <span className="text-amber-300">No token</span>;
  if (token.status === "INVALID")
    return <span className="text-red-300">Token invalid{token.invalidReason ? `: ${token.invalidReason}` : ""}</span>;
  if (token.missingScopes.length > 0)
    return <span className="text-amber-300">Token valid, {token.missingScopes.length} scopes missing</span>;
  return <span className="text-emerald-300">Token valid</span>;
}

export function CharacterCard({
  character: c,
  imageBaseUrl,
  canShare,
}: {
  character: MyCharacter;
  imageBaseUrl: string;
  canShare: boolean;
}) {
  const needsAuth = c.registration?.token?.status !== "VALID";
  return (
    <Panel as="li" data-testid={`character-${c.id}`} className="flex flex-col gap-3">
      <div className="flex items-center gap-3">
        <EveImage base={imageBaseUrl} kind="character" id={c.id} size={64} alt="" />
        <div className="min-w-0">
          <p className="truncate font-medium text-slate-100">
            {c.registration ? <Link href={`/characters/${c.id}`}>{c.name}</Link> : c.name}
            {c.isMain && <span className="ml-2 rounded bg-sky-500/20 px-1.5 py-0.5 text-xs text-sky-300">main</span>}
          </p>
          <AffiliationLine base={imageBaseUrl} corporation={c.corporation} alliance={c.alliance} />
        </div>
      </div>
      <div className="flex items-center justify-between text-sm" data-testid="token-status">
        <TokenBadge character={c} />
        {c.registration &&
          (canShare || c.registration.isShared ? (
            <ShareToggle characterId={c.id} shared={c.registration.isShared} />
          ) : (
            <span className="text-slate-400">Not shared</span>
          ))}
      </div>
      <div className="flex gap-2">
        {needsAuth && (
          <SsoButton
            label={c.registration ? "Re-authorize" : "Register"}
            scopes={CHARACTER_SCOPES}
            className="rounded border border-sky-700 px-3 py-1 text-sm text-sky-200 hover:bg-sky-950"
          />
        )}
        {c.registration && <RemoveCharacterButton characterId={c.id} name={c.name} />}
      </div>
    </Panel>
  );
}
