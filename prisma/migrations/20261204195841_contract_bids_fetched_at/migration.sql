-- AlterTable
ALTER TABLE "CharacterContract" ADD COLUMN     "bidsFetchedAt" TIMESTAMP(3);

