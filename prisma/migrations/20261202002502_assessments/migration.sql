-- The assessment: one bottom-line judgment per comparison (ICD 203 likelihood,
-- analytic confidence), the findings it cites, and its review decisions. Only new
-- tables and types: every existing row stays as it is.

-- CreateEnum
CREATE TYPE "Likelihood" AS ENUM ('almost_no_chance', 'very_unlikely', 'unlikely', 'roughly_even_chance', 'likely', 'very_likely', 'almost_certain');

-- CreateEnum
CREATE TYPE "AnalyticConfidence" AS ENUM ('low', 'moderate', 'high');

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "comparisonId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "judgment" TEXT NOT NULL,
    "likelihood" "Likelihood" NOT NULL,
    "confidence" "AnalyticConfidence" NOT NULL,
    "status" "AnnotationStatus" NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssessmentFinding" (
    "assessmentId" UUID NOT NULL,
    "annotationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "AssessmentFinding_pkey" PRIMARY KEY ("assessmentId","annotationId")
);

-- CreateTable
CREATE TABLE "AssessmentReview" (
    "id" UUID NOT NULL,
    "assessmentId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT,
    "assessmentVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_comparisonId_key" ON "Assessment"("comparisonId");

-- CreateIndex
CREATE INDEX "Assessment_status_submittedAt_idx" ON "Assessment"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Assessment_authorId_status_idx" ON "Assessment"("authorId", "status");

-- CreateIndex
CREATE INDEX "AssessmentFinding_annotationId_idx" ON "AssessmentFinding"("annotationId");

-- CreateIndex
CREATE INDEX "AssessmentReview_assessmentId_createdAt_idx" ON "AssessmentReview"("assessmentId", "createdAt");

-- CreateIndex
CREATE INDEX "AssessmentReview_reviewerId_idx" ON "AssessmentReview"("reviewerId");

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentFinding" ADD CONSTRAINT "AssessmentFinding_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentFinding" ADD CONSTRAINT "AssessmentFinding_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentReview" ADD CONSTRAINT "AssessmentReview_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "Assessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentReview" ADD CONSTRAINT "AssessmentReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
