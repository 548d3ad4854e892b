// ESI's Bearer-token handling in front of authenticated routes: 401 for missing,
// forged and expired tokens, CCP's 403s for a missing scope, another character's
// path and missing corporation roles, and the verified identity handed to the
// handler. Uses small routes of its own so it tests the gateway, not the data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EsiRoute } from "~/simulator/esi/route";
import { createSimulator, type Simulator } from "~/simulator/server";
import { CLIENT, DEAD_REFRESH_TOKEN, loginTokens, refresh, startSimulator } from "../support/sso-flow";

const SCOPE = "esi-skills.read_skills.v1";
const AURA = 2112000001; // CEO of Sim Industries (98000001)
const TORVAN = 2112000002; // member of Sim Industries, no title
const DAREN = 2112000004; // CEO of Mock Mining Corp (98000002)

let handlerCalls = 0;
const routes: EsiRoute[] = [
  {
    method: "GET",
    path: "/characters/{character_id}/sim-test/profile",
    cacheSeconds: 120,
    scope: SCOPE,
    characterParam: "character_id",
    handler: ({ params, auth }) => {
      handlerCalls++;
      return {
        character_id: Number(params.character_id),
        seen_by: auth?.characterId,
        client: auth?.clientId,
        scopes: auth?.scopes,
      };
    },
  },
  {
    method: "GET",
    path: "/corporations/{corporation_id}/sim-test/secrets",
    cacheSeconds: 120,
    scope: SCOPE,
    requiredRoles: ["Director"],
    handler: ({ params }) => ({ corporation_id: Number(params.corporation_id) }),
  },
  {
    method: "GET",
    path: "/corporations/{corporation_id}/sim-test/roster",
    cacheSeconds: 120,
    scope: SCOPE,
    handler: ({ params }) => ({ corporation_id: Number(params.corporation_id) }),
  },
  {
    method: "GET",
    path: "/sim-test/whoami",
    cacheSeconds: 120,
    scope: SCOPE,
    handler: ({ auth }) => ({ character_id: auth?.characterId }),
  },
];

let sim: Simulator;
let url: string;

beforeAll(async () => {
  ({ sim, url } = await startSimulator({ extraEsiRoutes: routes }));
});
afterAll(async () => sim?.close());

const token = (characterId: number, scopes = [SCOPE], clientId = CLIENT.clientId) =>
  sim.issueAccessToken(characterId, scopes, clientId);
const get = (path: string, bearer?: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, {
    headers: bearer === undefined ? headers : { ...headers, Authorization: `Bearer ${bearer}` },
  });

async function expectError(response: Response, status: number, message: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json; charset=UTF-8");
  expect(await response.json()).toEqual({ error: message });
}

describe("401 authentication failure", () => {
  it("answers a request without a token", async () => {
    await expectError(await get(`/characters/${AURA}/sim-test/profile`), 401, "authentication failure");
  });

  it("answers a malformed header, a garbage token and a token signed by another key", async () => {
    await expectError(
      await get(`/characters/${AURA}/sim-test/profile`, undefined, { Authorization: "Basic abc" }),
      401,
      "authentication failure",
    );
    await expectError(await get(`/characters/${AURA}/sim-test/profile`, "not-a-jwt"), 401, "authentication failure");
    const other = createSimulator({ clients: [CLIENT] });
    const forged = await other.issueAccessToken(AURA, [SCOPE], CLIENT.clientId);
    await expectError(await get(`/characters/${AURA}/sim-test/profile`, forged), 401, "authentication failure");
  });

  it("answers a token once the simulated clock passes its exp, even after it was accepted", async () => {
    const local = await startSimulator({ extraEsiRoutes: routes });
    try {
      const bearer = await local.sim.issueAccessToken(TORVAN, [SCOPE], CLIENT.clientId);
      const path = `${local.url}/characters/${TORVAN}/sim-test/profile`;
      expect((await fetch(path, { headers: { Authorization: `Bearer ${bearer}` } })).status).toBe(200);
      local.sim.advanceClock(1190);
      expect((await fetch(path, { headers: { Authorization: `Bearer ${bearer}` } })).status).toBe(200);
      local.sim.advanceClock(10);
      await expectError(
        await fetch(path, { headers: { Authorization: `Bearer ${bearer}` } }),
        401,
        "authentication failure",
      );
    } finally {
      await local.sim.close();
    }
  });
});

describe("403 answers with CCP's messages", () => {
  it("refuses a token without the route's scope", async () => {
    const bearer = await token(AURA, ["publicData", "esi-wallet.read_character_wallet.v1"]);
    await expectError(
      await get(`/characters/${AURA}/sim-test/profile`, bearer),
      403,
      `Token is not valid for scope: ${SCOPE}`,
    );
    const none = await token(AURA, []);
    await expectError(
      await get(`/characters/${AURA}/sim-test/profile`, none),
      403,
      `Token is not valid for scope: ${SCOPE}`,
    );
  });

  it("refuses another character's path", async () => {
    await expectError(
      await get(`/characters/${TORVAN}/sim-test/profile`, await token(AURA)),
      403,
      "Character ID mismatch between request path and auth token",
    );
  });

  it("requires a corporation role in that corporation: CEOs have all, others none", async () => {
    expect((await get("/corporations/98000001/sim-test/secrets", await token(AURA))).status).toBe(200);
    await expectError(
      await get("/corporations/98000001/sim-test/secrets", await token(TORVAN)),
      403,
      "Character does not have required role(s)",
    );
    await expectError(
      await get("/corporations/98000001/sim-test/secrets", await token(DAREN)),
      403,
      "Character does not have required role(s)",
    );
  });

  it("refuses corporation routes to non-members even without roles", async () => {
    expect((await get("/corporations/98000001/sim-test/roster", await token(TORVAN))).status).toBe(200);
    await expectError(
      await get("/corporations/98000001/sim-test/roster", await token(DAREN)),
      403,
      "Character is not in the corporation",
    );
  });
});

describe("the verified identity", () => {
  it("reaches the handler, with scp given as a string or an array", async () => {
    const single = await (
      await get(`/characters/${AURA}/sim-test/profile`, await token(AURA, [SCOPE], "client-single"))
    ).json();
    expect(single).toMatchObject({ character_id: AURA, seen_by: AURA, client: "client-single", scopes: [SCOPE] });
    const several = await get(`/characters/${DAREN}/sim-test/profile`, await token(DAREN, ["publicData", SCOPE]));
    expect(await several.json()).toMatchObject({ seen_by: DAREN, scopes: ["publicData", SCOPE] });
  });

  it("is also taken from the legacy token query parameter", async () => {
    const bearer = await token(TORVAN);
    const response = await get(`/latest/characters/${TORVAN}/sim-test/profile/?datasource=tranquility&token=${bearer}`);
    expect(response.status).toBe(200);
  });

  it("keys the cache by character, never by token", async () => {
    const calls = handlerCalls;
    const path = `/characters/${DAREN}/sim-test/profile`;
    const first = await get(path, await token(DAREN, [SCOPE], "app-one"));
    const second = await get(path, await token(DAREN, [SCOPE, "publicData"], "app-two"));
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("expires")).toBe(first.headers.get("expires"));
    expect(handlerCalls - calls).toBeLessThanOrEqual(1);
    // Without the character in the path, each character gets its own snapshot.
    const aura = await (await get("/sim-test/whoami", await token(AURA))).json();
    const torvan = await (await get("/sim-test/whoami", await token(TORVAN))).json();
    expect([aura, torvan]).toEqual([{ character_id: AURA }, { character_id: TORVAN }]);
  });

  it("survives revocation of its grant until it expires, while refreshes fail at once", async () => {
    const tokens = await loginTokens(url, "Ilsa Marrow");
    const path = `/characters/2112000003/sim-test/profile`;
    expect((await get(path, tokens.access_token)).status).toBe(200);
    expect(sim.revokeCharacterTokens(2112000003)).toBe(1);
    expect((await get(path, tokens.access_token)).status).toBe(200);
    const refreshed = await refresh(url, tokens.refresh_token);
    expect(refreshed).toEqual({ status: 400, body: DEAD_REFRESH_TOKEN });
  });
});
