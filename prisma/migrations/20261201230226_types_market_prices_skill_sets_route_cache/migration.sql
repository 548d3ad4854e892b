-- CreateTable
CREATE TABLE "EveCategory" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EveCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EveGroup" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EveGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EveType" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "published" BOOLEAN NOT NULL DEFAULT true,
    "volume" DOUBLE PRECISION,
    "marketGroupId" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EveType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EveTypeDogmaAttribute" (
    "typeId" INTEGER NOT NULL,
    "attributeId" INTEGER NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "EveTypeDogmaAttribute_pkey" PRIMARY KEY ("typeId","attributeId")
);

-- CreateTable
CREATE TABLE "EveMarketPrice" (
    "typeId" INTEGER NOT NULL,
    "averagePrice" DOUBLE PRECISION,
    "adjustedPrice" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EveMarketPrice_pkey" PRIMARY KEY ("typeId")
);

-- CreateTable
CREATE TABLE "SectionRouteCache" (
    "characterId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "etag" TEXT,
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "SectionRouteCache_pkey" PRIMARY KEY ("characterId","section","route")
);

-- CreateTable
CREATE TABLE "SectionStagedChunk" (
    "characterId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,

    CONSTRAINT "SectionStagedChunk_pkey" PRIMARY KEY ("characterId","section","index")
);

-- CreateTable
CREATE TABLE "SkillSetGroup" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "isDoctrine" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "lastModifiedAt" TIMESTAMP(3) NOT NULL,
    "lastModifiedBy" TEXT,

    CONSTRAINT "SkillSetGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillSet" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "shipTypeId" INTEGER,
    "isVisible" BOOLEAN NOT NULL DEFAULT true,
    "lastModifiedAt" TIMESTAMP(3) NOT NULL,
    "lastModifiedBy" TEXT,

    CONSTRAINT "SkillSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillSetSkill" (
    "skillSetId" INTEGER NOT NULL,
    "skillTypeId" INTEGER NOT NULL,
    "requiredLevel" INTEGER,
    "recommendedLevel" INTEGER,

    CONSTRAINT "SkillSetSkill_pkey" PRIMARY KEY ("skillSetId","skillTypeId")
);

-- CreateTable
CREATE TABLE "CharacterSkillSetCheck" (
    "characterId" INTEGER NOT NULL,
    "skillSetId" INTEGER NOT NULL,
    "failedRequired" INTEGER[],
    "failedRecommended" INTEGER[],

    CONSTRAINT "CharacterSkillSetCheck_pkey" PRIMARY KEY ("characterId","skillSetId")
);

-- CreateTable
CREATE TABLE "_SkillSetToSkillSetGroup" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_SkillSetToSkillSetGroup_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "EveGroup_categoryId_idx" ON "EveGroup"("categoryId");

-- CreateIndex
CREATE INDEX "EveType_groupId_idx" ON "EveType"("groupId");

-- CreateIndex
CREATE INDEX "EveType_name_idx" ON "EveType"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SkillSetGroup_name_key" ON "SkillSetGroup"("name");

-- CreateIndex
CREATE UNIQUE INDEX "SkillSet_name_key" ON "SkillSet"("name");

-- CreateIndex
CREATE INDEX "CharacterSkillSetCheck_skillSetId_idx" ON "CharacterSkillSetCheck"("skillSetId");

-- CreateIndex
CREATE INDEX "_SkillSetToSkillSetGroup_B_index" ON "_SkillSetToSkillSetGroup"("B");

-- AddForeignKey
ALTER TABLE "EveGroup" ADD CONSTRAINT "EveGroup_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "EveCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EveType" ADD CONSTRAINT "EveType_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "EveGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EveTypeDogmaAttribute" ADD CONSTRAINT "EveTypeDogmaAttribute_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "EveType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionRouteCache" ADD CONSTRAINT "SectionRouteCache_characterId_section_fkey" FOREIGN KEY ("characterId", "section") REFERENCES "SectionUpdateStatus"("characterId", "section") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionStagedChunk" ADD CONSTRAINT "SectionStagedChunk_characterId_section_fkey" FOREIGN KEY ("characterId", "section") REFERENCES "SectionUpdateStatus"("characterId", "section") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillSetSkill" ADD CONSTRAINT "SkillSetSkill_skillSetId_fkey" FOREIGN KEY ("skillSetId") REFERENCES "SkillSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterSkillSetCheck" ADD CONSTRAINT "CharacterSkillSetCheck_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterSkillSetCheck" ADD CONSTRAINT "CharacterSkillSetCheck_skillSetId_fkey" FOREIGN KEY ("skillSetId") REFERENCES "SkillSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_SkillSetToSkillSetGroup" ADD CONSTRAINT "_SkillSetToSkillSetGroup_A_fkey" FOREIGN KEY ("A") REFERENCES "SkillSet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_SkillSetToSkillSetGroup" ADD CONSTRAINT "_SkillSetToSkillSetGroup_B_fkey" FOREIGN KEY ("B") REFERENCES "SkillSetGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

