-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- AlterTable
ALTER TABLE "ScanRun" ADD COLUMN     "rulesRun" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "PostureSnapshot" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL DEFAULT '',
    "framework" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "passed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "partial" INTEGER NOT NULL,
    "notAssessed" INTEGER NOT NULL,
    "openBySeverity" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostureSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingDailyStat" (
    "orgId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "severity" "Severity" NOT NULL,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "open" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FindingDailyStat_pkey" PRIMARY KEY ("orgId","day","severity")
);

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'compliance',
    "framework" TEXT,
    "format" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'queued',
    "progress" JSONB,
    "error" TEXT,
    "fileName" TEXT,
    "contentType" TEXT,
    "content" BYTEA,
    "sizeBytes" INTEGER,
    "sha256" TEXT,
    "requestedById" TEXT,
    "scheduleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSchedule" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "scope" JSONB NOT NULL,
    "cadence" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),

    CONSTRAINT "ReportSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PostureSnapshot_orgId_framework_day_idx" ON "PostureSnapshot"("orgId", "framework", "day");

-- CreateIndex
CREATE UNIQUE INDEX "PostureSnapshot_orgId_clusterId_framework_day_key" ON "PostureSnapshot"("orgId", "clusterId", "framework", "day");

-- CreateIndex
CREATE INDEX "Report_orgId_createdAt_idx" ON "Report"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "ReportSchedule_nextRunAt_idx" ON "ReportSchedule"("nextRunAt");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSchedule" ADD CONSTRAINT "ReportSchedule_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

