-- CreateTable
CREATE TABLE "ReportSignoff" (
    "id" UUID NOT NULL,
    "comparisonId" UUID NOT NULL,
    "comparisonTitle" TEXT NOT NULL,
    "signedById" UUID,
    "signedByName" TEXT NOT NULL,
    "signedByRole" "Role" NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statement" TEXT,
    "scope" TEXT NOT NULL,
    "includesAudit" BOOLEAN NOT NULL DEFAULT false,
    "contentJson" TEXT NOT NULL,
    "contentSha256" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "pdfBytes" INTEGER NOT NULL,

    CONSTRAINT "ReportSignoff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportSignoff_pdfSha256_key" ON "ReportSignoff"("pdfSha256");

-- CreateIndex
CREATE INDEX "ReportSignoff_comparisonId_signedAt_idx" ON "ReportSignoff"("comparisonId", "signedAt");

-- CreateIndex
CREATE INDEX "ReportSignoff_contentSha256_idx" ON "ReportSignoff"("contentSha256");

-- AddForeignKey
ALTER TABLE "ReportSignoff" ADD CONSTRAINT "ReportSignoff_signedById_fkey" FOREIGN KEY ("signedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Signed-off reports are immutable: no delete, no update (except the
-- ON DELETE SET NULL of the signer's account, which keeps the signer's name).
CREATE FUNCTION "report_signoff_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW."signedById" IS NULL
     AND (to_jsonb(NEW) - 'signedById') = (to_jsonb(OLD) - 'signedById') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'signed-off reports are immutable (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "ReportSignoff_immutable"
BEFORE UPDATE OR DELETE ON "ReportSignoff"
FOR EACH ROW EXECUTE FUNCTION "report_signoff_immutable"();
