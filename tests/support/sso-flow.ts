// Drives the simulator's SSO over real HTTP the way a browser and an app would:
// open the authorize page, pick a character from its HTML, follow the redirect by
// hand, then talk to the token endpoint.
import { createHash, randomBytes } from "node:crypto";
import { createSimulator, type Simulator, type SimulatorOptions } from "~/simulator/server";

export const CLIENT = {
  clientId: "test-app",
  clientSecret: "test-secret",
  redirectUris: ["http://localhost:3000/api/auth/callback/eveonline", "http://localhost:3000/api/characters/callback"],
};
export const REDIRECT_URI = CLIENT.redirectUris[0]!;
export const SCOPES = ["publicData", "esi-skills.read_skills.v1", "esi-wallet.read_character_wallet.v1"];

export async function startSimulator(
  options: Partial<SimulatorOptions> = {},
): Promise<{ sim: Simulator; url: string }> {
  const sim = createSimulator({ clients: [CLIENT], ...options });
  const url = await sim.listen(0, "127.0.0.1");
  return { sim, url };
}

export function basic(clientId = CLIENT.clientId, secret = CLIENT.clientSecret): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export function authorizeUrl(base: string, params: Record<string, string | undefined> = {}): string {
  const url = new URL(`${base}/v2/oauth/authorize`);
  const all: Record<string, string | undefined> = {
    response_type: "code",
    client_id: CLIENT.clientId,
    redirect_uri: REDIRECT_URI,
    scope: SCOPES.join(" "),
    state: "state-123",
    ...params,
  };
  for (const [name, value] of Object.entries(all)) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export interface CharacterForm {
  method: string;
  action: string;
  fields: URLSearchParams;
}

/** The form whose submit button's text is exactly `name`, with its hidden inputs. */
export function characterForm(html: string, name: string): CharacterForm {
  for (const [, attributes = "", inner = ""] of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const button = /<button type="submit">([\s\S]*?)<\/button>/.exec(inner);
    if (!button || decodeEntities(button[1] ?? "") !== name) continue;
    const fields = new URLSearchParams();
    for (const [, input = ""] of inner.matchAll(/<input([^>]*)>/g)) {
      const fieldName = /name="([^"]*)"/.exec(input)?.[1];
      const value = /value="([^"]*)"/.exec(input)?.[1];
      if (fieldName !== undefined && value !== undefined)
        fields.append(decodeEntities(fieldName), decodeEntities(value));
    }
    return {
      method: /method="([^"]*)"/.exec(attributes)?.[1] ?? "",
      action: /action="([^"]*)"/.exec(attributes)?.[1] ?? "",
      fields,
    };
  }
  throw new Error(`No form with a button named ${name}`);
}

/** Opens the login page, picks `characterName` and returns the callback the SSO redirected to. */
export async function login(
  base: string,
  characterName: string,
  params: Record<string, string | undefined> = {},
): Promise<URL> {
  const page = await fetch(authorizeUrl(base, params));
  if (page.status !== 200) throw new Error(`authorize page answered ${page.status}: ${await page.text()}`);
  const form = characterForm(await page.text(), characterName);
  const response = await fetch(new URL(form.action, base), { method: "POST", body: form.fields, redirect: "manual" });
  if (response.status !== 302)
    throw new Error(`character selection answered ${response.status}: ${await response.text()}`);
  return new URL(response.headers.get("location") ?? "");
}

export async function loginForCode(
  base: string,
  characterName: string,
  params: Record<string, string | undefined> = {},
): Promise<string> {
  const callback = await login(base, characterName, params);
  const code = callback.searchParams.get("code");
  if (!code) throw new Error(`no code in callback ${callback.toString()}`);
  return code;
}

export interface TokenCall {
  status: number;
  body: Record<string, unknown>;
}

/** `authorization: null` sends no Authorization header (public PKCE client). */
export async function postToken(
  base: string,
  form: Record<string, string>,
  authorization: string | null = basic(),
): Promise<TokenCall> {
  const response = await fetch(`${base}/v2/oauth/token`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: new URLSearchParams(form),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function exchangeCode(
  base: string,
  code: string,
  extra: Record<string, string> = {},
  authorization: string | null = basic(),
) {
  return postToken(base, { grant_type: "authorization_code", code, ...extra }, authorization);
}

export async function refresh(
  base: string,
  refreshToken: string,
  extra: Record<string, string> = {},
  authorization: string | null = basic(),
) {
  return postToken(base, { grant_type: "refresh_token", refresh_token: refreshToken, ...extra }, authorization);
}

/** Logs `characterName` in with SCOPES and returns the token response body. */
export async function loginTokens(
  base: string,
  characterName: string,
  params: Record<string, string | undefined> = {},
) {
  const { status, body } = await exchangeCode(base, await loginForCode(base, characterName, params));
  if (status !== 200) throw new Error(`token exchange answered ${status}: ${JSON.stringify(body)}`);
  return body as { access_token: string; refresh_token: string; expires_in: number; token_type: string };
}

export function decodeJwtPart(token: string, part: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[part] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
}

export const DEAD_REFRESH_TOKEN = {
  error: "invalid_grant",
  error_description: "Invalid refresh token. Token missing/expired.",
};
