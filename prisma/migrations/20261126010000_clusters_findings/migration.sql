-- CreateEnum
CREATE TYPE "ClusterStatus" AS ENUM ('pending', 'ok', 'degraded', 'unreachable', 'tls_error', 'unauthorized', 'error');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "FindingStatus" AS ENUM ('new', 'open', 'resolved', 'regressed');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('critical', 'high', 'medium', 'low', 'info');

-- CreateTable
CREATE TABLE "Cluster" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "environment" TEXT NOT NULL DEFAULT 'dev',
    "ownerTeam" TEXT,
    "server" TEXT NOT NULL,
    "contextName" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "status" "ClusterStatus" NOT NULL DEFAULT 'pending',
    "statusReason" TEXT,
    "scanIntervalMinutes" INTEGER NOT NULL DEFAULT 15,
    "lastScanAt" TIMESTAMP(3),
    "lastGoodScanAt" TIMESTAMP(3),
    "serverVersion" TEXT,
    "coverage" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cluster_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterCredential" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "iv" BYTEA NOT NULL,
    "authTag" BYTEA NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClusterCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScanRun" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "status" "ScanStatus" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL DEFAULT 'schedule',
    "requestedById" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "progress" JSONB,
    "coverage" JSONB,
    "error" TEXT,
    "objectsTotal" INTEGER NOT NULL DEFAULT 0,
    "objectsAdded" INTEGER NOT NULL DEFAULT 0,
    "objectsChanged" INTEGER NOT NULL DEFAULT 0,
    "objectsRemoved" INTEGER NOT NULL DEFAULT 0,
    "findingsTotal" INTEGER NOT NULL DEFAULT 0,
    "findingsNew" INTEGER NOT NULL DEFAULT 0,
    "findingsResolved" INTEGER NOT NULL DEFAULT 0,
    "findingsRegressed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScanRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InventoryObject" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "uid" TEXT,
    "resourceVersion" TEXT,
    "hash" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "lastScanId" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InventoryObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "ruleName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "theme" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "remediation" TEXT NOT NULL,
    "status" "FindingStatus" NOT NULL DEFAULT 'new',
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "lastScanId" TEXT NOT NULL,
    "suppressionId" TEXT,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "clusterId" TEXT,
    "ruleId" TEXT,
    "namespace" TEXT,
    "kind" TEXT,
    "name" TEXT,
    "findingId" TEXT,
    "reason" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Cluster_orgId_idx" ON "Cluster"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_orgId_name_key" ON "Cluster"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ClusterCredential_clusterId_key" ON "ClusterCredential"("clusterId");

-- CreateIndex
CREATE INDEX "ScanRun_clusterId_createdAt_idx" ON "ScanRun"("clusterId", "createdAt");

-- CreateIndex
CREATE INDEX "ScanRun_orgId_createdAt_idx" ON "ScanRun"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "InventoryObject_clusterId_lastScanId_idx" ON "InventoryObject"("clusterId", "lastScanId");

-- CreateIndex
CREATE UNIQUE INDEX "InventoryObject_clusterId_kind_namespace_name_key" ON "InventoryObject"("clusterId", "kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "Finding_orgId_status_severity_idx" ON "Finding"("orgId", "status", "severity");

-- CreateIndex
CREATE INDEX "Finding_orgId_clusterId_status_idx" ON "Finding"("orgId", "clusterId", "status");

-- CreateIndex
CREATE INDEX "Finding_orgId_ruleId_idx" ON "Finding"("orgId", "ruleId");

-- CreateIndex
CREATE INDEX "Finding_orgId_namespace_idx" ON "Finding"("orgId", "namespace");

-- CreateIndex
CREATE INDEX "Finding_orgId_firstSeenAt_idx" ON "Finding"("orgId", "firstSeenAt");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_clusterId_fingerprint_key" ON "Finding"("clusterId", "fingerprint");

-- CreateIndex
CREATE INDEX "Suppression_orgId_revokedAt_idx" ON "Suppression"("orgId", "revokedAt");

-- AddForeignKey
ALTER TABLE "Cluster" ADD CONSTRAINT "Cluster_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterCredential" ADD CONSTRAINT "ClusterCredential_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScanRun" ADD CONSTRAINT "ScanRun_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InventoryObject" ADD CONSTRAINT "InventoryObject_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_suppressionId_fkey" FOREIGN KEY ("suppressionId") REFERENCES "Suppression"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Suppression" ADD CONSTRAINT "Suppression_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: text search over findings (message, resource name, rule) with trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Finding_search_trgm_idx" ON "Finding" USING gin ((lower("message" || ' ' || "name" || ' ' || "ruleName")) gin_trgm_ops);
