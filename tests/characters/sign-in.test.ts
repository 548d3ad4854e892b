// The one sign-in service: what an EVE SSO round trip means (a sign-in, or with a user
// signed in a registration), refusals as outcomes with a reason, and the loading it
// queues; a queue that fails does not fail the sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeSsoRoundTrip, type SignInDeps } from "~/server/characters/sign-in";
import { createTokenCipher } from "~/server/crypto/token-cipher";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { checkedSender } from "~/server/jobs/events";
import type { JobEventPayload } from "~/server/jobs/job";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { captureLogs } from "../support/log-capture";

let t: TestDatabase;
let sent: JobEventPayload[];
const cipher = createTokenCipher({ current: Buffer.alloc(32, 5).toString("base64") });
const deps = (): SignInDeps => ({ db: t.db, cipher, sendEvents: checkedSender(async (e) => void sent.push(...e)) });
const identity = (id: number, ownerHash = `owner-${id}`): EveIdentity => ({
  characterId: id,
  characterName: `Pilot ${id}`,
  ownerHash,
  scopes: ["esi-skills.read_skills.v1"],
  expiresAt: new Date(Date.now() + 1_200_000),
});
const grant = (id: number, ownerHash?: string) => ({
  identity: identity(id, ownerHash),
  accessToken: `access-${id}`,
  refreshToken: `refresh-${id}`,
});

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe("an EVE SSO round trip", () => {
  it("signs a new pilot in and queues its public details only", async () => {
    sent = [];
    const outcome = await completeSsoRoundTrip(deps(), grant(501), null);
    expect(outcome).toMatchObject({ kind: "signed-in", isNewUser: true });
    expect(sent).toEqual([{ name: "memberaudit/character.public.refresh", data: { characterIds: [501] } }]);
    // Signing in stores no token: login asks for publicData only.
    expect(await t.db.esiToken.count({ where: { characterId: 501 } })).toBe(0);
  });

  it("signs a known pilot in again without queueing anything", async () => {
    sent = [];
    const first = await completeSsoRoundTrip(deps(), grant(501), null);
    expect(first).toMatchObject({ kind: "signed-in", isNewUser: false });
    expect(sent).toEqual([]);
  });

  it("with a user signed in, registers the character to them and queues its full load", async () => {
    sent = [];
    const user = await t.db.characterOwnership.findUniqueOrThrow({ where: { characterId: 501 } });
    const outcome = await completeSsoRoundTrip(deps(), grant(502), user.userId);
    expect(outcome).toEqual({ kind: "registered", userId: user.userId, characterId: 502 });
    expect(sent).toEqual([
      { name: "memberaudit/character.public.refresh", data: { characterIds: [502] } },
      { name: "memberaudit/character.update", data: { characterId: 502 } },
      // A registration is a compliance trigger for its owner.
      { name: "memberaudit/compliance.recompute", data: { userIds: [user.userId] } },
    ]);
    const token = await t.db.esiToken.findUniqueOrThrow({ where: { characterId: 502 } });
    expect(cipher.decrypt(token.refreshTokenEnc)).toBe("refresh-502");
  });

  it("refuses, as outcomes, a grant without a refresh token and a character owned by someone else", async () => {
    const owner = await t.db.characterOwnership.findUniqueOrThrow({ where: { characterId: 501 } });
    const other = await completeSsoRoundTrip(deps(), grant(601), null);
    if (other.kind !== "signed-in") throw new Error("expected a sign-in");
    sent = [];
    const noToken = await completeSsoRoundTrip(deps(), { identity: identity(603) }, other.userId);
    expect(noToken).toEqual({ kind: "refused", reason: "no-refresh-token" });
    expect(await t.db.eveCharacter.count({ where: { id: 603 } })).toBe(0);
    const taken = await completeSsoRoundTrip(deps(), grant(502), other.userId);
    expect(taken).toEqual({ kind: "refused", reason: "owned-elsewhere" });
    expect((await t.db.characterOwnership.findUniqueOrThrow({ where: { characterId: 502 } })).userId).toBe(
      owner.userId,
    );
    expect(sent).toEqual([]);
  });

  it("refuses a deactivated user's sign-in", async () => {
    const owner = await t.db.characterOwnership.findUniqueOrThrow({ where: { characterId: 601 } });
    await t.db.user.update({ where: { id: owner.userId }, data: { isActive: false } });
    expect(await completeSsoRoundTrip(deps(), grant(601), null)).toEqual({
      kind: "refused",
      reason: "account-inactive",
    });
  });

  it("registers the character even when its loading cannot be queued", async () => {
    const logs = captureLogs();
    const failing: SignInDeps = {
      ...deps(),
      sendEvents: checkedSender(async () => {
        throw new Error("queue down");
      }),
    };
    const user = await t.db.characterOwnership.findUniqueOrThrow({ where: { characterId: 501 } });
    expect(await completeSsoRoundTrip(failing, grant(504), user.userId)).toMatchObject({ kind: "registered" });
    expect(await t.db.character.count({ where: { id: 504 } })).toBe(1);
    logs.restore();
    expect(logs.entries.find((e) => e.level === "warn")).toMatchObject({
      msg: "could not queue updates for character 504",
      characterId: 504,
    });
  });
});
