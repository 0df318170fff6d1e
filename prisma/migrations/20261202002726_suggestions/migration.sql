-- Suggestions per comparison, the dismissal memory, and the job queue that
-- computes them. Every existing comparison gets a queued job, so its
-- suggestions are computed the first time an app instance with a worker runs.

-- CreateEnum
CREATE TYPE "SuggestionStatus" AS ENUM ('open', 'accepted', 'dismissed');

-- CreateEnum
CREATE TYPE "SuggestionJobStatus" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "SuggestionJob" (
    "comparisonId" UUID NOT NULL,
    "status" "SuggestionJobStatus" NOT NULL DEFAULT 'queued',
    "generation" INTEGER NOT NULL DEFAULT 1,
    "reason" TEXT NOT NULL DEFAULT '',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "workerId" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "progress" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT,
    "error" TEXT,
    "engineVersion" TEXT,
    "fingerprint" TEXT,
    "sourceHashes" JSONB,
    "skipped" JSONB,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SuggestionJob_pkey" PRIMARY KEY ("comparisonId")
);

-- CreateTable
CREATE TABLE "Suggestion" (
    "id" UUID NOT NULL,
    "comparisonId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "AnnotationKind" NOT NULL,
    "sourceAId" UUID NOT NULL,
    "startA" INTEGER NOT NULL,
    "endA" INTEGER NOT NULL,
    "exactA" TEXT NOT NULL,
    "sourceBId" UUID NOT NULL,
    "startB" INTEGER NOT NULL,
    "endB" INTEGER NOT NULL,
    "exactB" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "reasons" TEXT[],
    "engineVersion" TEXT NOT NULL,
    "status" "SuggestionStatus" NOT NULL DEFAULT 'open',
    "dismissReason" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "annotationId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Suggestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "comparisonId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "reason" TEXT,
    "dismissedById" UUID,
    "dismissedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionDismissal_pkey" PRIMARY KEY ("comparisonId","key")
);

-- CreateIndex
CREATE INDEX "SuggestionJob_status_runAfter_idx" ON "SuggestionJob"("status", "runAfter");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_annotationId_key" ON "Suggestion"("annotationId");

-- CreateIndex
CREATE INDEX "Suggestion_comparisonId_status_score_idx" ON "Suggestion"("comparisonId", "status", "score");

-- CreateIndex
CREATE UNIQUE INDEX "Suggestion_comparisonId_key_key" ON "Suggestion"("comparisonId", "key");

-- AddForeignKey
ALTER TABLE "SuggestionJob" ADD CONSTRAINT "SuggestionJob_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDismissal" ADD CONSTRAINT "SuggestionDismissal_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDismissal" ADD CONSTRAINT "SuggestionDismissal_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing comparisons: queue their first computation.
INSERT INTO "SuggestionJob" ("comparisonId", "reason", "queuedAt", "updatedAt")
SELECT "id", 'existing comparison', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Comparison";
