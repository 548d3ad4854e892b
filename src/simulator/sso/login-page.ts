// The simulator's stand-in for CCP's login and character-selection page. Each
// character is its own form so a click posts exactly one character_id, and the
// button text is the bare character name so browser tests can select it by role.
import { escapeHtml } from "../http/io";
import { findSimCorporation, simCharacters } from "../roster";

const STYLE = `
  :root { color-scheme: dark; }
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #0b0e13; color: #d8dee9; }
  main { max-width: 560px; margin: 40px auto; padding: 0 16px; }
  h1 { font-size: 20px; font-weight: 600; margin: 0 0 4px; }
  p.sub { margin: 0 0 20px; color: #8a94a6; }
  ul { list-style: none; margin: 0; padding: 0; }
  li { margin: 0 0 8px; }
  form.character { display: flex; align-items: center; gap: 12px; padding: 8px 12px; background: #151a22; border: 1px solid #232a36; border-radius: 6px; }
  form.character img { width: 40px; height: 40px; border-radius: 4px; }
  form.character .corp { flex: 1; color: #8a94a6; font-size: 13px; }
  button { min-width: 170px; text-align: left; font: inherit; font-weight: 600; color: #e6edf3; background: none; border: 0; cursor: pointer; padding: 0; }
  form.character:hover { border-color: #3d6fa8; }
  .scopes { margin: 24px 0 0; padding: 12px; background: #11151c; border-radius: 6px; font-size: 13px; color: #8a94a6; }
  .scopes code { color: #b9c4d4; }
  .error { padding: 16px; border: 1px solid #7a2e2e; background: #221316; border-radius: 6px; }
`;

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${content}</main></body>
</html>`;
}

/** `params` are the validated authorize parameters, replayed as hidden inputs. */
export function renderLoginPage(
  params: ReadonlyArray<readonly [string, string]>,
  scopes: readonly string[],
  clientId: string,
): string {
  const hidden = params
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const characters = simCharacters
    .map((character) => {
      const corporation = findSimCorporation(character.corporationId);
      return `<li><form class="character" method="post" action="/v2/oauth/authorize">${hidden}<input type="hidden" name="character_id" value="${character.characterId}"><img src="/images/characters/${character.characterId}/portrait" alt=""><button type="submit">${escapeHtml(character.name)}</button><span class="corp">${escapeHtml(corporation?.name ?? "")}</span></form></li>`;
    })
    .join("\n");
  const scopeList =
    scopes.length > 0 ? scopes.map((s) => `<code>${escapeHtml(s)}</code>`).join("<br>") : "none (sign-in only)";
  return layout(
    "Log in to EVE Online (simulator)",
    `<h1>Log in to EVE Online (simulator)</h1>
<p class="sub">Choose a character for <strong>${escapeHtml(clientId)}</strong>.</p>
<ul>${characters}</ul>
<div class="scopes">Requested scopes:<br>${scopeList}</div>`,
  );
}

export function renderErrorPage(error: string, description: string): string {
  return layout(
    "EVE SSO error (simulator)",
    `<h1>Something went wrong</h1><div class="error"><p><strong>${escapeHtml(error)}</strong></p><p>${escapeHtml(description)}</p></div>`,
  );
}
