-- CreateTable
CREATE TABLE "CharacterSkill" (
    "characterId" INTEGER NOT NULL,
    "skillId" INTEGER NOT NULL,
    "activeSkillLevel" INTEGER NOT NULL,
    "trainedSkillLevel" INTEGER NOT NULL,
    "skillpointsInSkill" INTEGER NOT NULL,

    CONSTRAINT "CharacterSkill_pkey" PRIMARY KEY ("characterId","skillId")
);

-- CreateTable
CREATE TABLE "CharacterSkillpoints" (
    "characterId" INTEGER NOT NULL,
    "total" BIGINT NOT NULL,
    "unallocated" BIGINT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterSkillpoints_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterSkillqueueEntry" (
    "characterId" INTEGER NOT NULL,
    "queuePosition" INTEGER NOT NULL,
    "skillId" INTEGER NOT NULL,
    "finishedLevel" INTEGER NOT NULL,
    "startDate" TIMESTAMP(3),
    "finishDate" TIMESTAMP(3),
    "levelStartSp" INTEGER,
    "levelEndSp" INTEGER,
    "trainingStartSp" INTEGER,

    CONSTRAINT "CharacterSkillqueueEntry_pkey" PRIMARY KEY ("characterId","queuePosition")
);

-- CreateTable
CREATE TABLE "CharacterAttributes" (
    "characterId" INTEGER NOT NULL,
    "charisma" INTEGER NOT NULL,
    "intelligence" INTEGER NOT NULL,
    "memory" INTEGER NOT NULL,
    "perception" INTEGER NOT NULL,
    "willpower" INTEGER NOT NULL,
    "bonusRemaps" INTEGER,
    "lastRemapDate" TIMESTAMP(3),
    "accruedRemapCooldownDate" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterAttributes_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterImplant" (
    "characterId" INTEGER NOT NULL,
    "typeId" INTEGER NOT NULL,

    CONSTRAINT "CharacterImplant_pkey" PRIMARY KEY ("characterId","typeId")
);

-- CreateTable
CREATE TABLE "CharacterJumpClone" (
    "characterId" INTEGER NOT NULL,
    "jumpCloneId" INTEGER NOT NULL,
    "locationId" BIGINT NOT NULL,
    "locationType" TEXT NOT NULL,
    "name" TEXT,

    CONSTRAINT "CharacterJumpClone_pkey" PRIMARY KEY ("characterId","jumpCloneId")
);

-- CreateTable
CREATE TABLE "CharacterJumpCloneImplant" (
    "characterId" INTEGER NOT NULL,
    "jumpCloneId" INTEGER NOT NULL,
    "typeId" INTEGER NOT NULL,

    CONSTRAINT "CharacterJumpCloneImplant_pkey" PRIMARY KEY ("characterId","jumpCloneId","typeId")
);

-- CreateTable
CREATE TABLE "CharacterCloneInfo" (
    "characterId" INTEGER NOT NULL,
    "homeLocationId" BIGINT,
    "homeLocationType" TEXT,
    "lastCloneJumpDate" TIMESTAMP(3),
    "lastStationChangeDate" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterCloneInfo_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterCorporationHistory" (
    "characterId" INTEGER NOT NULL,
    "recordId" INTEGER NOT NULL,
    "corporationId" INTEGER NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "isDeleted" BOOLEAN NOT NULL,

    CONSTRAINT "CharacterCorporationHistory_pkey" PRIMARY KEY ("characterId","recordId")
);

-- CreateTable
CREATE TABLE "CharacterDetails" (
    "characterId" INTEGER NOT NULL,
    "gender" TEXT NOT NULL,
    "raceId" INTEGER NOT NULL,
    "bloodlineId" INTEGER NOT NULL,
    "ancestryId" INTEGER,
    "factionId" INTEGER,
    "description" TEXT,
    "title" TEXT,
    "securityStatus" DOUBLE PRECISION,
    "birthday" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterDetails_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterTitle" (
    "characterId" INTEGER NOT NULL,
    "titleId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CharacterTitle_pkey" PRIMARY KEY ("characterId","titleId")
);

-- CreateTable
CREATE TABLE "CharacterFwStats" (
    "characterId" INTEGER NOT NULL,
    "factionId" INTEGER,
    "enlistedOn" TIMESTAMP(3),
    "currentRank" INTEGER,
    "highestRank" INTEGER,
    "killsYesterday" INTEGER NOT NULL,
    "killsLastWeek" INTEGER NOT NULL,
    "killsTotal" INTEGER NOT NULL,
    "victoryPointsYesterday" INTEGER NOT NULL,
    "victoryPointsLastWeek" INTEGER NOT NULL,
    "victoryPointsTotal" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterFwStats_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterStanding" (
    "characterId" INTEGER NOT NULL,
    "fromId" INTEGER NOT NULL,
    "fromType" TEXT NOT NULL,
    "standing" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "CharacterStanding_pkey" PRIMARY KEY ("characterId","fromId")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "solarSystemId" INTEGER,
    "typeId" INTEGER,
    "ownerId" INTEGER,
    "category" TEXT NOT NULL,
    "isPlaceholder" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharacterLocation" (
    "characterId" INTEGER NOT NULL,
    "solarSystemId" INTEGER NOT NULL,
    "stationId" INTEGER,
    "structureId" BIGINT,
    "locationId" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterLocation_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterShip" (
    "characterId" INTEGER NOT NULL,
    "typeId" INTEGER NOT NULL,
    "itemId" BIGINT NOT NULL,
    "name" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterShip_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterOnlineStatus" (
    "characterId" INTEGER NOT NULL,
    "lastLogin" TIMESTAMP(3),
    "lastLogout" TIMESTAMP(3),
    "logins" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterOnlineStatus_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterAsset" (
    "characterId" INTEGER NOT NULL,
    "itemId" BIGINT NOT NULL,
    "typeId" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "locationFlag" TEXT NOT NULL,
    "locationType" TEXT NOT NULL,
    "isSingleton" BOOLEAN NOT NULL,
    "isBlueprintCopy" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT,
    "parentItemId" BIGINT,
    "locationId" BIGINT,

    CONSTRAINT "CharacterAsset_pkey" PRIMARY KEY ("characterId","itemId")
);

-- CreateTable
CREATE TABLE "CharacterContactLabel" (
    "characterId" INTEGER NOT NULL,
    "labelId" BIGINT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CharacterContactLabel_pkey" PRIMARY KEY ("characterId","labelId")
);

-- CreateTable
CREATE TABLE "CharacterContact" (
    "characterId" INTEGER NOT NULL,
    "contactId" INTEGER NOT NULL,
    "contactType" TEXT NOT NULL,
    "standing" DOUBLE PRECISION NOT NULL,
    "isWatched" BOOLEAN NOT NULL,
    "isBlocked" BOOLEAN NOT NULL,
    "labelIds" BIGINT[],

    CONSTRAINT "CharacterContact_pkey" PRIMARY KEY ("characterId","contactId")
);

-- CreateTable
CREATE TABLE "CharacterMailingList" (
    "characterId" INTEGER NOT NULL,
    "mailingListId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "CharacterMailingList_pkey" PRIMARY KEY ("characterId","mailingListId")
);

-- CreateTable
CREATE TABLE "CharacterMailLabel" (
    "characterId" INTEGER NOT NULL,
    "labelId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT,
    "unreadCount" INTEGER NOT NULL,

    CONSTRAINT "CharacterMailLabel_pkey" PRIMARY KEY ("characterId","labelId")
);

-- CreateTable
CREATE TABLE "CharacterMailUnreadCount" (
    "characterId" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,

    CONSTRAINT "CharacterMailUnreadCount_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "CharacterMail" (
    "characterId" INTEGER NOT NULL,
    "mailId" BIGINT NOT NULL,
    "senderId" INTEGER,
    "recipients" JSONB NOT NULL,
    "labelIds" INTEGER[],
    "subject" TEXT NOT NULL,
    "isRead" BOOLEAN NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "body" TEXT,

    CONSTRAINT "CharacterMail_pkey" PRIMARY KEY ("characterId","mailId")
);

-- CreateTable
CREATE TABLE "CharacterRole" (
    "characterId" INTEGER NOT NULL,
    "location" TEXT NOT NULL,
    "role" TEXT NOT NULL,

    CONSTRAINT "CharacterRole_pkey" PRIMARY KEY ("characterId","location","role")
);

-- CreateTable
CREATE TABLE "CharacterNotification" (
    "characterId" INTEGER NOT NULL,
    "notificationId" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "senderId" INTEGER NOT NULL,
    "senderType" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "isRead" BOOLEAN NOT NULL,
    "text" TEXT,

    CONSTRAINT "CharacterNotification_pkey" PRIMARY KEY ("characterId","notificationId")
);

-- CreateTable
CREATE TABLE "CharacterCalendarEvent" (
    "characterId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "title" TEXT NOT NULL,
    "importance" INTEGER NOT NULL,
    "response" TEXT NOT NULL,
    "duration" INTEGER,
    "ownerId" INTEGER,
    "ownerName" TEXT,
    "ownerType" TEXT,
    "text" TEXT,

    CONSTRAINT "CharacterCalendarEvent_pkey" PRIMARY KEY ("characterId","eventId")
);

-- CreateTable
CREATE TABLE "CharacterBlueprint" (
    "characterId" INTEGER NOT NULL,
    "itemId" BIGINT NOT NULL,
    "typeId" INTEGER NOT NULL,
    "locationId" BIGINT NOT NULL,
    "locationFlag" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "materialEfficiency" INTEGER NOT NULL,
    "timeEfficiency" INTEGER NOT NULL,
    "runs" INTEGER NOT NULL,

    CONSTRAINT "CharacterBlueprint_pkey" PRIMARY KEY ("characterId","itemId")
);

-- CreateTable
CREATE TABLE "CharacterIndustryJob" (
    "characterId" INTEGER NOT NULL,
    "jobId" BIGINT NOT NULL,
    "activityId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "blueprintId" BIGINT NOT NULL,
    "blueprintTypeId" INTEGER NOT NULL,
    "blueprintLocationId" BIGINT NOT NULL,
    "facilityId" BIGINT NOT NULL,
    "stationId" BIGINT NOT NULL,
    "outputLocationId" BIGINT NOT NULL,
    "installerId" INTEGER NOT NULL,
    "runs" INTEGER NOT NULL,
    "licensedRuns" INTEGER,
    "successfulRuns" INTEGER,
    "productTypeId" INTEGER,
    "probability" DOUBLE PRECISION,
    "cost" DECIMAL(17,2),
    "duration" INTEGER NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3) NOT NULL,
    "pauseDate" TIMESTAMP(3),
    "completedDate" TIMESTAMP(3),
    "completedCharacterId" INTEGER,

    CONSTRAINT "CharacterIndustryJob_pkey" PRIMARY KEY ("characterId","jobId")
);

-- CreateTable
CREATE TABLE "CharacterMarketOrder" (
    "characterId" INTEGER NOT NULL,
    "orderId" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "isBuyOrder" BOOLEAN NOT NULL,
    "isCorporation" BOOLEAN NOT NULL,
    "typeId" INTEGER NOT NULL,
    "regionId" INTEGER NOT NULL,
    "locationId" BIGINT NOT NULL,
    "range" TEXT NOT NULL,
    "price" DECIMAL(17,2) NOT NULL,
    "volumeTotal" INTEGER NOT NULL,
    "volumeRemain" INTEGER NOT NULL,
    "minVolume" INTEGER,
    "escrow" DECIMAL(17,2),
    "duration" INTEGER NOT NULL,
    "issued" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterMarketOrder_pkey" PRIMARY KEY ("characterId","orderId")
);

-- CreateTable
CREATE TABLE "CharacterFitting" (
    "characterId" INTEGER NOT NULL,
    "fittingId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "shipTypeId" INTEGER NOT NULL,
    "items" JSONB NOT NULL,

    CONSTRAINT "CharacterFitting_pkey" PRIMARY KEY ("characterId","fittingId")
);

-- CreateTable
CREATE TABLE "CharacterKillmail" (
    "characterId" INTEGER NOT NULL,
    "killmailId" BIGINT NOT NULL,
    "killmailHash" TEXT NOT NULL,
    "killmailTime" TIMESTAMP(3) NOT NULL,
    "solarSystemId" INTEGER NOT NULL,
    "victimCharacterId" INTEGER,
    "victimShipTypeId" INTEGER NOT NULL,
    "attackerCount" INTEGER NOT NULL,
    "finalBlowCharacterId" INTEGER,

    CONSTRAINT "CharacterKillmail_pkey" PRIMARY KEY ("characterId","killmailId")
);

-- CreateIndex
CREATE INDEX "CharacterSkill_skillId_trainedSkillLevel_idx" ON "CharacterSkill"("skillId", "trainedSkillLevel");

-- CreateIndex
CREATE INDEX "CharacterSkillqueueEntry_finishDate_idx" ON "CharacterSkillqueueEntry"("finishDate");

-- CreateIndex
CREATE INDEX "CharacterJumpClone_locationId_idx" ON "CharacterJumpClone"("locationId");

-- CreateIndex
CREATE INDEX "CharacterCorporationHistory_corporationId_idx" ON "CharacterCorporationHistory"("corporationId");

-- CreateIndex
CREATE INDEX "CharacterFwStats_factionId_idx" ON "CharacterFwStats"("factionId");

-- CreateIndex
CREATE INDEX "Location_updatedAt_idx" ON "Location"("updatedAt");

-- CreateIndex
CREATE INDEX "CharacterAsset_characterId_parentItemId_idx" ON "CharacterAsset"("characterId", "parentItemId");

-- CreateIndex
CREATE INDEX "CharacterAsset_characterId_locationId_idx" ON "CharacterAsset"("characterId", "locationId");

-- CreateIndex
CREATE INDEX "CharacterMail_characterId_timestamp_idx" ON "CharacterMail"("characterId", "timestamp");

-- CreateIndex
CREATE INDEX "CharacterNotification_characterId_timestamp_idx" ON "CharacterNotification"("characterId", "timestamp");

-- CreateIndex
CREATE INDEX "CharacterCalendarEvent_characterId_date_idx" ON "CharacterCalendarEvent"("characterId", "date");

-- CreateIndex
CREATE INDEX "CharacterBlueprint_typeId_idx" ON "CharacterBlueprint"("typeId");

-- CreateIndex
CREATE INDEX "CharacterIndustryJob_status_endDate_idx" ON "CharacterIndustryJob"("status", "endDate");

-- CreateIndex
CREATE INDEX "CharacterMarketOrder_characterId_state_issued_idx" ON "CharacterMarketOrder"("characterId", "state", "issued");

-- CreateIndex
CREATE INDEX "CharacterMarketOrder_typeId_idx" ON "CharacterMarketOrder"("typeId");

-- CreateIndex
CREATE INDEX "CharacterFitting_shipTypeId_idx" ON "CharacterFitting"("shipTypeId");

-- CreateIndex
CREATE INDEX "CharacterKillmail_characterId_killmailTime_idx" ON "CharacterKillmail"("characterId", "killmailTime");

-- CreateIndex
CREATE INDEX "CharacterKillmail_killmailId_idx" ON "CharacterKillmail"("killmailId");

-- CreateIndex
CREATE INDEX "CharacterKillmail_victimShipTypeId_idx" ON "CharacterKillmail"("victimShipTypeId");

-- AddForeignKey
ALTER TABLE "CharacterSkill" ADD CONSTRAINT "CharacterSkill_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterSkillpoints" ADD CONSTRAINT "CharacterSkillpoints_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterSkillqueueEntry" ADD CONSTRAINT "CharacterSkillqueueEntry_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterAttributes" ADD CONSTRAINT "CharacterAttributes_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterImplant" ADD CONSTRAINT "CharacterImplant_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterJumpClone" ADD CONSTRAINT "CharacterJumpClone_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterJumpCloneImplant" ADD CONSTRAINT "CharacterJumpCloneImplant_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterJumpCloneImplant" ADD CONSTRAINT "CharacterJumpCloneImplant_characterId_jumpCloneId_fkey" FOREIGN KEY ("characterId", "jumpCloneId") REFERENCES "CharacterJumpClone"("characterId", "jumpCloneId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterCloneInfo" ADD CONSTRAINT "CharacterCloneInfo_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterCorporationHistory" ADD CONSTRAINT "CharacterCorporationHistory_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterDetails" ADD CONSTRAINT "CharacterDetails_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterTitle" ADD CONSTRAINT "CharacterTitle_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterFwStats" ADD CONSTRAINT "CharacterFwStats_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterStanding" ADD CONSTRAINT "CharacterStanding_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterLocation" ADD CONSTRAINT "CharacterLocation_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterShip" ADD CONSTRAINT "CharacterShip_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterOnlineStatus" ADD CONSTRAINT "CharacterOnlineStatus_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterAsset" ADD CONSTRAINT "CharacterAsset_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterContactLabel" ADD CONSTRAINT "CharacterContactLabel_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterContact" ADD CONSTRAINT "CharacterContact_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterMailingList" ADD CONSTRAINT "CharacterMailingList_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterMailLabel" ADD CONSTRAINT "CharacterMailLabel_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterMailUnreadCount" ADD CONSTRAINT "CharacterMailUnreadCount_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterMail" ADD CONSTRAINT "CharacterMail_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterRole" ADD CONSTRAINT "CharacterRole_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterNotification" ADD CONSTRAINT "CharacterNotification_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterCalendarEvent" ADD CONSTRAINT "CharacterCalendarEvent_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterBlueprint" ADD CONSTRAINT "CharacterBlueprint_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterIndustryJob" ADD CONSTRAINT "CharacterIndustryJob_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterMarketOrder" ADD CONSTRAINT "CharacterMarketOrder_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterFitting" ADD CONSTRAINT "CharacterFitting_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterKillmail" ADD CONSTRAINT "CharacterKillmail_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

