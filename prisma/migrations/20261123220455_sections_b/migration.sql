-- CreateTable
CREATE TABLE "CharacterWalletJournalEntry" (
    "characterId" INTEGER NOT NULL,
    "entryId" BIGINT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "refType" TEXT NOT NULL,
    "amount" DECIMAL(17,2),
    "balance" DECIMAL(17,2),
    "description" TEXT NOT NULL,
    "reason" TEXT,
    "firstPartyId" INTEGER,
    "secondPartyId" INTEGER,
    "tax" DECIMAL(17,2),
    "taxReceiverId" INTEGER,
    "contextId" BIGINT,
    "contextIdType" TEXT,

    CONSTRAINT "CharacterWalletJournalEntry_pkey" PRIMARY KEY ("characterId","entryId")
);

-- CreateTable
CREATE TABLE "CharacterWalletTransaction" (
    "characterId" INTEGER NOT NULL,
    "transactionId" BIGINT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "typeId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPrice" DECIMAL(17,2) NOT NULL,
    "isBuy" BOOLEAN NOT NULL,
    "isPersonal" BOOLEAN NOT NULL,
    "clientId" INTEGER NOT NULL,
    "locationId" BIGINT NOT NULL,
    "journalRefId" BIGINT NOT NULL,

    CONSTRAINT "CharacterWalletTransaction_pkey" PRIMARY KEY ("characterId","transactionId")
);

-- CreateTable
CREATE TABLE "CharacterLoyaltyEntry" (
    "characterId" INTEGER NOT NULL,
    "corporationId" INTEGER NOT NULL,
    "loyaltyPoints" INTEGER NOT NULL,

    CONSTRAINT "CharacterLoyaltyEntry_pkey" PRIMARY KEY ("characterId","corporationId")
);

-- CreateTable
CREATE TABLE "CharacterMiningLedgerEntry" (
    "characterId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "solarSystemId" INTEGER NOT NULL,
    "typeId" INTEGER NOT NULL,
    "quantity" BIGINT NOT NULL,

    CONSTRAINT "CharacterMiningLedgerEntry_pkey" PRIMARY KEY ("characterId","date","solarSystemId","typeId")
);

-- CreateTable
CREATE TABLE "CharacterContract" (
    "characterId" INTEGER NOT NULL,
    "contractId" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "availability" TEXT NOT NULL,
    "issuerId" INTEGER NOT NULL,
    "issuerCorporationId" INTEGER NOT NULL,
    "assigneeId" INTEGER NOT NULL,
    "acceptorId" INTEGER NOT NULL,
    "forCorporation" BOOLEAN NOT NULL,
    "dateIssued" TIMESTAMP(3) NOT NULL,
    "dateExpired" TIMESTAMP(3) NOT NULL,
    "dateAccepted" TIMESTAMP(3),
    "dateCompleted" TIMESTAMP(3),
    "daysToComplete" INTEGER,
    "startLocationId" BIGINT,
    "endLocationId" BIGINT,
    "price" DECIMAL(17,2),
    "reward" DECIMAL(17,2),
    "collateral" DECIMAL(17,2),
    "buyout" DECIMAL(17,2),
    "volume" DOUBLE PRECISION,
    "title" TEXT NOT NULL,
    "itemsFetchedAt" TIMESTAMP(3),

    CONSTRAINT "CharacterContract_pkey" PRIMARY KEY ("characterId","contractId")
);

-- CreateTable
CREATE TABLE "CharacterContractItem" (
    "characterId" INTEGER NOT NULL,
    "contractId" BIGINT NOT NULL,
    "recordId" BIGINT NOT NULL,
    "typeId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "rawQuantity" INTEGER,
    "isIncluded" BOOLEAN NOT NULL,
    "isSingleton" BOOLEAN NOT NULL,

    CONSTRAINT "CharacterContractItem_pkey" PRIMARY KEY ("characterId","contractId","recordId")
);

-- CreateTable
CREATE TABLE "CharacterContractBid" (
    "characterId" INTEGER NOT NULL,
    "contractId" BIGINT NOT NULL,
    "bidId" INTEGER NOT NULL,
    "bidderId" INTEGER NOT NULL,
    "amount" DECIMAL(17,2) NOT NULL,
    "dateBid" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterContractBid_pkey" PRIMARY KEY ("characterId","bidId")
);

-- CreateTable
CREATE TABLE "CharacterPlanet" (
    "characterId" INTEGER NOT NULL,
    "planetId" INTEGER NOT NULL,
    "solarSystemId" INTEGER NOT NULL,
    "planetType" TEXT NOT NULL,
    "numPins" INTEGER NOT NULL,
    "upgradeLevel" INTEGER NOT NULL,
    "lastUpdate" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterPlanet_pkey" PRIMARY KEY ("characterId","planetId")
);

-- CreateIndex
CREATE INDEX "CharacterWalletJournalEntry_characterId_date_idx" ON "CharacterWalletJournalEntry"("characterId", "date");

-- CreateIndex
CREATE INDEX "CharacterWalletTransaction_characterId_date_idx" ON "CharacterWalletTransaction"("characterId", "date");

-- CreateIndex
CREATE INDEX "CharacterContract_characterId_dateExpired_idx" ON "CharacterContract"("characterId", "dateExpired");

-- CreateIndex
CREATE INDEX "CharacterContractBid_characterId_contractId_idx" ON "CharacterContractBid"("characterId", "contractId");

-- AddForeignKey
ALTER TABLE "CharacterWalletJournalEntry" ADD CONSTRAINT "CharacterWalletJournalEntry_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterWalletTransaction" ADD CONSTRAINT "CharacterWalletTransaction_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterLoyaltyEntry" ADD CONSTRAINT "CharacterLoyaltyEntry_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterMiningLedgerEntry" ADD CONSTRAINT "CharacterMiningLedgerEntry_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterContract" ADD CONSTRAINT "CharacterContract_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterContractItem" ADD CONSTRAINT "CharacterContractItem_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterContractItem" ADD CONSTRAINT "CharacterContractItem_characterId_contractId_fkey" FOREIGN KEY ("characterId", "contractId") REFERENCES "CharacterContract"("characterId", "contractId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterContractBid" ADD CONSTRAINT "CharacterContractBid_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterContractBid" ADD CONSTRAINT "CharacterContractBid_characterId_contractId_fkey" FOREIGN KEY ("characterId", "contractId") REFERENCES "CharacterContract"("characterId", "contractId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterPlanet" ADD CONSTRAINT "CharacterPlanet_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

