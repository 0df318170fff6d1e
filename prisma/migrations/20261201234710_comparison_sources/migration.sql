-- A comparison holds an ordered list of 2 to 12 sources instead of a left/right
-- pair. Every existing comparison's left source becomes position 0 and its right
-- source position 1 before the old columns go, so no comparison loses a source.

-- CreateEnum
CREATE TYPE "Reliability" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "credibility" INTEGER;

-- CreateTable
CREATE TABLE "ComparisonSource" (
    "comparisonId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT,
    "reliability" "Reliability",
    "reliabilityNote" TEXT,
    "gradedById" UUID,
    "gradedAt" TIMESTAMP(3),
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ComparisonSource_pkey" PRIMARY KEY ("comparisonId","sourceId")
);

-- Carry the old pairs over: left → position 0, right → position 1.
INSERT INTO "ComparisonSource" ("comparisonId", "sourceId", "position", "addedAt")
SELECT "id", "leftSourceId", 0, "createdAt" FROM "Comparison";
INSERT INTO "ComparisonSource" ("comparisonId", "sourceId", "position", "addedAt")
SELECT "id", "rightSourceId", 1, "createdAt" FROM "Comparison" WHERE "rightSourceId" <> "leftSourceId";

-- One name per audit action: early seeds wrote "review.approve" for what the service calls "annotation.approve".
UPDATE "AuditEvent" SET "action" = 'annotation.' || substr("action", 8) WHERE "action" IN ('review.approve', 'review.request_changes', 'review.reject');
UPDATE "AuditEvent" SET "action" = 'user.password_reset' WHERE "action" = 'user.update+password';

-- DropForeignKey
ALTER TABLE "Comparison" DROP CONSTRAINT "Comparison_leftSourceId_fkey";

-- DropForeignKey
ALTER TABLE "Comparison" DROP CONSTRAINT "Comparison_rightSourceId_fkey";

-- DropIndex
DROP INDEX "Comparison_leftSourceId_idx";

-- DropIndex
DROP INDEX "Comparison_rightSourceId_idx";

-- AlterTable
ALTER TABLE "Comparison" DROP COLUMN "leftSourceId",
DROP COLUMN "rightSourceId";

-- CreateIndex
CREATE INDEX "ComparisonSource_sourceId_idx" ON "ComparisonSource"("sourceId");

-- CreateIndex
CREATE UNIQUE INDEX "ComparisonSource_comparisonId_position_key" ON "ComparisonSource"("comparisonId", "position");

-- AddForeignKey
ALTER TABLE "ComparisonSource" ADD CONSTRAINT "ComparisonSource_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonSource" ADD CONSTRAINT "ComparisonSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComparisonSource" ADD CONSTRAINT "ComparisonSource_gradedById_fkey" FOREIGN KEY ("gradedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
