-- CreateTable
CREATE TABLE "job_run_records" (
    "run_id" VARCHAR(64) NOT NULL,
    "function" VARCHAR(100) NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "error" VARCHAR(500),
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_run_records_pkey" PRIMARY KEY ("run_id")
);

-- CreateIndex
CREATE INDEX "job_run_records_function_state_idx" ON "job_run_records"("function", "state");

-- CreateIndex
CREATE INDEX "job_run_records_finished_at_idx" ON "job_run_records"("finished_at");

