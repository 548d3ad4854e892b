// The client's types come from CCP's OpenAPI document (checked by `npm run
// typecheck`, which includes this file), and the spec metadata the client reads
// at run time matches the contract's table.
import { describe, expect, expectTypeOf, it } from "vitest";
import type { EsiClient, EsiResult } from "~/server/esi/client";
import type { components } from "~/server/esi/openapi/esi";
import { operationSpec } from "~/server/esi/spec";

type Assets = components["schemas"]["CharactersCharacterIdAssetsGet"];

describe("typed operations", () => {
  it("derives bodies, parameters and list items from the spec", () => {
    expectTypeOf<ReturnType<EsiClient["getPages"]>>().toBeObject();
    type AssetsResult = Awaited<ReturnType<typeof getAssets>>;
    const getAssets = (esi: EsiClient) =>
      esi.getPages("/characters/{character_id}/assets", { path: { character_id: 1 } });
    expectTypeOf<AssetsResult>().toEqualTypeOf<EsiResult<Assets[number][]>>();
    const getWallet = (esi: EsiClient) =>
      esi.getData("/characters/{character_id}/wallet", { path: { character_id: 1 } });
    expectTypeOf<Awaited<ReturnType<typeof getWallet>>>().toEqualTypeOf<number>();
    const affiliation = (esi: EsiClient) => esi.post("/characters/affiliation", { body: [1, 2] });
    expectTypeOf<Awaited<ReturnType<typeof affiliation>>[number]["corporation_id"]>().toEqualTypeOf<number>();
    // @ts-expect-error path parameters are required where the template has them
    const missing = (esi: EsiClient) => esi.get("/characters/{character_id}/assets");
    // @ts-expect-error not an ESI path
    const unknown = (esi: EsiClient) => esi.get("/characters/{character_id}/nope", { path: { character_id: 1 } });
    // journal is paged, transactions are not (cursor): getPages refuses them
    const notPaged = (esi: EsiClient) =>
      // @ts-expect-error not an X-Pages path
      esi.getPages("/characters/{character_id}/wallet/transactions", { path: { character_id: 1 } });
    expect([missing, unknown, notPaged]).toHaveLength(3);
  });

  it("reads scope, rate-limit group, cache age and paging style from the document", () => {
    expect(operationSpec("GET", "/characters/{character_id}/assets")).toMatchObject({
      scopes: ["esi-assets.read_assets.v1"],
      rateLimit: { group: "char-asset", maxTokens: 1800, windowSeconds: 900 },
      cacheSeconds: 3600,
      paging: "x-pages",
    });
    expect(operationSpec("GET", "/characters/{character_id}/wallet/transactions").paging).toBe("from_id");
    expect(operationSpec("GET", "/characters/{character_id}/mail").paging).toBe("last_mail_id");
    expect(operationSpec("GET", "/characters/{character_id}")).toMatchObject({ scopes: [], rateLimit: undefined });
    expect(() => operationSpec("GET", "/nope")).toThrow(/no operation/);
  });
});
