-- Findings explorer at 500,000 findings (see the README, Performance). Generated part first, then raw SQL.

-- DropIndex
DROP INDEX "Finding_orgId_clusterId_status_idx";

-- DropIndex
DROP INDEX "Finding_orgId_namespace_idx";

-- DropIndex
DROP INDEX "Finding_orgId_firstSeenAt_idx";

-- CreateTable
CREATE TABLE "FindingCount" (
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ruleName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "theme" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "FindingStatus" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "FindingCount_pkey" PRIMARY KEY ("clusterId","ruleId","ruleName","title","theme","severity","status")
);

-- CreateIndex
CREATE INDEX "FindingCount_orgId_idx" ON "FindingCount"("orgId");

-- CreateIndex
CREATE INDEX "Finding_orgId_namespace_kind_name_idx" ON "Finding"("orgId", "namespace", "kind", "name");

-- AddForeignKey
ALTER TABLE "FindingCount" ADD CONSTRAINT "FindingCount_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingCount" ADD CONSTRAINT "FindingCount_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Sort by rule, and the rule filter (rule ids are resolved to names from the catalog): in the explorer's default
-- order within one rule, and with status and suppression to count the matches from the index alone.
CREATE INDEX "Finding_orgId_ruleName_severity_lastSeenAt_id_idx" ON "Finding"("orgId", "ruleName", "severity", "lastSeenAt" DESC, "id") INCLUDE ("status", "suppressionId");

-- Sort by last or first seen in either direction, id breaking the ties that one scan's now() creates, and deep
-- pages of ids read from the index alone.
CREATE INDEX "Finding_orgId_lastSeenAt_id_idx" ON "Finding"("orgId", "lastSeenAt", "id") INCLUDE ("status", "suppressionId");
CREATE INDEX "Finding_orgId_firstSeenAt_id_idx" ON "Finding"("orgId", "firstSeenAt", "id") INCLUDE ("status", "suppressionId");

-- One cluster's findings by resource (the cluster filter, and grouping by resource from the index alone).
CREATE INDEX "Finding_orgId_clusterId_namespace_kind_name_idx" ON "Finding"("orgId", "clusterId", "namespace", "kind", "name") INCLUDE ("severity", "status", "suppressionId");

-- Suppressed findings are few: counted live per rule from this index, and subtracted from "FindingCount".
CREATE INDEX "Finding_suppressed_idx" ON "Finding"("orgId", "clusterId", "ruleId", "ruleName", "title", "theme", "severity", "status") WHERE "suppressionId" IS NOT NULL;

-- Counts for the findings that exist already, as refreshFindingCounts writes them.
INSERT INTO "FindingCount" ("orgId", "clusterId", "ruleId", "ruleName", "title", "theme", "severity", "status", "n")
SELECT "orgId", "clusterId", "ruleId", "ruleName", "title", "theme", "severity", "status", count(*)::int
  FROM "Finding" GROUP BY "orgId", "clusterId", "ruleId", "ruleName", "title", "theme", "severity", "status";
