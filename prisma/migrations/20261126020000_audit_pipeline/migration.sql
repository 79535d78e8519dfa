-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('open', 'investigating', 'closed_true_positive', 'closed_false_positive');

-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "auditLastEventAt" TIMESTAMP(3),
ADD COLUMN     "auditTokenCreatedAt" TIMESTAMP(3),
ADD COLUMN     "auditTokenHash" TEXT;

-- CreateTable
CREATE TABLE "AuditRejectedEvent" (
    "id" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" TEXT NOT NULL,
    "raw" TEXT NOT NULL,

    CONSTRAINT "AuditRejectedEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditRollupHourly" (
    "clusterId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "verb" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "denied" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AuditRollupHourly_pkey" PRIMARY KEY ("clusterId","hour","verb")
);

-- CreateTable
CREATE TABLE "AuditDetectionState" (
    "clusterId" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "cursorSeq" BIGINT NOT NULL DEFAULT 0,
    "learningUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditDetectionState_pkey" PRIMARY KEY ("clusterId")
);

-- CreateTable
CREATE TABLE "AuditDetection" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "detectionId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "principal" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "auditIds" TEXT[],
    "refs" JSONB NOT NULL,
    "evidence" JSONB,
    "firstSeen" TIMESTAMP(3) NOT NULL,
    "lastSeen" TIMESTAMP(3) NOT NULL,
    "incidentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditDetection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'open',
    "principal" TEXT NOT NULL,
    "assigneeId" TEXT,
    "firstSeen" TIMESTAMP(3) NOT NULL,
    "lastSeen" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closeReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditAllowListEntry" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT,
    "principal" TEXT NOT NULL,
    "detectionId" TEXT,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditAllowListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditRejectedEvent_clusterId_receivedAt_idx" ON "AuditRejectedEvent"("clusterId", "receivedAt");

-- CreateIndex
CREATE INDEX "AuditDetection_orgId_createdAt_idx" ON "AuditDetection"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditDetection_incidentId_idx" ON "AuditDetection"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditDetection_clusterId_fingerprint_key" ON "AuditDetection"("clusterId", "fingerprint");

-- CreateIndex
CREATE INDEX "Incident_orgId_status_lastSeen_idx" ON "Incident"("orgId", "status", "lastSeen");

-- CreateIndex
CREATE INDEX "Incident_clusterId_principal_lastSeen_idx" ON "Incident"("clusterId", "principal", "lastSeen");

-- CreateIndex
CREATE INDEX "AuditAllowListEntry_orgId_idx" ON "AuditAllowListEntry"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Cluster_auditTokenHash_key" ON "Cluster"("auditTokenHash");

-- AddForeignKey
ALTER TABLE "AuditDetection" ADD CONSTRAINT "AuditDetection_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditAllowListEntry" ADD CONSTRAINT "AuditAllowListEntry_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: the raw audit events, partitioned by day (partitions are created on demand by the
-- ingest path and dropped by the retention job). Idempotent on (cluster, auditID, stage): the
-- partition key `ts` is part of the key because a retried event carries the same timestamp.
CREATE TABLE audit_events (
  seq          bigserial,
  cluster_id   text        NOT NULL,
  audit_id     text        NOT NULL,
  stage        text        NOT NULL,
  ts           timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  verb         text        NOT NULL,
  username     text        NOT NULL,
  source_ip    text,
  user_agent   text,
  resource     text,
  subresource  text,
  namespace    text,
  name         text,
  api_group    text,
  code         integer,
  decision     text,
  raw          json        NOT NULL,
  PRIMARY KEY (cluster_id, audit_id, stage, ts)
) PARTITION BY RANGE (ts);
-- lz4 compression of raw is set at start-up where the server supports it (lib/db/queue-schema.ts).
CREATE INDEX audit_events_cluster_ts_idx ON audit_events (cluster_id, ts);
CREATE INDEX audit_events_cluster_user_ts_idx ON audit_events (cluster_id, username, ts);
CREATE INDEX audit_events_cluster_object_idx ON audit_events (cluster_id, namespace, resource, name, ts);
CREATE INDEX audit_events_cluster_seq_idx ON audit_events (cluster_id, seq);
