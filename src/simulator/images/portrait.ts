// Stand-in for images.evetech.net, which an offline demo cannot reach: an SVG
// with the character's initials (a corporation's or alliance's ticker, a type's
// initials) on a colour derived from the id, so every one looks distinct and the
// same on every run.
import { escapeHtml } from "../http/io";
import type { Route, RouteParams } from "../http/router";
import { findAnyCharacter } from "../data/characters";
import { findSimAlliance, findSimCorporation } from "../roster";
import { findNpcCorporation, findType } from "../sde";
import type { Handler } from "../services";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}

function badgeSvg(id: number, text: string, label: string, round: boolean): string {
  const hue = (id * 47) % 360;
  const size = text.length > 3 ? 64 : text.length > 2 ? 80 : 104;
  const shape = round
    ? `<circle cx="128" cy="128" r="128" fill="hsl(${hue} 45% 32%)"/>`
    : `<rect width="256" height="256" fill="hsl(${hue} 45% 32%)"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="${escapeHtml(label)}">
${shape}
<text x="128" y="128" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="${size}" font-weight="600" fill="hsl(${hue} 60% 88%)">${escapeHtml(text)}</text>
</svg>`;
}

export function portraitSvg(characterId: number): string {
  const character = findAnyCharacter(characterId);
  return badgeSvg(
    characterId,
    character ? initials(character.name) : "?",
    character?.name ?? "Unknown character",
    false,
  );
}

/** Corporation and alliance logos: the ticker on a disc. */
export function logoSvg(kind: "corporation" | "alliance", id: number): string {
  const org =
    kind === "alliance" ? findSimAlliance(id) : (findSimCorporation(id) ?? findNpcCorporation(id) ?? undefined);
  return badgeSvg(id, org?.ticker.slice(0, 5) ?? "?", org?.name ?? `Unknown ${kind}`, true);
}

export function typeIconSvg(typeId: number): string {
  const type = findType(typeId);
  return badgeSvg(typeId, type ? initials(type.name) : "?", type?.name ?? "Unknown type", false);
}

const idParam = (raw: string | undefined) => (raw && /^\d+$/.test(raw) ? Number(raw) : 0);

const svgAnswer =
  (draw: (params: RouteParams) => string): Handler =>
  (ctx) => {
    const svg = draw(ctx.params);
    ctx.res.writeHead(200, {
      "Content-Type": "image/svg+xml",
      "Content-Length": Buffer.byteLength(svg),
      "Cache-Control": "public, max-age=86400",
    });
    ctx.res.end(svg);
  };

export const imageRoutes: readonly Route<Handler>[] = [
  {
    method: "GET",
    path: "/images/characters/{character_id}/portrait",
    handler: svgAnswer((p) => portraitSvg(idParam(p.character_id))),
  },
  {
    method: "GET",
    path: "/images/corporations/{corporation_id}/logo",
    handler: svgAnswer((p) => logoSvg("corporation", idParam(p.corporation_id))),
  },
  {
    method: "GET",
    path: "/images/alliances/{alliance_id}/logo",
    handler: svgAnswer((p) => logoSvg("alliance", idParam(p.alliance_id))),
  },
  { method: "GET", path: "/images/types/{type_id}/icon", handler: svgAnswer((p) => typeIconSvg(idParam(p.type_id))) },
];
