// The administrators' actions on real PostgreSQL and the simulator, each with its effect:
// update now queues every section forced, shows in progress at once and ok after the
// real update job ran; disable keeps the data and the scheduler leaves the character
// alone until enabled; the dead-token notification can be given again after a reset;
// delete removes the data and revokes the token. Every id gets its own outcome.
import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toInngestFunction } from "@inngest-fns/functions";
import { deleteCharacters, resetTokenNotification, setEnabled, updateNow } from "~/server/admin-characters/actions";
import { listAdminCharacters } from "~/server/admin-characters/list";
import type { EsiClient } from "~/server/esi/client";
import { updateCharacter } from "~/server/jobs/definitions/update-character";
import type { JobEventPayload } from "~/server/jobs/job";
import { CHARACTER_SCOPES } from "~/server/sections/scopes";
import { notifyTokenInvalid } from "~/server/updates/update-character";
import { DEFAULT_ENGINE_SETTINGS, enabledSections } from "~/server/updates/engine-settings";
import { findStaleSections } from "~/server/updates/stale";
import { updateDepsFrom } from "~/server/updates/update-deps";
import type { Simulator } from "~/simulator/server";
import { testAppDeps, type TestAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { CLIENT, cipher, makeClient, registerWithToken, startSim } from "../support/simulator";

const [A, B, DEAD] = [2112000001, 2112000002, 2112000005];
const settings = DEFAULT_ENGINE_SETTINGS;
let t: TestDatabase;
let sim: Simulator;
let url: string;
let esi: EsiClient;
let deps: TestAppDeps;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ sim, url } = await startSim());
  for (const id of [A, B, DEAD]) await registerWithToken(t.db, url, id, { scopes: [...CHARACTER_SCOPES] });
  await t.db.esiToken.update({ where: { characterId: DEAD }, data: { status: "INVALID", invalidReason: "revoked" } });
  esi = makeClient(t.db, url);
  deps = testAppDeps({
    db: t.db,
    esi,
    cipher,
    sso: { baseUrl: url, clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret },
  });
}, 60_000);
afterAll(async () => {
  await esi?.close();
  await sim?.close();
  await t?.drop();
});

const statusOf = async (id: number) =>
  (await listAdminCharacters(t.db, settings, { limit: 200 })).rows.find((r) => r.id === id)?.status;

/** The job the event starts, run to the end as a driver would (Inngest's test engine). */
async function runJob(event: JobEventPayload) {
  const engine = new InngestTestEngine({
    function: toInngestFunction(updateCharacter(() => updateDepsFrom({ db: t.db, esi }), settings)),
    events: [event as never],
  });
  const { error } = await engine.execute();
  expect(error).toBeUndefined();
}

const stale = async (id: number) =>
  (
    await findStaleSections(t.db, {
      sections: enabledSections(settings),
      staleMinutes: settings.staleMinutes,
      now: new Date(),
      characterIds: [id],
    })
  ).get(id) ?? [];

describe("update now", () => {
  it("queues every enabled section forced, shows in progress at once, then ok when the job has run", async () => {
    expect(await statusOf(A)).toBe("unknown");
    const outcomes = await updateNow(deps, settings, [A, A, 424242]);
    expect(outcomes).toEqual([
      { characterId: A, outcome: "done", message: `Update of ${enabledSections(settings).length} sections queued.` },
      { characterId: 424242, outcome: "not_found", message: "No such registered character." },
    ]);
    expect(deps.sentEvents).toEqual([
      {
        name: "memberaudit/character.update",
        data: { characterId: A, sections: enabledSections(settings).map((s) => s.name), force: true },
      },
    ]);
    expect(await statusOf(A)).toBe("in_progress");
    await runJob(deps.sentEvents[0]!);
    expect(await statusOf(A)).toBe("ok");
    expect(await t.db.characterSkill.count({ where: { characterId: A } })).toBeGreaterThan(0);
  }, 120_000);

  it("refuses disabled characters and dead tokens, and sends nothing for them", async () => {
    deps.sentEvents.length = 0;
    await setEnabled(t.db, [B], false);
    const outcomes = await updateNow(deps, settings, [B, DEAD]);
    expect(outcomes.map((o) => [o.characterId, o.outcome])).toEqual([
      [B, "refused"],
      [DEAD, "refused"],
    ]);
    expect(deps.sentEvents).toEqual([]);
    expect(await statusOf(B)).toBe("disabled");
    expect(await statusOf(DEAD)).toBe("error");
    await setEnabled(t.db, [B], true);
  });
});

describe("disable and enable", () => {
  it("a disabled character is left out of the scheduler's stale query, its data kept; enabled, it is due again", async () => {
    const skills = await t.db.characterSkill.count({ where: { characterId: A } });
    // Every section of A is fresh after its update; make one due as time would.
    await t.db.sectionUpdateStatus.update({
      where: { characterId_section: { characterId: A, section: "skills" } },
      data: { finishedAt: new Date(Date.now() - 30 * 24 * 3600_000) },
    });
    expect(await stale(A)).toContain("skills");
    expect(await setEnabled(t.db, [A, 424242], false)).toEqual([
      { characterId: A, outcome: "done", message: "Now disabled." },
      { characterId: 424242, outcome: "not_found", message: "No such registered character." },
    ]);
    expect(await stale(A)).toEqual([]);
    expect(await statusOf(A)).toBe("disabled");
    expect(await t.db.characterSkill.count({ where: { characterId: A } })).toBe(skills);
    expect((await setEnabled(t.db, [A], false))[0]!.outcome).toBe("unchanged");
    expect((await setEnabled(t.db, [A], true))[0]!.outcome).toBe("done");
    expect(await stale(A)).toContain("skills");
  });
});

describe("reset token notification", () => {
  it("clears the once-only mark, so the owner is told about the next dead token again", async () => {
    await t.db.user.create({ data: { id: "owner-dead" } });
    await t.db.characterOwnership.create({ data: { characterId: DEAD, userId: "owner-dead", ownerHash: "h" } });
    expect(await notifyTokenInvalid(t.db, DEAD)).toBe(true);
    expect(await notifyTokenInvalid(t.db, DEAD)).toBe(false);
    expect(await resetTokenNotification(t.db, [DEAD, B])).toEqual([
      { characterId: DEAD, outcome: "done", message: "Token notification reset." },
      { characterId: B, outcome: "unchanged", message: "No token notification was sent." },
    ]);
    expect((await t.db.character.findUnique({ where: { id: DEAD } }))!.tokenErrorNotifiedAt).toBeNull();
    expect(await notifyTokenInvalid(t.db, DEAD)).toBe(true);
    expect(await t.db.notification.count({ where: { userId: "owner-dead" } })).toBe(2);
  });
});

describe("delete", () => {
  it("removes the character's data and token, revokes the token at the SSO, and says so per id", async () => {
    const token = await t.db.esiToken.findUniqueOrThrow({ where: { characterId: A } });
    const refreshToken = cipher.decrypt(token.refreshTokenEnc);
    expect(await t.db.characterSkill.count({ where: { characterId: A } })).toBeGreaterThan(0);
    expect(await deleteCharacters(deps, [A, 424242])).toEqual([
      { characterId: A, outcome: "done", message: "Deleted; its token was revoked." },
      { characterId: 424242, outcome: "not_found", message: "No such registered character." },
    ]);
    expect(await t.db.character.count({ where: { id: A } })).toBe(0);
    expect(await t.db.characterSkill.count({ where: { characterId: A } })).toBe(0);
    expect(await t.db.sectionUpdateStatus.count({ where: { characterId: A } })).toBe(0);
    expect(await t.db.esiToken.count({ where: { characterId: A } })).toBe(0);
    // The simulator's SSO no longer takes the revoked refresh token.
    const refreshed = await fetch(`${url}/v2/oauth/token`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken }),
    });
    expect(refreshed.status).toBe(400);
    // Deleting again finds nothing; the orphaned and owned alike are deletable.
    expect((await deleteCharacters(deps, [A]))[0]!.outcome).toBe("not_found");
    expect((await deleteCharacters(deps, [B]))[0]!.outcome).toBe("done");
  });
});
