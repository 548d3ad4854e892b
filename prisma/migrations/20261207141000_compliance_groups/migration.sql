-- CreateTable
CREATE TABLE "ComplianceGroup" (
    "groupId" TEXT NOT NULL,
    "rules" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComplianceGroup_pkey" PRIMARY KEY ("groupId")
);

-- CreateTable
CREATE TABLE "ComplianceLapse" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceLapse_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateIndex
CREATE INDEX "ComplianceLapse_userId_idx" ON "ComplianceLapse"("userId");

-- AddForeignKey
ALTER TABLE "ComplianceGroup" ADD CONSTRAINT "ComplianceGroup_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceLapse" ADD CONSTRAINT "ComplianceLapse_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "ComplianceGroup"("groupId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceLapse" ADD CONSTRAINT "ComplianceLapse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

