-- AlterTable
ALTER TABLE "CharacterKillmail" ADD COLUMN     "victimItems" JSONB;

