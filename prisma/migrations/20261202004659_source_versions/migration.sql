-- CreateEnum
CREATE TYPE "VersionOrigin" AS ENUM ('import', 'paste', 'upload', 'refetch', 'check_all');

-- CreateEnum
CREATE TYPE "AnchorStatus" AS ENUM ('unchanged', 'changed', 'orphaned');

-- CreateEnum
CREATE TYPE "SourceCheckStatus" AS ENUM ('running', 'done');

-- CreateEnum
CREATE TYPE "SourceCheckItemStatus" AS ENUM ('pending', 'running', 'unchanged', 'changed', 'failed');

-- CreateTable
CREATE TABLE "SourceVersion" (
    "id" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "rawContent" TEXT NOT NULL,
    "rawFormat" "SourceFormat" NOT NULL,
    "contentHash" TEXT NOT NULL,
    "origin" "VersionOrigin" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,

    CONSTRAINT "SourceVersion_pkey" PRIMARY KEY ("id")
);

-- Hand-written: every existing source gets version 1 from its current text
-- and raw content, dated when the source was imported, by its importer.
INSERT INTO "SourceVersion" ("id", "sourceId", "number", "text", "rawContent", "rawFormat", "contentHash", "origin", "createdAt", "createdById")
SELECT gen_random_uuid(), s."id", 1, s."text", s."rawContent", s."rawFormat", s."contentHash", 'import', s."createdAt", s."createdById"
FROM "Source" s;

-- AlterTable (hand-edited: the version columns are filled before they become NOT NULL)
ALTER TABLE "Span" ADD COLUMN     "anchorEnd" INTEGER,
ADD COLUMN     "anchorExact" TEXT,
ADD COLUMN     "anchorStart" INTEGER,
ADD COLUMN     "anchorStatus" "AnchorStatus" NOT NULL DEFAULT 'unchanged',
ADD COLUMN     "intactVersionId" UUID,
ADD COLUMN     "keptAt" TIMESTAMP(3),
ADD COLUMN     "keptById" UUID,
ADD COLUMN     "versionId" UUID;

-- Every existing span was made on its source's only version and stands there unchanged.
UPDATE "Span" sp
SET "versionId" = v."id", "intactVersionId" = v."id", "anchorStart" = sp."start", "anchorEnd" = sp."end", "anchorExact" = sp."exact"
FROM "SourceVersion" v
WHERE v."sourceId" = sp."sourceId" AND v."number" = 1;

ALTER TABLE "Span" ALTER COLUMN "intactVersionId" SET NOT NULL,
ALTER COLUMN "versionId" SET NOT NULL;

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "annotationId" UUID,
    "comparisonId" UUID,
    "sourceId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCheckRun" (
    "id" UUID NOT NULL,
    "status" "SourceCheckStatus" NOT NULL DEFAULT 'running',
    "startedById" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SourceCheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCheckItem" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "sourceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "SourceCheckItemStatus" NOT NULL DEFAULT 'pending',
    "claimedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "versionNumber" INTEGER,
    "result" JSONB,

    CONSTRAINT "SourceCheckItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SourceVersion_sourceId_number_key" ON "SourceVersion"("sourceId", "number");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "SourceCheckRun_status_startedAt_idx" ON "SourceCheckRun"("status", "startedAt");

-- CreateIndex
CREATE INDEX "SourceCheckItem_runId_status_idx" ON "SourceCheckItem"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SourceCheckItem_runId_position_key" ON "SourceCheckItem"("runId", "position");

-- CreateIndex
CREATE INDEX "Span_versionId_idx" ON "Span"("versionId");

-- AddForeignKey
ALTER TABLE "SourceVersion" ADD CONSTRAINT "SourceVersion_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceVersion" ADD CONSTRAINT "SourceVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Span" ADD CONSTRAINT "Span_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "SourceVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Span" ADD CONSTRAINT "Span_intactVersionId_fkey" FOREIGN KEY ("intactVersionId") REFERENCES "SourceVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Span" ADD CONSTRAINT "Span_keptById_fkey" FOREIGN KEY ("keptById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCheckRun" ADD CONSTRAINT "SourceCheckRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCheckItem" ADD CONSTRAINT "SourceCheckItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SourceCheckRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCheckItem" ADD CONSTRAINT "SourceCheckItem_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
