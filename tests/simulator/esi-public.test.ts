// Public ESI routes over HTTP: bodies against CCP's response schemas, both URL
// forms, the cache headers and 304s, affiliation/names semantics and error bodies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { simAlliances, simCharacters, simCorporations } from "~/simulator/roster";
import type { Simulator } from "~/simulator/server";
import { requiredFields, schemaErrors } from "../support/esi-schema-check";
import { startSimulator } from "../support/sso-flow";

let sim: Simulator;
let url: string;

beforeAll(async () => {
  ({ sim, url } = await startSimulator());
});
afterAll(async () => sim?.close());

function maxAgeOf(response: Response): number {
  const match = /^public, max-age=(\d+)$/.exec(response.headers.get("cache-control") ?? "");
  if (!match) throw new Error(`unexpected Cache-Control: ${response.headers.get("cache-control")}`);
  return Number(match[1]);
}
/** Expires - Date, in seconds, as a client computes freshness. */
const secondsLeft = (response: Response) =>
  (Date.parse(response.headers.get("expires")!) - Date.parse(response.headers.get("date")!)) / 1000;

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers });
const postJson = (path: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("GET /characters/{character_id}", () => {
  it("returns every roster character in the spec's shape with the roster's data", async () => {
    expect(requiredFields("GET /characters/{character_id}")).toContain("achievement_score");
    for (const character of simCharacters) {
      const response = await get(`/characters/${character.characterId}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(schemaErrors("GET /characters/{character_id}", body)).toEqual([]);
      expect(body).toMatchObject({
        name: character.name,
        corporation_id: character.corporationId,
        birthday: character.birthday,
        gender: character.gender,
        race_id: character.raceId,
        bloodline_id: character.bloodlineId,
        security_status: character.securityStatus,
      });
      expect(body.alliance_id).toBe(character.allianceId);
    }
  });

  it("serves the /latest/, /vN/ and bare forms, with or without trailing slash, as one resource", async () => {
    const forms = [
      "/characters/2112000001",
      "/characters/2112000001/",
      "/latest/characters/2112000001/?datasource=tranquility",
      "/v5/characters/2112000001/",
    ];
    const responses = await Promise.all(
      forms.map((p) => get(p, { "X-Compatibility-Date": "2026-07-17", "Accept-Language": "de" })),
    );
    const etags = responses.map((r) => r.headers.get("etag"));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(etags).size).toBe(1);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    expect(new Set(bodies).size).toBe(1);
  });

  it("sends ESI's cache headers from the simulated clock", async () => {
    const response = await get("/characters/2112000004");
    expect(response.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    const maxAge = maxAgeOf(response);
    expect(maxAge).toBeLessThanOrEqual(86_400);
    expect(maxAge).toBeGreaterThan(86_000);
    expect(maxAge).toBe(secondsLeft(response));
    const etag = response.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
    const expires = Date.parse(response.headers.get("expires")!);
    const lastModified = Date.parse(response.headers.get("last-modified")!);
    expect(expires - lastModified).toBe(86_400_000);
    expect(response.headers.get("expires")).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(Math.abs(Date.parse(response.headers.get("date")!) - sim.now().getTime())).toBeLessThan(2000);
  });

  it("answers If-None-Match with the current ETag with a bodiless 304 that repeats the cache headers", async () => {
    const first = await get("/characters/2112000002");
    const etag = first.headers.get("etag")!;
    const cached = await get("/latest/characters/2112000002/", { "If-None-Match": etag });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    expect(cached.headers.get("etag")).toBe(etag);
    expect(cached.headers.get("expires")).toBe(first.headers.get("expires"));
    expect(cached.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    expect((await get("/characters/2112000002", { "If-None-Match": `W/${etag}` })).status).toBe(304);
    const stale = await get("/characters/2112000002", { "If-None-Match": '"something-else"' });
    expect(stale.status).toBe(200);
    expect(((await stale.json()) as { name: string }).name).toBe("Torvan Kessari");
  });

  it("answers If-Modified-Since at or after Last-Modified with 304", async () => {
    const first = await get("/characters/2112000003");
    const lastModified = first.headers.get("last-modified")!;
    expect((await get("/characters/2112000003", { "If-Modified-Since": lastModified })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await get("/characters/2112000003", { "If-Modified-Since": earlier })).status).toBe(200);
  });

  it("keeps one snapshot until Expires, then renews Expires but keeps ETag and Last-Modified of unchanged data", async () => {
    const first = await get("/characters/2112000006");
    sim.advanceClock(600);
    const within = await get("/characters/2112000006");
    expect(within.headers.get("expires")).toBe(first.headers.get("expires"));
    expect(maxAgeOf(within)).toBe(secondsLeft(within));
    expect(maxAgeOf(within)).toBeLessThanOrEqual(86_400 - 600);
    sim.advanceClock(86_400);
    const renewed = await get("/characters/2112000006");
    expect(Date.parse(renewed.headers.get("expires")!)).toBeGreaterThan(Date.parse(first.headers.get("expires")!));
    expect(renewed.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(renewed.headers.get("last-modified")).toBe(first.headers.get("last-modified"));
    expect(maxAgeOf(renewed)).toBe(secondsLeft(renewed));
    expect(maxAgeOf(renewed)).toBeGreaterThanOrEqual(86_399);
  });

  it("answers unknown and malformed ids with JSON errors", async () => {
    const missing = await get("/characters/2112000099");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "Character not found" });
    const malformed = await get("/characters/abc");
    expect(malformed.status).toBe(400);
    expect(Object.keys((await malformed.json()) as object)).toEqual(["error"]);
  });
});

describe("GET /corporations/{corporation_id} and /alliances/{alliance_id}", () => {
  it("returns the four corporations in the spec's shape", async () => {
    for (const corporation of simCorporations) {
      const response = await get(`/latest/corporations/${corporation.corporationId}/`);
      expect(response.status).toBe(200);
      expect(maxAgeOf(response)).toBeGreaterThan(3500);
      expect(maxAgeOf(response)).toBeLessThanOrEqual(3600);
      const body = (await response.json()) as Record<string, unknown>;
      expect(schemaErrors("GET /corporations/{corporation_id}", body)).toEqual([]);
      expect(body).toMatchObject({
        name: corporation.name,
        ticker: corporation.ticker,
        member_count: 3,
        ceo_id: corporation.ceoId,
      });
      expect(body.alliance_id).toBe(corporation.allianceId);
    }
    const lone = (await (await get("/corporations/98000004")).json()) as Record<string, unknown>;
    expect(lone).not.toHaveProperty("alliance_id");
  });

  it("returns the two alliances in the spec's shape", async () => {
    for (const alliance of simAlliances) {
      const response = await get(`/alliances/${alliance.allianceId}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(schemaErrors("GET /alliances/{alliance_id}", body)).toEqual([]);
      expect(body).toMatchObject({
        name: alliance.name,
        ticker: alliance.ticker,
        executor_corporation_id: alliance.executorCorporationId,
      });
    }
  });

  it("answers unknown ids with 404 and the entity's name in the message", async () => {
    expect(await (await get("/corporations/98000009")).json()).toEqual({ error: "Corporation not found" });
    const alliance = await get("/alliances/99000009");
    expect(alliance.status).toBe(404);
    expect(await alliance.json()).toEqual({ error: "Alliance not found" });
  });
});

describe("POST /characters/affiliation", () => {
  it("maps characters to corporation and alliance", async () => {
    const response = await postJson("/characters/affiliation", [2112000001, 2112000008, 2112000012]);
    expect(response.status).toBe(200);
    expect(maxAgeOf(response)).toBeGreaterThan(3500);
    expect(maxAgeOf(response)).toBeLessThanOrEqual(3600);
    const body = await response.json();
    expect(schemaErrors("POST /characters/affiliation", body)).toEqual([]);
    expect(body).toEqual([
      { alliance_id: 99000001, character_id: 2112000001, corporation_id: 98000001 },
      { alliance_id: 99000002, character_id: 2112000008, corporation_id: 98000003 },
      { character_id: 2112000012, corporation_id: 98000004 },
    ]);
  });

  it("is served under /latest/ too and gives 304 for a matching ETag", async () => {
    const first = await postJson("/latest/characters/affiliation/?datasource=tranquility", [2112000005]);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const again = await fetch(`${url}/characters/affiliation`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "If-None-Match": etag },
      body: "[2112000005]",
    });
    expect(again.status).toBe(304);
  });

  it.each([
    ["an empty array", []],
    ["more than 1000 ids", Array.from({ length: 1001 }, (_, i) => 2112000001 + i)],
    ["a non-array", { ids: [2112000001] }],
    ["strings", ["2112000001"]],
    ["duplicates", [2112000001, 2112000001]],
    ["an unknown character", [2112000001, 1]],
    ["invalid JSON", "[2112000001,"],
  ])("refuses %s with 400 and an error body", async (_, body) => {
    const response = await postJson("/characters/affiliation", body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: unknown };
    expect(typeof json.error).toBe("string");
  });
});

describe("POST /universe/names", () => {
  it("resolves characters, corporations and alliances in request order", async () => {
    const response = await postJson("/universe/names", [99000002, 2112000007, 98000002]);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(schemaErrors("POST /universe/names", body)).toEqual([]);
    expect(body).toEqual([
      { category: "alliance", id: 99000002, name: "Other Alliance" },
      { category: "character", id: 2112000007, name: "Jorund Vale" },
      { category: "corporation", id: 98000002, name: "Mock Mining Corp" },
    ]);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{40}"$/);
  });

  it("fails the whole request when one id is unknown", async () => {
    const response = await postJson("/universe/names", [2112000001, 123]);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Ensure all IDs are valid before resolving." });
  });
});

describe("routing", () => {
  it("answers unknown routes with 404 {error: Not found} and wrong methods with 405", async () => {
    const missing = await get("/latest/sovereignty/nowhere/");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    expect(await missing.json()).toEqual({ error: "Not found" });
    const wrong = await fetch(`${url}/characters/2112000001`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(await wrong.json()).toEqual({ error: "Method not allowed" });
  });
});

describe("portraits", () => {
  it("serves an SVG with the character's initials on an id-derived colour", async () => {
    const response = await get("/images/characters/2112000001/portrait?size=128");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/svg+xml");
    const svg = await response.text();
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain(">AV</text>");
    const other = await (await get("/images/characters/2112000002/portrait")).text();
    expect(other).toContain(">TK</text>");
    const fill = (s: string) => /<rect [^>]*fill="([^"]+)"/.exec(s)?.[1];
    expect(fill(svg)).toBeDefined();
    expect(fill(svg)).not.toBe(fill(other));
  });

  it("serves corporation and alliance logos with the ticker, and type icons, so the demo shows no broken image", async () => {
    const corporation = await get("/images/corporations/98000001/logo?size=32");
    expect(corporation.status).toBe(200);
    expect(corporation.headers.get("content-type")).toBe("image/svg+xml");
    const corporationSvg = await corporation.text();
    expect(corporationSvg).toContain('aria-label="Sim Industries"');
    const alliance = await (await get("/images/alliances/99000001/logo?size=32")).text();
    expect(alliance).toMatch(/^<svg [^>]*aria-label="[^"]+"/);
    expect(alliance).not.toContain("Unknown alliance");
    const type = await (await get("/images/types/587/icon?size=32")).text();
    expect(type).toContain('aria-label="Rifter"');
    expect(await (await get("/images/corporations/1/logo")).text()).toContain("Unknown corporation");
  });
});
