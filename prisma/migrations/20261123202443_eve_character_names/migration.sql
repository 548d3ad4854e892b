-- AlterTable
ALTER TABLE "EveCharacter" ADD COLUMN     "allianceName" TEXT,
ADD COLUMN     "corporationName" TEXT;

-- CreateIndex
CREATE INDEX "EveCharacter_name_idx" ON "EveCharacter"("name");

