-- Live collaboration (issue 17): the audit table becomes the change feed's log,
-- and presence is kept in PostgreSQL so every app instance sees it.

-- CreateEnum
CREATE TYPE "PresenceActivity" AS ENUM ('viewing', 'editing', 'reviewing');

-- AlterTable: "seq" is what a BIGSERIAL column would be, but existing rows are
-- numbered in the order they were written (createdAt, then id) rather than in
-- their physical order, and the sequence continues after the last of them.
ALTER TABLE "AuditEvent" ADD COLUMN "feed" JSONB,
ADD COLUMN "seq" BIGINT;

UPDATE "AuditEvent" AS a SET "seq" = numbered.n
FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS n FROM "AuditEvent") AS numbered
WHERE a."id" = numbered."id";

CREATE SEQUENCE "AuditEvent_seq_seq" OWNED BY "AuditEvent"."seq";
SELECT setval('"AuditEvent_seq_seq"', COALESCE((SELECT max("seq") FROM "AuditEvent"), 0) + 1, false);
ALTER TABLE "AuditEvent" ALTER COLUMN "seq" SET DEFAULT nextval('"AuditEvent_seq_seq"'),
ALTER COLUMN "seq" SET NOT NULL;

-- CreateTable
CREATE TABLE "Presence" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "comparisonId" UUID,
    "annotationId" UUID,
    "activity" "PresenceActivity" NOT NULL DEFAULT 'viewing',
    "instanceId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Presence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Presence_comparisonId_expiresAt_idx" ON "Presence"("comparisonId", "expiresAt");

-- CreateIndex
CREATE INDEX "Presence_userId_expiresAt_idx" ON "Presence"("userId", "expiresAt");

-- CreateIndex
CREATE INDEX "Presence_expiresAt_idx" ON "Presence"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presence" ADD CONSTRAINT "Presence_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "Comparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Publish every audit row on the "parallax_changes" channel. NOTIFY inside a
-- transaction is delivered when it commits, and not at all when it rolls back,
-- so listeners only ever hear about committed changes. The payload carries ids,
-- action, version and status only (lib/live/notice.ts); should it ever exceed
-- NOTIFY's 8000-byte limit, only the seq is sent and listeners read the row.
CREATE FUNCTION "parallax_publish_audit_event"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  payload TEXT;
BEGIN
  payload := json_build_object(
    'seq', NEW."seq",
    'action', NEW."action",
    'entityType', NEW."entityType",
    'entityId', NEW."entityId",
    'comparisonId', NEW."comparisonId",
    'actorId', NEW."actorId",
    'feed', NEW."feed"
  )::text;
  IF octet_length(payload) > 7900 THEN
    payload := json_build_object('seq', NEW."seq")::text;
  END IF;
  PERFORM pg_notify('parallax_changes', payload);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "AuditEvent_publish" AFTER INSERT ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "parallax_publish_audit_event"();
