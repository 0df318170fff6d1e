-- Sessions can be revoked (User.sessionVersion); sign-in attempts become a
-- history (LoginAttempt: email, ip, outcome) and throttling moves to atomic
-- per-key counters (LoginThrottle). Existing attempts are carried over.

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- AlterTable: the old rows had one key each, "email:<address>" or "ip:<address>".
ALTER TABLE "LoginAttempt" ADD COLUMN     "email" TEXT,
ADD COLUMN     "ip" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "userId" UUID;

UPDATE "LoginAttempt" SET "email" = substr("key", 7) WHERE "key" LIKE 'email:%';
UPDATE "LoginAttempt" SET "ip" = substr("key", 4) WHERE "key" LIKE 'ip:%';
UPDATE "LoginAttempt" SET "reason" = 'wrong_password' WHERE NOT "succeeded";

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- Failures of the last 15 minutes (the default window) keep counting after the upgrade.
INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt")
SELECT CASE WHEN "key" LIKE 'email:%' THEN 'account:' || substr("key", 7) ELSE "key" END, count(*)::int, max("createdAt")
FROM "LoginAttempt"
WHERE NOT "succeeded" AND "createdAt" > CURRENT_TIMESTAMP - INTERVAL '15 minutes'
GROUP BY 1;

-- DropIndex
DROP INDEX "LoginAttempt_key_createdAt_idx";

-- AlterTable
ALTER TABLE "LoginAttempt" DROP COLUMN "key";

-- CreateIndex
CREATE INDEX "LoginAttempt_email_createdAt_idx" ON "LoginAttempt"("email", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_createdAt_idx" ON "LoginAttempt"("createdAt");
