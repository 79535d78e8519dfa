-- Principal activity: first use of each verb and resource per principal and day, kept by the detection worker
-- (lib/services/investigations/first-seen.ts). No index is added to audit_events.

-- CreateTable
CREATE TABLE "AuditFirstSeen" (
    "clusterId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "firstSeen" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "AuditFirstSeen_pkey" PRIMARY KEY ("clusterId","username","verb","resource","day")
);

-- CreateIndex
CREATE INDEX "AuditFirstSeen_clusterId_day_idx" ON "AuditFirstSeen"("clusterId", "day");

