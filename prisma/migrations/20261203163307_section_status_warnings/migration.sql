-- AlterTable
ALTER TABLE "SectionUpdateStatus" ADD COLUMN     "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[];

