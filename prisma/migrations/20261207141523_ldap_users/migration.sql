-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "ldapDn" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "displayName" TEXT,
ADD COLUMN     "email" TEXT,
ADD COLUMN     "ldapDn" TEXT,
ADD COLUMN     "ldapUsername" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Group_ldapDn_key" ON "Group"("ldapDn");

-- CreateIndex
CREATE UNIQUE INDEX "User_ldapDn_key" ON "User"("ldapDn");

