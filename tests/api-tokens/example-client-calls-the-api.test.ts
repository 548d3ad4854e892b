// The typed client of examples/ against the app's tRPC handler on a real HTTP server
// and database: it reads with a token, and a session-only procedure refuses it.
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { charactersWithIndustry, memberAuditClient } from "../../examples/api-client";
import { type TestAppDeps, testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { bearerCall, createUser } from "../support/token-users";
import { startTrpcServer, type TrpcHttpServer } from "../support/trpc-http";

let t: TestDatabase;
let deps: TestAppDeps;
let server: TrpcHttpServer;
let token: string;
const users: Record<string, CurrentUser> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  deps = testAppDeps({ db: t.db, esi: createEsiClient({ baseUrl: "http://127.0.0.1:9" }) });
  await createUser(deps, 1, []);
  users.client = await createUser(deps, 7, ["basic_access", "api_access"]);
  server = await startTrpcServer(deps, users);
  const minted = await bearerCall(server.url, "user:client", "apiTokens.create", "mutation", {
    name: "example",
    expiresInDays: 7,
    permissions: ["basic_access"],
  });
  token = (minted.body.result!.data!.json as { token: string }).token;
});
afterAll(async () => {
  await server?.close();
  await t?.drop();
});

describe("the example client", () => {
  it("reads the token holder's characters and a sheet tab, typed", async () => {
    const rows = await charactersWithIndustry(server.url, token);
    expect(rows.map((r) => r.id)).toEqual([7]);
    expect(rows[0]!.industry).toBeDefined();
  });

  it("gets the API's refusals as TRPCClientError with the code", async () => {
    const client = memberAuditClient(server.url, token);
    const refusal = await client.apiTokens.list.query().catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TRPCClientError);
    expect((refusal as TRPCClientError<never>).data).toMatchObject({ code: "FORBIDDEN", reason: "session-only" });
    const bad = await memberAuditClient(server.url, "ma_bad")
      .characters.mine.query()
      .catch((e: unknown) => e);
    expect((bad as TRPCClientError<never>).data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
  });
});
