// insertRows must store exactly what createMany stores: every column type the section
// tables use, column defaults for fields left out, skipDuplicates, and a clear refusal
// of a field the model does not have.
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { insertRows } from "~/server/db/insert-rows";
import { createTestDatabase, type TestDatabase } from "../support/database";

let t: TestDatabase;
const A = 2113000001;
const B = 2113000002;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.eveCharacter.createMany({
    data: [
      { id: A, name: "A" },
      { id: B, name: "B" },
    ],
  });
  await t.db.character.createMany({ data: [{ id: A }, { id: B }] });
});
afterAll(() => t?.drop());
beforeEach(async () => {
  await t.db.characterMail.deleteMany({});
  await t.db.characterWalletJournalEntry.deleteMany({});
  await t.db.characterContact.deleteMany({});
  await t.db.characterAsset.deleteMany({});
  await t.db.characterKillmail.deleteMany({});
});

const mail = (characterId: number, mailId: bigint) => ({
  characterId,
  mailId,
  senderId: null,
  recipients: [
    { id: 98000001, type: "corporation" },
    { id: 145241, type: "mailing_list", note: "quotes \" and ' and \\ and ünïcödé" },
  ],
  labelIds: [1, 4, 32],
  subject: "Fleet at 19:00 \u{1F680} <b>not html</b>",
  isRead: false,
  timestamp: new Date("2026-11-30T18:59:59.123Z"),
});

const journal = (characterId: number, entryId: bigint) => ({
  characterId,
  entryId,
  date: new Date("2026-12-01T00:00:00.001Z"),
  refType: "bounty_prizes",
  amount: new Prisma.Decimal("123456789012345.67"),
  balance: -0.05,
  description: "Bounty",
  reason: null,
  contextId: 9_007_199_254_740_993n,
});

describe("insertRows stores rows as createMany does", () => {
  it("round-trips Json, Int[], BigInt, BigInt[], Decimal, Date, null and unicode text identically", async () => {
    await t.db.characterMail.createMany({ data: [mail(A, 1n)] });
    await insertRows(t.db, "CharacterMail", { data: [mail(B, 1n)] });
    await t.db.characterWalletJournalEntry.createMany({ data: [journal(A, 2n ** 62n)] });
    await insertRows(t.db, "CharacterWalletJournalEntry", { data: [journal(B, 2n ** 62n)] });
    const contact = (characterId: number) => ({
      characterId,
      contactId: 3019582,
      contactType: "character",
      standing: -7.5,
      labelIds: [2n ** 40n, 5n],
      isWatched: true,
      isBlocked: false,
    });
    await t.db.characterContact.createMany({ data: [contact(A)] });
    await insertRows(t.db, "CharacterContact", { data: [contact(B)] });

    const strip = <R extends { characterId: number }>({ characterId: _, ...rest }: R) => rest;
    const mails = await t.db.characterMail.findMany({ orderBy: { characterId: "asc" } });
    expect(mails).toHaveLength(2);
    expect(strip(mails[1]!)).toEqual(strip(mails[0]!));
    expect(mails[1]!.timestamp.toISOString()).toBe("2026-11-30T18:59:59.123Z");
    const entries = await t.db.characterWalletJournalEntry.findMany({ orderBy: { characterId: "asc" } });
    expect(strip(entries[1]!)).toEqual(strip(entries[0]!));
    expect(entries[1]!.contextId).toBe(9_007_199_254_740_993n);
    expect(entries[1]!.amount?.toString()).toBe("123456789012345.67");
    const contacts = await t.db.characterContact.findMany({ orderBy: { characterId: "asc" } });
    expect(strip(contacts[1]!)).toEqual(strip(contacts[0]!));
    expect(contacts[1]!.labelIds).toEqual([2n ** 40n, 5n]);
  });

  it("gives fields left out their column defaults, per row", async () => {
    const asset = (itemId: bigint, extra: object) => ({
      characterId: A,
      itemId,
      typeId: 34,
      quantity: 1,
      locationFlag: "Hangar",
      locationType: "station",
      isSingleton: false,
      ...extra,
    });
    const { count } = await insertRows(t.db, "CharacterAsset", {
      data: [asset(1n, {}), asset(2n, { isBlueprintCopy: true }), asset(3n, { isBlueprintCopy: undefined })],
    });
    expect(count).toBe(3);
    const stored = await t.db.characterAsset.findMany({
      orderBy: { itemId: "asc" },
      select: { itemId: true, isBlueprintCopy: true, name: true },
    });
    expect(stored).toEqual([
      { itemId: 1n, isBlueprintCopy: false, name: null },
      { itemId: 2n, isBlueprintCopy: true, name: null },
      { itemId: 3n, isBlueprintCopy: false, name: null },
    ]);
  });

  it("counts only new rows with skipDuplicates and refuses duplicates without it", async () => {
    await insertRows(t.db, "CharacterMail", { data: [mail(A, 1n), mail(A, 2n)] });
    const again = await insertRows(t.db, "CharacterMail", { data: [mail(A, 2n), mail(A, 3n)], skipDuplicates: true });
    expect(again.count).toBe(1);
    expect(await t.db.characterMail.count()).toBe(3);
    await expect(insertRows(t.db, "CharacterMail", { data: [mail(A, 3n)] })).rejects.toThrow(/duplicate key|unique/i);
  });

  it("upserts: rows whose key exists get the named fields, others are inserted", async () => {
    await insertRows(t.db, "CharacterMail", { data: [mail(A, 1n), mail(A, 2n)] });
    const changed = { ...mail(A, 2n), subject: "changed", isRead: true };
    const { count } = await insertRows(t.db, "CharacterMail", {
      data: [changed, mail(A, 3n)],
      update: { on: ["characterId", "mailId"], set: ["subject"] },
    });
    expect(count).toBe(2);
    const stored = await t.db.characterMail.findMany({
      orderBy: { mailId: "asc" },
      select: { mailId: true, subject: true, isRead: true },
    });
    expect(stored).toEqual([
      { mailId: 1n, subject: mail(A, 1n).subject, isRead: false },
      // Only the named field changes.
      { mailId: 2n, subject: "changed", isRead: false },
      { mailId: 3n, subject: mail(A, 3n).subject, isRead: false },
    ]);
    await expect(
      insertRows(t.db, "CharacterMail", {
        data: [mail(A, 4n)],
        update: { on: ["characterId", "mailId"], set: ["nope" as "subject"] },
      }),
    ).rejects.toThrow(/no column for nope/);
  });

  it("stores Prisma.DbNull as NULL and refuses a JSON null it could not keep apart from NULL", async () => {
    await insertRows(t.db, "CharacterKillmail", {
      data: [
        {
          characterId: A,
          killmailId: 1n,
          killmailHash: "h",
          killmailTime: new Date(),
          solarSystemId: 30000142,
          victimShipTypeId: 587,
          attackerCount: 1,
          victimItems: Prisma.DbNull,
        },
      ],
    });
    expect((await t.db.characterKillmail.findFirstOrThrow()).victimItems).toBeNull();
    await expect(
      insertRows(t.db, "CharacterKillmail", {
        data: [
          {
            characterId: A,
            killmailId: 2n,
            killmailHash: "h",
            killmailTime: new Date(),
            solarSystemId: 30000142,
            victimShipTypeId: 587,
            attackerCount: 1,
            victimItems: Prisma.JsonNull,
          },
        ],
      }),
    ).rejects.toThrow(/use Prisma.DbNull/);
    expect(await t.db.characterKillmail.count()).toBe(1);
  });

  it("writes more rows than one statement carries, inside the caller's transaction", async () => {
    const many = Array.from({ length: 12_345 }, (_, i) => journal(A, BigInt(i + 1)));
    await expect(
      t.db.$transaction(async (tx) => {
        expect((await insertRows(tx, "CharacterWalletJournalEntry", { data: many })).count).toBe(12_345);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await t.db.characterWalletJournalEntry.count()).toBe(0);
    expect((await insertRows(t.db, "CharacterWalletJournalEntry", { data: many })).count).toBe(12_345);
    expect(await t.db.characterWalletJournalEntry.count()).toBe(12_345);
  });

  it("refuses a field the model does not have, naming it, and writes nothing", async () => {
    const bad = { ...mail(A, 9n), 'subject"; DROP TABLE x; --': "x" } as unknown as ReturnType<typeof mail>;
    await expect(insertRows(t.db, "CharacterMail", { data: [bad] })).rejects.toThrow(
      /CharacterMail has no column for subject"; DROP TABLE x; --/,
    );
    expect(await t.db.characterMail.count()).toBe(0);
  });
});
