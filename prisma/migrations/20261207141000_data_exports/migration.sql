-- CreateTable
CREATE TABLE "export_file" (
    "id" UUID NOT NULL,
    "topic" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rowsExpected" INTEGER NOT NULL,
    "rowsWritten" INTEGER NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "requestedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "export_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "export_file_chunk" (
    "fileId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "export_file_chunk_pkey" PRIMARY KEY ("fileId","seq")
);

-- CreateTable
CREATE TABLE "export_download" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "fileId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "export_download_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "export_file_topic_status_idx" ON "export_file"("topic", "status");

-- CreateIndex
CREATE INDEX "export_download_createdAt_idx" ON "export_download"("createdAt");

-- AddForeignKey
ALTER TABLE "export_file_chunk" ADD CONSTRAINT "export_file_chunk_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "export_file"("id") ON DELETE CASCADE ON UPDATE CASCADE;

