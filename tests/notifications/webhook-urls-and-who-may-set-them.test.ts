// Which webhook URLs may be saved: Discord's and Slack's own https webhook addresses
// (kind from the host), other hosts only on an allowed origin and with the kind given,
// each refusal BAD_INPUT naming the field; and only a superuser may set, list, test or
// remove one. Real PostgreSQL, through the tRPC router.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { createEsiClient } from "~/server/esi/client";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";

const ORIGIN = "http://127.0.0.1:8065";
let t: TestDatabase;
const esi = createEsiClient({ baseUrl: "http://127.0.0.1:9" });
const as = (userId: string) =>
  appRouter.createCaller({
    deps: { ...testAppDeps({ db: t.db, esi }), webhooks: { allowedOrigins: [ORIGIN] } },
    user: { id: userId } as CurrentUser,
  });

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.user.createMany({ data: [{ id: "root", isSuperuser: true }, { id: "member" }] });
  await as("root").admin.webhooks.set({ eventType: "character_removed", url: `${ORIGIN}/hooks/x`, kind: "discord" });
});
afterAll(async () => {
  await esi.close();
  await t?.drop();
});

describe("webhook URLs", () => {
  it("refuse URLs outside Discord, Slack and the allowed origins, naming the field", async () => {
    const refused = (input: Parameters<ReturnType<typeof as>["admin"]["webhooks"]["set"]>[0]) =>
      as("root")
        .admin.webhooks.set(input)
        .then(
          () => "saved",
          (e: { code: string; message: string }) => `${e.code} ${e.message}`,
        );
    expect(await refused({ eventType: "compliance_lost", url: "http://discord.com/api/webhooks/1/abc" })).toMatch(
      /^BAD_REQUEST Invalid input: url:/,
    );
    expect(await refused({ eventType: "compliance_lost", url: "https://chat.example.org/hooks/1" })).toMatch(
      /^BAD_REQUEST Invalid input: url:/,
    );
    expect(await refused({ eventType: "compliance_lost", url: "https://discord.com/somewhere" })).toMatch(
      /^BAD_REQUEST Invalid input: url:/,
    );
    expect(await refused({ eventType: "compliance_lost", url: "https://u:p@hooks.slack.com/services/T/B/x" })).toMatch(
      /url:/,
    );
    expect(await refused({ eventType: "compliance_lost", url: `${ORIGIN}/hooks/x` })).toMatch(
      /^BAD_REQUEST Invalid input: kind:/,
    );
    expect(
      await refused({ eventType: "compliance_lost", url: "https://hooks.slack.com/services/T0/B0/x", kind: "discord" }),
    ).toMatch(/kind:/);
    expect(
      await as("root").admin.webhooks.set({
        eventType: "compliance_lost",
        url: "https://discord.com/api/webhooks/123/a-b_c",
      }),
    ).toMatchObject({ kind: "discord" });
    expect(
      await as("root").admin.webhooks.set({
        eventType: "compliance_gained",
        url: "https://hooks.slack.com/services/T0/B0/x",
      }),
    ).toMatchObject({ kind: "slack" });
    expect(await as("root").admin.webhooks.remove({ eventType: "compliance_gained" })).toEqual({ removed: true });
  });

  it("answer FORBIDDEN to anyone but a superuser, and store nothing for them", async () => {
    const member = as("member");
    const calls = [
      () => member.admin.webhooks.list(),
      () => member.admin.webhooks.set({ eventType: "export_finished", url: `${ORIGIN}/hooks/x`, kind: "slack" }),
      () => member.admin.webhooks.sendTest({ eventType: "character_removed" }),
      () => member.admin.webhooks.remove({ eventType: "character_removed" }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.webhookEndpoint.count({ where: { eventType: "export_finished" } })).toBe(0);
    expect(await t.db.webhookEndpoint.count({ where: { eventType: "character_removed" } })).toBe(1);
  });
});
