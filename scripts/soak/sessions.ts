// Signed-in browsers without a browser: a cookie jar and the EVE SSO round trip as
// next-auth's client starts it (csrf, sign-in POST, the simulator's login page, the
// callback), so every session and every registered token is one the app issued itself.
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { simCharacters } from "~/simulator/roster";
import { characterForm } from "../../tests/support/sso-flow";

export class Jar extends Map<string, string> {
  header = () => [...this].map(([k, v]) => `${k}=${v}`).join("; ");

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (!value || /max-age=0/i.test(line)) this.delete(name);
      else this.set(name, value);
    }
  }
}

export async function call(jar: Jar, url: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, {
    ...init,
    redirect: "manual",
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
  });
  jar.take(response);
  return response;
}

/**
 * One SSO round trip as `characterId` (any simulated character: the login page lists the
 * roster, and the form is sent with another id, as the simulator allows). `scopes` set makes it
 * "Add character" for the jar's session. Returns where the app sent the browser.
 */
async function roundTrip(appUrl: string, jar: Jar, characterId: number, scopes?: readonly string[]): Promise<string> {
  const csrf = await call(jar, `${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const query = scopes ? `?${new URLSearchParams({ scope: scopes.join(" ") })}` : "";
  const started = await call(jar, `${appUrl}/api/auth/signin/eveonline${query}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${appUrl}/launcher`, json: "true" }).toString(),
  });
  if (started.status !== 200) throw new Error(`sign-in POST answered ${started.status}`);
  const authorizeUrl = ((await started.json()) as { url: string }).url;
  const form = characterForm(await (await fetch(authorizeUrl)).text(), simCharacters[0]!.name);
  form.fields.set("character_id", String(characterId));
  const picked = await fetch(new URL(form.action, authorizeUrl), {
    method: "POST",
    body: form.fields,
    redirect: "manual",
  });
  const callbackUrl = picked.headers.get("location");
  if (picked.status !== 302 || !callbackUrl) throw new Error(`the simulator's login answered ${picked.status}`);
  const callback = await call(jar, callbackUrl);
  if (callback.status !== 302) throw new Error(`the app's SSO callback answered ${callback.status}`);
  const landing = new URL(callback.headers.get("location")!, appUrl);
  return landing.pathname + landing.search;
}

/** Signs in as the character in a new jar; the first user of the install becomes superuser. */
export async function signIn(appUrl: string, characterId: number): Promise<Jar> {
  const jar = new Jar();
  const landing = await roundTrip(appUrl, jar, characterId);
  if (landing !== "/launcher") throw new Error(`sign-in as ${characterId} landed on ${landing}`);
  return jar;
}

/** "Register" on the launcher: the character's ESI grant with every section's scope. */
export async function registerCharacter(appUrl: string, jar: Jar, characterId: number): Promise<void> {
  const landing = await roundTrip(appUrl, jar, characterId, CHARACTER_SCOPES);
  if (landing !== `/launcher?added=${characterId}`) throw new Error(`registering ${characterId} landed on ${landing}`);
}

/** A tRPC mutation as the browser's client sends it (superjson, one call). */
export async function mutate(appUrl: string, jar: Jar, path: string, input: unknown): Promise<unknown> {
  const response = await call(jar, `${appUrl}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ json: input }),
  });
  const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: unknown };
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(body.error)}`);
  return body.result?.data?.json;
}
