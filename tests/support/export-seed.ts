// One row in every section table an export topic reads, with every id it names known
// to the name tables (entities, types, locations), so each topic's CSV can be checked
// for names next to ids. Old rows past a 30-day retention go into the sections with
// retention, so the topics can be seen to leave them out.
import type { Db } from "~/server/db/client";

export const SEED = {
  pilot: 90000001,
  other: 90000002,
  corp: 98000001,
  system: 30000142,
  region: 10000002,
  planet: 40009077,
  station: 60003760n,
  container: 1000000000002n,
  ship: 1000000000001n,
  ore: 1230,
  shipType: 587,
  containerType: 3297,
  skill: 3300,
  implant: 9899,
  blueprint: 691,
} as const;

export const RECENT = new Date(Date.UTC(2026, 10, 20, 8, 30, 0));
export const OLD = new Date(Date.UTC(2025, 0, 1));

export async function seedEveryTopic(db: Db): Promise<void> {
  const s = SEED;
  await db.eveCharacter.createMany({
    data: [
      { id: s.pilot, name: "Pilot One" },
      { id: s.other, name: "Other Pilot" },
    ],
  });
  await db.character.create({ data: { id: s.pilot } });
  await db.eveEntity.createMany({
    data: [
      { id: s.pilot, category: "character", name: "Pilot One" },
      { id: s.other, category: "character", name: "Other Pilot" },
      { id: s.corp, category: "corporation", name: "Corp A" },
      { id: s.system, category: "solar_system", name: "Jita" },
      { id: s.region, category: "region", name: "The Forge" },
      { id: s.planet, category: "planet", name: "Jita IV" },
    ],
  });
  await db.eveCategory.create({ data: { id: 6, name: "Ship" } });
  await db.eveGroup.create({ data: { id: 25, name: "Frigate", categoryId: 6 } });
  await db.eveType.createMany({
    data: [
      { id: s.ore, name: "Veldspar", groupId: 25 },
      { id: s.shipType, name: "Rifter", groupId: 25 },
      { id: s.containerType, name: "Small Secure Container", groupId: 25 },
      { id: s.skill, name: "Gunnery", groupId: 25 },
      { id: s.implant, name: "Ocular Filter", groupId: 25 },
      { id: s.blueprint, name: "Rifter Blueprint", groupId: 25 },
    ],
  });
  await db.eveMarketPrice.create({ data: { typeId: s.ore, averagePrice: 12.5 } });
  await db.location.create({
    data: {
      id: s.station,
      name: "Jita IV - Moon 4 - Caldari Navy Assembly Plant",
      solarSystemId: s.system,
      category: "station",
    },
  });
  const c = { characterId: s.pilot };
  await db.characterAsset.createMany({
    data: [
      {
        ...c,
        itemId: s.ship,
        typeId: s.shipType,
        quantity: 1,
        locationFlag: "Hangar",
        locationType: "station",
        isSingleton: true,
        name: "My Rifter",
        locationId: s.station,
      },
      {
        ...c,
        itemId: s.container,
        typeId: s.containerType,
        quantity: 1,
        locationFlag: "Cargo",
        locationType: "item",
        isSingleton: true,
        parentItemId: s.ship,
        locationId: s.ship,
      },
      {
        ...c,
        itemId: 1000000000003n,
        typeId: s.ore,
        quantity: 100,
        locationFlag: "Unlocked",
        locationType: "item",
        isSingleton: false,
        parentItemId: s.container,
        locationId: s.container,
      },
    ],
  });
  await db.characterContactLabel.create({ data: { ...c, labelId: 7n, name: "Friends" } });
  await db.characterContact.create({
    data: {
      ...c,
      contactId: s.other,
      contactType: "character",
      standing: 5,
      isWatched: true,
      isBlocked: false,
      labelIds: [7n],
    },
  });
  const contract = {
    ...c,
    type: "item_exchange",
    status: "outstanding",
    availability: "personal",
    issuerId: s.pilot,
    issuerCorporationId: s.corp,
    assigneeId: s.other,
    acceptorId: 0,
    forCorporation: false,
    dateIssued: RECENT,
    startLocationId: s.station,
    endLocationId: s.station,
    price: "1500000.50",
    title: "Ore",
  };
  await db.characterContract.createMany({
    data: [
      { ...contract, contractId: 5001n, dateExpired: new Date(RECENT.getTime() + 86_400_000) },
      { ...contract, contractId: 5000n, dateExpired: OLD, dateIssued: OLD },
    ],
  });
  await db.characterContractItem.createMany({
    data: [
      { ...c, contractId: 5001n, recordId: 1n, typeId: s.ore, quantity: 100, isIncluded: true, isSingleton: false },
      { ...c, contractId: 5000n, recordId: 1n, typeId: s.ore, quantity: 5, isIncluded: true, isSingleton: false },
    ],
  });
  await db.characterContractBid.create({
    data: { ...c, contractId: 5001n, bidId: 1, bidderId: s.other, amount: "2000000.00", dateBid: RECENT },
  });
  await db.characterMailingList.create({ data: { ...c, mailingListId: 145000001, name: "Corp news" } });
  await db.characterMailLabel.create({ data: { ...c, labelId: 1, name: "Inbox", unreadCount: 0 } });
  const mail = { ...c, senderId: s.other, labelIds: [1], isRead: true };
  await db.characterMail.createMany({
    data: [
      {
        ...mail,
        mailId: 700n,
        subject: "Hello, Pilot",
        timestamp: RECENT,
        body: "<font>Fly safe</font>",
        recipients: [
          { id: s.pilot, type: "character" },
          { id: 145000001, type: "mailing_list" },
        ],
      },
      {
        ...mail,
        mailId: 699n,
        subject: "Ancient",
        timestamp: OLD,
        body: "old",
        recipients: [{ id: s.pilot, type: "character" }],
      },
    ],
  });
  await db.characterSkill.create({
    data: { ...c, skillId: s.skill, activeSkillLevel: 4, trainedSkillLevel: 5, skillpointsInSkill: 256000 },
  });
  await db.characterSkillqueueEntry.create({
    data: { ...c, queuePosition: 0, skillId: s.skill, finishedLevel: 5, startDate: RECENT, finishDate: RECENT },
  });
  await db.characterImplant.create({ data: { ...c, typeId: s.implant } });
  await db.characterJumpClone.create({
    data: { ...c, jumpCloneId: 11, locationId: s.station, locationType: "station", name: "Trade clone" },
  });
  await db.characterJumpCloneImplant.create({ data: { ...c, jumpCloneId: 11, typeId: s.implant } });
  await db.characterWalletJournalEntry.createMany({
    data: [
      {
        ...c,
        entryId: 9001n,
        date: RECENT,
        refType: "bounty_prizes",
        amount: "-12.30",
        balance: "100.00",
        description: "Bounty",
        firstPartyId: s.corp,
        secondPartyId: s.pilot,
      },
      {
        ...c,
        entryId: 9000n,
        date: OLD,
        refType: "bounty_prizes",
        amount: "1.00",
        balance: "1.00",
        description: "Old",
      },
    ],
  });
  await db.characterWalletTransaction.createMany({
    data: [
      {
        ...c,
        transactionId: 8001n,
        date: RECENT,
        typeId: s.ore,
        quantity: 10,
        unitPrice: "12.50",
        isBuy: true,
        isPersonal: true,
        clientId: s.other,
        locationId: s.station,
        journalRefId: 9001n,
      },
      {
        ...c,
        transactionId: 8000n,
        date: OLD,
        typeId: s.ore,
        quantity: 1,
        unitPrice: "1.00",
        isBuy: true,
        isPersonal: true,
        clientId: s.other,
        locationId: s.station,
        journalRefId: 9000n,
      },
    ],
  });
  await db.characterMiningLedgerEntry.create({
    data: { ...c, date: new Date("2026-11-19"), solarSystemId: s.system, typeId: s.ore, quantity: 12345n },
  });
  await db.characterIndustryJob.create({
    data: {
      ...c,
      jobId: 321n,
      activityId: 1,
      status: "active",
      blueprintId: 55n,
      blueprintTypeId: s.blueprint,
      blueprintLocationId: s.station,
      facilityId: s.station,
      stationId: s.station,
      outputLocationId: s.station,
      installerId: s.pilot,
      runs: 10,
      productTypeId: s.shipType,
      cost: "1234.56",
      duration: 3600,
      startDate: RECENT,
      endDate: RECENT,
    },
  });
  await db.characterMarketOrder.create({
    data: {
      ...c,
      orderId: 4444n,
      state: "open",
      isBuyOrder: false,
      isCorporation: false,
      typeId: s.ore,
      regionId: s.region,
      locationId: s.station,
      range: "station",
      price: "13.00",
      volumeTotal: 100,
      volumeRemain: 40,
      duration: 90,
      issued: RECENT,
    },
  });
  await db.characterBlueprint.create({
    data: {
      ...c,
      itemId: 55n,
      typeId: s.blueprint,
      locationId: s.station,
      locationFlag: "Hangar",
      quantity: -2,
      materialEfficiency: 10,
      timeEfficiency: 20,
      runs: 5,
    },
  });
  await db.characterKillmail.create({
    data: {
      ...c,
      killmailId: 130000001n,
      killmailHash: "abc",
      killmailTime: RECENT,
      solarSystemId: s.system,
      victimCharacterId: s.other,
      victimShipTypeId: s.shipType,
      attackerCount: 3,
      finalBlowCharacterId: s.pilot,
    },
  });
  await db.characterLoyaltyEntry.create({ data: { ...c, corporationId: s.corp, loyaltyPoints: 4200 } });
  await db.characterStanding.create({ data: { ...c, fromId: s.corp, fromType: "npc_corp", standing: 2.5 } });
  await db.characterPlanet.create({
    data: {
      ...c,
      planetId: s.planet,
      solarSystemId: s.system,
      planetType: "temperate",
      numPins: 8,
      upgradeLevel: 4,
      lastUpdate: RECENT,
    },
  });
  await db.characterCorporationHistory.create({
    data: { ...c, recordId: 1, corporationId: s.corp, startDate: RECENT, isDeleted: false },
  });
  await db.characterNotification.createMany({
    data: [
      {
        ...c,
        notificationId: 77n,
        type: "StructureUnderAttack",
        senderId: s.corp,
        senderType: "corporation",
        timestamp: RECENT,
        isRead: false,
        text: "x: 1",
      },
      {
        ...c,
        notificationId: 76n,
        type: "Old",
        senderId: s.corp,
        senderType: "corporation",
        timestamp: OLD,
        isRead: true,
      },
    ],
  });
}
