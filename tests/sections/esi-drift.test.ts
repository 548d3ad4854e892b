// Tolerant of what ESI really sends: each section run against the simulator's drift
// fault, which answers as CCP's ESI has (an unknown location_flag, a new journal
// ref_type and notification type, a planet type newer than the spec, required fields
// the section does not read left out, one malformed asset). The rest is stored, the
// unknown values as given, and the warnings end on the section's status row.
import { describe, expect, it } from "vitest";
import { assets } from "~/server/sections/assets";
import { characterDetails } from "~/server/sections/character-details";
import { killmails } from "~/server/sections/killmails";
import { notifications } from "~/server/sections/notifications";
import { onlineStatus } from "~/server/sections/online-status";
import { planets } from "~/server/sections/planets";
import type { SectionDefinition } from "~/server/sections/types";
import { walletJournal } from "~/server/sections/wallet-journal";
import { DRIFT_VALUES } from "~/simulator/faults/drift";
import { useSectionEnv } from "../support/section-env";

// A roster character with killmails, colonies and notifications.
const CHARACTER = 2112000005;
const SECTIONS = [assets, walletJournal, notifications, planets, killmails, characterDetails, onlineStatus];
const env = useSectionEnv([{ id: CHARACTER, scopes: [...new Set(SECTIONS.flatMap((s) => s.scopes))] }]);

/** A forced run of the section with every drift-capable answer drifting. */
async function driftedRun(section: SectionDefinition<any>) {
  env.sim.expireCaches(CHARACTER);
  env.esi(CHARACTER).clearMemory();
  env.sim.injectFault({ kind: "drift" });
  let drifted = 0;
  const outcome = await env.run(CHARACTER, section, { force: true }).finally(() => {
    drifted = env.sim.faults()[0]?.injected ?? 0;
    env.sim.clearFaults();
  });
  // Each test proves something only if the answers really drifted.
  expect(drifted).toBeGreaterThan(0);
  return { outcome, status: await env.status(CHARACTER, section) };
}

const where = { characterId: CHARACTER };

describe("sections under ESI's drift", () => {
  it("assets: the unknown location_flag is stored as given, the malformed item is left out, the rest is stored", async () => {
    expect((await env.run(CHARACTER, assets)).status).toBe("updated");
    const before = await env.db.characterAsset.count({ where });
    const { outcome, status } = await driftedRun(assets);
    expect(outcome.status).toBe("updated");
    expect(status.isSuccess).toBe(true);
    const flagged = await env.db.characterAsset.count({ where: { ...where, locationFlag: DRIFT_VALUES.locationFlag } });
    // One flagged and one malformed item per page.
    expect(flagged).toBeGreaterThan(0);
    expect(await env.db.characterAsset.count({ where })).toBe(before - flagged);
    expect(status.warnings).toContain(
      `GET /characters/{character_id}/assets: location_flag "${DRIFT_VALUES.locationFlag}" is not in the spec's enum; stored as given`,
    );
    expect(status.warnings.some((w) => /assets: item \d+ left out: .*type_id/.test(w))).toBe(true);
  });

  it("wallet journal: an entry with a ref_type newer than the spec is stored with the others", async () => {
    expect((await env.run(CHARACTER, walletJournal)).status).toBe("updated");
    const before = await env.db.characterWalletJournalEntry.count({ where });
    await env.db.characterWalletJournalEntry.deleteMany({ where });
    const { outcome, status } = await driftedRun(walletJournal);
    expect(outcome.status).toBe("updated");
    expect(status.isSuccess).toBe(true);
    expect(await env.db.characterWalletJournalEntry.count({ where })).toBe(before);
    expect(
      await env.db.characterWalletJournalEntry.count({ where: { ...where, refType: DRIFT_VALUES.refType } }),
    ).toBeGreaterThan(0);
    expect(status.warnings).toEqual([
      `GET /characters/{character_id}/wallet/journal: ref_type "${DRIFT_VALUES.refType}" is not in the spec's enum; stored as given`,
    ]);
  });

  it("notifications: a notification type newer than the spec is stored with the others", async () => {
    expect((await env.run(CHARACTER, notifications)).status).toBe("updated");
    const before = await env.db.characterNotification.count({ where });
    await env.db.characterNotification.deleteMany({ where });
    const { status } = await driftedRun(notifications);
    expect(status.isSuccess).toBe(true);
    expect(await env.db.characterNotification.count({ where })).toBe(before);
    expect(await env.db.characterNotification.count({ where: { ...where, type: DRIFT_VALUES.notificationType } })).toBe(
      1,
    );
    expect(status.warnings).toEqual([
      `GET /characters/{character_id}/notifications: type "${DRIFT_VALUES.notificationType}" is not in the spec's enum; stored as given`,
    ]);
  });

  it("planets: an unknown planet type is stored and owner_id (not stored) may be missing", async () => {
    expect((await env.run(CHARACTER, planets)).status).toBe("updated");
    const before = await env.db.characterPlanet.count({ where });
    const { outcome, status } = await driftedRun(planets);
    expect(outcome).toMatchObject({ status: "updated", written: 1 });
    expect(status.isSuccess).toBe(true);
    expect(await env.db.characterPlanet.count({ where })).toBe(before);
    expect(await env.db.characterPlanet.count({ where: { ...where, planetType: DRIFT_VALUES.planetType } })).toBe(1);
    expect(status.warnings).toEqual([
      `GET /characters/{character_id}/planets: planet_type "${DRIFT_VALUES.planetType}" is not in the spec's enum; stored as given`,
    ]);
  });

  it("killmails: details without the victim's position and the attackers' security status are stored", async () => {
    expect((await env.run(CHARACTER, killmails)).status).toBe("updated");
    const before = await env.db.characterKillmail.findMany({ where, orderBy: { killmailId: "asc" } });
    expect(before.length).toBeGreaterThan(0);
    // Deleted for every character, so each detail is asked again (and drifts).
    await env.db.characterKillmail.deleteMany({});
    await env.forgetContentHash(CHARACTER, killmails);
    const { outcome, status } = await driftedRun(killmails);
    expect(outcome.status).toBe("updated");
    expect(status.isSuccess).toBe(true);
    expect(status.errorMessage).toBeNull();
    expect(await env.db.characterKillmail.findMany({ where, orderBy: { killmailId: "asc" } })).toEqual(before);
  });

  it("character details: stored without achievement_score, which the spec requires and the section does not read", async () => {
    const { outcome, status } = await driftedRun(characterDetails);
    expect(outcome.status).toBe("updated");
    expect(status).toMatchObject({ isSuccess: true, errorMessage: null, warnings: [] });
    expect(await env.db.characterDetails.findUnique({ where })).not.toBeNull();
  });

  it("online status: stored without `online`, which the spec requires and the section does not store", async () => {
    const { outcome, status } = await driftedRun(onlineStatus);
    expect(outcome.status).toBe("updated");
    expect(status).toMatchObject({ isSuccess: true, errorMessage: null });
    expect(await env.db.characterOnlineStatus.findUnique({ where })).not.toBeNull();
  });

  it("a clean run afterwards clears the warnings from the status row", async () => {
    env.sim.expireCaches(CHARACTER);
    await env.run(CHARACTER, planets, { force: true });
    expect((await env.status(CHARACTER, planets)).warnings).toEqual([]);
  });
});
