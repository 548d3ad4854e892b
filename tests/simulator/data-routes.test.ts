// The data routes against CCP's spec: metadata (scope, cache age, rate-limit
// group, page size) as the document declares it, every body valid against its
// response schema for roster and synthetic characters, and ESI's cursor and
// error semantics.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { SimClock } from "~/simulator/clock";
import { characterSection, configureSimData, resetSimData } from "~/simulator/data";
import { PLAYER_STRUCTURES } from "~/simulator/data/catalog";
import { resolveUniverseName } from "~/simulator/data/universe-names";
import { findType, sdeSchematics, sdeStations, sdeSystems, typesInCategory } from "~/simulator/sde";
import { call, callError, dataRoutes } from "../support/sim-data-routes";
import { validate } from "../support/esi-spec-validator";

type Operation = {
  security?: { OAuth2?: string[] }[];
  "x-cache-age"?: number;
  "x-rate-limit"?: { group: string; "max-tokens": number; "window-size": string };
};
const spec = JSON.parse(
  readFileSync(new URL("../../src/server/esi/openapi/esi-openapi-3.0.3-2026-07-17.json", import.meta.url), "utf8"),
) as {
  paths: Record<string, Record<string, Operation & { parameters?: { name?: string }[] }>>;
};

const ANCHOR = Date.UTC(2026, 10, 1);
const CHARACTERS = [2112000001, 2112000004, 2112000010, 2112000012, 2113000001, 2113000042];

beforeAll(() => {
  resetSimData();
  configureSimData({ seed: 7, anchorMs: ANCHOR });
});

const expectValid = async (method: string, path: string, options: Parameters<typeof call>[2] = {}) => {
  const body = await call(method, path, options);
  const errors = validate(method, path, 200, body);
  expect(errors.slice(0, 5), `${method} ${path} ${JSON.stringify(options.params ?? {})}`).toEqual([]);
  return body;
};

describe("route metadata", () => {
  it("matches the spec's security, x-cache-age, x-rate-limit and paging for every route", () => {
    for (const route of dataRoutes) {
      const op = spec.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path} exists in the spec`).toBeDefined();
      if (!op) continue;
      const scope = op.security?.[0]?.OAuth2?.[0];
      expect(route.scope, `${route.path} scope`).toBe(scope);
      expect(route.cacheSeconds, `${route.path} cache`).toBe(op["x-cache-age"] ?? 0);
      const limit = op["x-rate-limit"];
      expect(route.rateLimit, `${route.path} rate limit`).toEqual(
        limit ? { group: limit.group, maxTokens: limit["max-tokens"], windowSeconds: 900 } : undefined,
      );
      const paged = (op.parameters ?? []).some((p) => p.name === "page");
      expect(route.pageSize !== undefined, `${route.path} paging`).toBe(paged);
      if (route.path.startsWith("/characters/{character_id}/") && scope)
        expect(route.characterParam).toBe("character_id");
    }
  });

  it("pages with CCP's page sizes", () => {
    const sizes = Object.fromEntries(dataRoutes.filter((r) => r.pageSize).map((r) => [r.path, r.pageSize]));
    expect(sizes).toMatchObject({
      "/characters/{character_id}/assets": 1000,
      "/characters/{character_id}/blueprints": 1000,
      "/characters/{character_id}/contacts": 1024,
      "/characters/{character_id}/contracts": 1000,
      "/characters/{character_id}/mining": 1000,
      "/characters/{character_id}/killmails/recent": 1000,
      "/characters/{character_id}/wallet/journal": 2500,
      "/characters/{character_id}/orders/history": 1000,
    });
  });
});

describe("character bodies validate against the spec", () => {
  const simple = dataRoutes.filter(
    (r) =>
      r.method === "GET" &&
      r.path.startsWith("/characters/{character_id}/") &&
      !/\{(?!character_id)/.test(r.path.replace("{character_id}", "")),
  );

  it.each(CHARACTERS)("every list and object route for %i", async (characterId) => {
    for (const route of simple)
      await expectValid("GET", route.path, { params: { character_id: characterId }, clock: new SimClock() });
    await expectValid("GET", "/characters/{character_id}/industry/jobs", {
      params: { character_id: characterId },
      query: { include_completed: "true" },
    });
  });

  it.each(CHARACTERS)("detail routes of %i", async (characterId) => {
    const params = { character_id: characterId };
    const contracts = characterSection(characterId, "contracts")?.contracts ?? [];
    for (const contract of contracts.slice(0, 20)) {
      await expectValid("GET", "/characters/{character_id}/contracts/{contract_id}/items", {
        params: { ...params, contract_id: contract.contract_id },
      });
      await expectValid("GET", "/characters/{character_id}/contracts/{contract_id}/bids", {
        params: { ...params, contract_id: contract.contract_id },
      });
    }
    for (const header of (characterSection(characterId, "mail")?.headers ?? []).slice(-5)) {
      await expectValid("GET", "/characters/{character_id}/mail/{mail_id}", {
        params: { ...params, mail_id: header.mail_id ?? 0 },
      });
    }
    for (const colony of characterSection(characterId, "planets")?.colonies ?? []) {
      await expectValid("GET", "/characters/{character_id}/planets/{planet_id}", {
        params: { ...params, planet_id: colony.planet_id },
      });
    }
    for (const event of (characterSection(characterId, "events")?.events ?? []).slice(0, 5)) {
      await expectValid("GET", "/characters/{character_id}/calendar/{event_id}", {
        params: { ...params, event_id: event.event_id },
      });
    }
    const recent = (await call("GET", "/characters/{character_id}/killmails/recent", { params })) as {
      killmail_id: number;
      killmail_hash: string;
    }[];
    for (const kill of recent.slice(0, 10)) {
      await expectValid("GET", "/killmails/{killmail_id}/{killmail_hash}", {
        params: { killmail_id: kill.killmail_id, killmail_hash: kill.killmail_hash },
      });
    }
    const items = (characterSection(characterId, "assets")?.items ?? []).slice(0, 1000).map((i) => i.item_id);
    if (items.length > 0) {
      await expectValid("POST", "/characters/{character_id}/assets/names", { params, body: items });
      await expectValid("POST", "/characters/{character_id}/assets/locations", { params, body: items });
    }
  });
});

describe("universe and market bodies validate against the spec", () => {
  it("types of every kind the data uses", async () => {
    const samples = [
      3300,
      587,
      670,
      11,
      52678,
      35832,
      2073,
      34,
      ...[6, 7, 8, 9, 16, 18, 20, 25, 41, 43].map((c) => typesInCategory(c)[0]?.id ?? 0),
    ];
    for (const typeId of samples) {
      expect(findType(typeId), `type ${typeId} in the extract`).toBeDefined();
      await expectValid("GET", "/universe/types/{type_id}", { params: { type_id: typeId } });
    }
  });

  it("groups, categories and the map", async () => {
    await expectValid("GET", "/universe/groups/{group_id}", { params: { group_id: 25 } });
    await expectValid("GET", "/universe/categories/{category_id}", { params: { category_id: 6 } });
    for (const system of sdeSystems().filter((_, i) => i % 97 === 0)) {
      await expectValid("GET", "/universe/systems/{system_id}", { params: { system_id: system.id } });
      await expectValid("GET", "/universe/constellations/{constellation_id}", {
        params: { constellation_id: system.constellationId },
      });
      const planet = system.planets[0];
      if (planet) await expectValid("GET", "/universe/planets/{planet_id}", { params: { planet_id: planet[0] } });
    }
    await expectValid("GET", "/universe/regions/{region_id}", { params: { region_id: 10000002 } });
    for (const station of sdeStations().filter((_, i) => i % 211 === 0))
      await expectValid("GET", "/universe/stations/{station_id}", { params: { station_id: station.id } });
    await expectValid("GET", "/universe/schematics/{schematic_id}", {
      params: { schematic_id: sdeSchematics()[0]?.id ?? 0 },
    });
    for (const path of [
      "/universe/types",
      "/universe/groups",
      "/universe/categories",
      "/universe/regions",
      "/universe/constellations",
      "/universe/systems",
    ])
      await expectValid("GET", path);
  });

  it("factions, races, bloodlines, status, prices, ids", async () => {
    for (const path of ["/universe/factions", "/universe/races", "/universe/bloodlines", "/status", "/markets/prices"])
      await expectValid("GET", path);
    const ids = (await expectValid("POST", "/universe/ids", {
      body: [
        "Jita",
        "Aura Vexlin",
        "Rifter",
        "Caldari State",
        "The Forge",
        "Kimotoro",
        "Sim Industries",
        "Simulated Alliance",
        "nobody at all",
      ],
    })) as Record<string, { id: number; name: string }[]>;
    expect(ids.systems).toEqual([{ id: 30000142, name: "Jita" }]);
    expect(ids.characters).toEqual([{ id: 2112000001, name: "Aura Vexlin" }]);
    expect(ids.inventory_types).toEqual([{ id: 587, name: "Rifter" }]);
    expect(ids.regions?.[0]?.id).toBe(10000002);
    const synthetic = (await call("POST", "/universe/ids", {
      body: [resolveUniverseName(2113000321)?.name ?? ""],
    })) as Record<string, { id: number }[]>;
    expect(synthetic.characters?.[0]?.id).toBe(2113000321);
  });

  it("names every id the data hands out (for /universe/names)", () => {
    expect(resolveUniverseName(30000142)).toEqual({ category: "solar_system", id: 30000142, name: "Jita" });
    expect(resolveUniverseName(587)).toEqual({ category: "inventory_type", id: 587, name: "Rifter" });
    expect(resolveUniverseName(1000125)?.category).toBe("corporation");
    expect(resolveUniverseName(500001)?.category).toBe("faction");
    expect(resolveUniverseName(60003760)?.category).toBe("station");
    expect(resolveUniverseName(2113000321)?.category).toBe("character");
    expect(resolveUniverseName(1)).toBeUndefined();
    for (const id of [2112000001, 2113000042]) {
      const social = characterSection(id, "social")!;
      for (const s of social.standings)
        expect(resolveUniverseName(s.from_id), `standing from ${s.from_id}`).toBeDefined();
      for (const h of social.history)
        expect(resolveUniverseName(h.corporation_id), `corporation ${h.corporation_id}`).toBeDefined();
      for (const c of characterSection(id, "contacts")!.contacts)
        expect(resolveUniverseName(c.contact_id), `contact ${c.contact_id}`).toBeDefined();
    }
  });

  it("structures answer callers on their ACL and refuse everyone else", async () => {
    const open = PLAYER_STRUCTURES.find((s) => !s.corporationIds);
    const closed = PLAYER_STRUCTURES.find((s) => s.corporationIds?.includes(98000004));
    const auth = (characterId: number) => ({
      characterId,
      scopes: ["esi-universe.read_structures.v1"],
      clientId: "test",
    });
    await expectValid("GET", "/universe/structures/{structure_id}", {
      params: { structure_id: open?.id ?? 0 },
      auth: auth(2112000001),
    });
    await expectValid("GET", "/universe/structures/{structure_id}", {
      params: { structure_id: closed?.id ?? 0 },
      auth: auth(2112000010),
    });
    expect(
      await callError("GET", "/universe/structures/{structure_id}", {
        params: { structure_id: closed?.id ?? 0 },
        auth: auth(2112000009),
      }),
    ).toEqual({ status: 403, error: "Forbidden" });
    expect(
      await callError("GET", "/universe/structures/{structure_id}", {
        params: { structure_id: 1_099_999_999_999 },
        auth: auth(2112000001),
      }),
    ).toEqual({ status: 403, error: "Forbidden" });
  });
});

describe("cursors and errors", () => {
  const params = { character_id: 2112000001 };

  it("mail: 50 newest first, below last_mail_id, filtered by labels", async () => {
    const first = (await call("GET", "/characters/{character_id}/mail", { params })) as {
      mail_id: number;
      labels: number[];
    }[];
    expect(first).toHaveLength(50);
    expect(first.map((m) => m.mail_id)).toEqual([...first.map((m) => m.mail_id)].sort((a, b) => b - a));
    const last = first[first.length - 1]?.mail_id ?? 0;
    const next = (await call("GET", "/characters/{character_id}/mail", { params, query: { last_mail_id: last } })) as {
      mail_id: number;
    }[];
    expect(next.every((m) => m.mail_id < last)).toBe(true);
    const sent = (await call("GET", "/characters/{character_id}/mail", { params, query: { labels: "2" } })) as {
      labels: number[];
    }[];
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.labels.includes(2))).toBe(true);
  });

  it("wallet transactions: newest first, from_id inclusive, at most 2500", async () => {
    const all = (await call("GET", "/characters/{character_id}/wallet/transactions", { params })) as {
      transaction_id: number;
    }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(2500);
    const pivot = all[Math.floor(all.length / 2)]?.transaction_id ?? 0;
    const older = (await call("GET", "/characters/{character_id}/wallet/transactions", {
      params,
      query: { from_id: pivot },
    })) as { transaction_id: number }[];
    expect(older[0]?.transaction_id).toBe(pivot);
    expect(older.every((t) => t.transaction_id <= pivot)).toBe(true);
  });

  it("calendar: events from now, then after from_event", async () => {
    const clock = new SimClock((ANCHOR - Date.now()) / 1000 - 1);
    const now = (await call("GET", "/characters/{character_id}/calendar", { params, clock })) as {
      event_id: number;
      event_date: string;
    }[];
    expect(now.every((e) => Date.parse(e.event_date) >= clock.nowMs() - 1000)).toBe(true);
    const events = characterSection(2112000001, "events")?.events ?? [];
    const firstId = events[0]?.event_id ?? 0;
    const after = (await call("GET", "/characters/{character_id}/calendar", {
      params,
      query: { from_event: firstId },
    })) as { event_id: number }[];
    expect(after[0]?.event_id).toBe(events[1]?.event_id);
  });

  it("answers CCP's errors for unknown things", async () => {
    expect(
      await callError("GET", "/characters/{character_id}/skills", { params: { character_id: 2114000000 } }),
    ).toEqual({ status: 404, error: "Character not found" });
    expect(
      await callError("GET", "/characters/{character_id}/mail/{mail_id}", { params: { ...params, mail_id: 1 } }),
    ).toEqual({ status: 404, error: "Mail not found" });
    expect(
      await callError("GET", "/characters/{character_id}/planets/{planet_id}", { params: { ...params, planet_id: 1 } }),
    ).toEqual({ status: 404, error: "Colony not found" });
    expect(
      (
        await callError("GET", "/characters/{character_id}/contracts/{contract_id}/items", {
          params: { ...params, contract_id: 1 },
        })
      ).status,
    ).toBe(404);
    expect(await callError("GET", "/universe/types/{type_id}", { params: { type_id: 999_999_999 } })).toEqual({
      status: 404,
      error: "Type not found",
    });
    expect(
      await callError("GET", "/killmails/{killmail_id}/{killmail_hash}", {
        params: { killmail_id: 130_000_001, killmail_hash: "0".repeat(40) },
      }),
    ).toEqual({
      status: 422,
      error: "Invalid killmail_id and/or killmail_hash",
    });
    expect(await callError("POST", "/characters/{character_id}/assets/names", { params, body: [1] })).toEqual({
      status: 404,
      error: "Invalid IDs in the request",
    });
    expect((await callError("POST", "/characters/{character_id}/assets/names", { params, body: [] })).status).toBe(400);
    expect((await callError("POST", "/universe/ids", { body: [] })).status).toBe(400);
  });
});
