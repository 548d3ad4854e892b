-- CreateTable
CREATE TABLE "job_step_results" (
    "run_id" UUID NOT NULL,
    "step_id" TEXT NOT NULL,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_step_results_pkey" PRIMARY KEY ("run_id","step_id")
);

