-- CreateTable
CREATE TABLE "EsiErrorLimit" (
    "id" INTEGER NOT NULL,
    "remain" INTEGER,
    "resetAt" TIMESTAMPTZ(3),
    "pausedUntil" TIMESTAMPTZ(3),
    "inFlight" INTEGER NOT NULL DEFAULT 0,
    "syncedAt" TIMESTAMPTZ(3),
    "touchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EsiErrorLimit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EsiRateBucket" (
    "key" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "limit" INTEGER,
    "windowSeconds" INTEGER NOT NULL DEFAULT 900,
    "remaining" INTEGER,
    "inFlight" INTEGER NOT NULL DEFAULT 0,
    "probeAt" TIMESTAMPTZ(3),
    "pausedUntil" TIMESTAMPTZ(3),
    "syncedAt" TIMESTAMPTZ(3),
    "touchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EsiRateBucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "EsiRouteGroup" (
    "route" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "learnedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EsiRouteGroup_pkey" PRIMARY KEY ("route")
);

-- CreateIndex
CREATE INDEX "EsiRateBucket_group_idx" ON "EsiRateBucket"("group");

