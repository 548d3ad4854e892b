// Stand-in for images.evetech.net, which an offline demo cannot reach: an SVG
// with the character's initials on a colour derived from the id, so every
// character looks distinct and the same on every run.
import { escapeHtml } from "../http/io";
import type { Route } from "../http/router";
import { findAnyCharacter } from "../data/characters";
import type { Handler } from "../services";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}

export function portraitSvg(characterId: number): string {
  const character = findAnyCharacter(characterId);
  const hue = (characterId * 47) % 360;
  const text = character ? initials(character.name) : "?";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256" role="img" aria-label="${escapeHtml(character?.name ?? "Unknown character")}">
<rect width="256" height="256" fill="hsl(${hue} 45% 32%)"/>
<text x="128" y="128" dy="0.35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="104" font-weight="600" fill="hsl(${hue} 60% 88%)">${escapeHtml(text)}</text>
</svg>`;
}

const portrait: Handler = (ctx) => {
  const raw = ctx.params.character_id ?? "";
  const svg = portraitSvg(/^\d+$/.test(raw) ? Number(raw) : 0);
  ctx.res.writeHead(200, {
    "Content-Type": "image/svg+xml",
    "Content-Length": Buffer.byteLength(svg),
    "Cache-Control": "public, max-age=86400",
  });
  ctx.res.end(svg);
};

export const imageRoutes: readonly Route<Handler>[] = [
  { method: "GET", path: "/images/characters/{character_id}/portrait", handler: portrait },
];
