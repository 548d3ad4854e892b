-- AlterTable
ALTER TABLE "SectionUpdateStatus" ADD COLUMN     "cacheExpiresAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CharacterWalletBalance" (
    "characterId" INTEGER NOT NULL,
    "total" DECIMAL(17,2) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CharacterWalletBalance_pkey" PRIMARY KEY ("characterId")
);

-- AddForeignKey
ALTER TABLE "CharacterWalletBalance" ADD CONSTRAINT "CharacterWalletBalance_characterId_fkey" FOREIGN KEY ("characterId") REFERENCES "Character"("id") ON DELETE CASCADE ON UPDATE CASCADE;

