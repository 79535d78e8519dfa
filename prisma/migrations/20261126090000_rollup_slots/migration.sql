-- Ingest adds to hourly rollup rows of its own connection (slot = backend pid): concurrent batches of one
-- cluster no longer wait on the same row until the other commits. Readers sum over slots.
ALTER TABLE "AuditRollupHourly" ADD COLUMN "slot" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "AuditRollupHourly" DROP CONSTRAINT "AuditRollupHourly_pkey";
ALTER TABLE "AuditRollupHourly" ADD CONSTRAINT "AuditRollupHourly_pkey" PRIMARY KEY ("clusterId", "hour", "verb", "slot");
