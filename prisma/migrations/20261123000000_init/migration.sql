-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TokenStatus" AS ENUM ('VALID', 'INVALID');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "isSuperuser" BOOLEAN NOT NULL DEFAULT false,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "mainCharacterId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EveCharacter" (
    "id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "corporationId" INTEGER,
    "allianceId" INTEGER,
    "factionId" INTEGER,
    "birthday" TIMESTAMP(3),
    "securityStatus" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EveCharacter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EveEntity" (
    "id" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EveEntity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CharacterOwnership" (
    "characterId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "ownerHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterOwnership_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "Character" (
    "id" INTEGER NOT NULL,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "isShared" BOOLEAN NOT NULL DEFAULT false,
    "sharedAt" TIMESTAMP(3),
    "tokenErrorNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Character_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EsiToken" (
    "characterId" INTEGER NOT NULL,
    "ownerHash" TEXT NOT NULL,
    "refreshTokenEnc" TEXT NOT NULL,
    "accessTokenEnc" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "scopes" TEXT[],
    "status" "TokenStatus" NOT NULL DEFAULT 'VALID',
    "invalidReason" TEXT,
    "invalidAt" TIMESTAMP(3),
    "lastRefreshedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EsiToken_pkey" PRIMARY KEY ("characterId")
);

-- CreateTable
CREATE TABLE "SectionUpdateStatus" (
    "characterId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "isSuccess" BOOLEAN,
    "errorMessage" TEXT,
    "isTokenError" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "contentHash" TEXT,
    "etag" TEXT,

    CONSTRAINT "SectionUpdateStatus_pkey" PRIMARY KEY ("characterId","section")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_mainCharacterId_key" ON "User"("mainCharacterId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "EveCharacter_corporationId_idx" ON "EveCharacter"("corporationId");

-- CreateIndex
CREATE INDEX "EveCharacter_allianceId_idx" ON "EveCharacter"("allianceId");

-- CreateIndex
CREATE INDEX "CharacterOwnership_userId_idx" ON "CharacterOwnership"("userId");

-- CreateIndex
CREATE INDEX "EsiToken_status_idx" ON "EsiToken"("status");

-- CreateIndex
CREATE INDEX "SectionUpdateStatus_section_finishedAt_idx" ON "SectionUpdateStatus"("section", "finishedAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_mainCharacterId_fkey" FOREIGN KEY ("mainCharacterId") REFERENCES "EveCharacter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterOwnership" ADD CONSTRAINT "CharacterOwnership_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "EveCharacter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CharacterOwnership" ADD CONSTRAINT "CharacterOwnership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Character" ADD CONSTRAINT "Character_id_fkey" FOREIGN KEY ("id") REFERENCES "EveCharacter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EsiToken" ADD CONSTRAINT "EsiToken_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionUpdateStatus" ADD CONSTRAINT "SectionUpdateStatus_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

