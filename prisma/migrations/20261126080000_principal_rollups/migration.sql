-- Principal rollups kept by the detection worker (lib/services/investigations/principal-rollups.ts), and their
-- backfill from the events it had already processed (as lib/services/investigations/principal-rollups-backfill.ts).
-- CreateTable
CREATE TABLE "AuditPrincipalBucket" (
    "clusterId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "bucket" TIMESTAMPTZ(6) NOT NULL,
    "requests" INTEGER NOT NULL,
    "denied" INTEGER NOT NULL,

    CONSTRAINT "AuditPrincipalBucket_pkey" PRIMARY KEY ("clusterId","username","bucket")
);

-- CreateTable
CREATE TABLE "AuditPrincipalHourly" (
    "clusterId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(6) NOT NULL,
    "kind" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "first" TIMESTAMPTZ(6) NOT NULL,
    "last" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "AuditPrincipalHourly_pkey" PRIMARY KEY ("clusterId","username","hour","kind","verb","value")
);

-- CreateTable
CREATE TABLE "AuditPrincipalDaily" (
    "clusterId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "day" TIMESTAMPTZ(6) NOT NULL,
    "kind" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "first" TIMESTAMPTZ(6) NOT NULL,
    "last" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "AuditPrincipalDaily_pkey" PRIMARY KEY ("clusterId","username","day","kind","verb","value")
);

-- CreateIndex
CREATE INDEX "AuditPrincipalBucket_bucket_idx" ON "AuditPrincipalBucket" USING BRIN ("bucket");

-- CreateIndex
CREATE INDEX "AuditPrincipalHourly_hour_idx" ON "AuditPrincipalHourly" USING BRIN ("hour");

-- CreateIndex
CREATE INDEX "AuditPrincipalDaily_day_idx" ON "AuditPrincipalDaily" USING BRIN ("day");

-- Hand-written: backfill from processed events (seq at or below each cluster's detection cursor).
CREATE TEMP TABLE principal_requests AS
SELECT e.cluster_id, e.audit_id, e.ts, min(e.username) AS username, min(e.verb) AS verb,
       min(coalesce(e.resource || coalesce('/' || e.subresource, ''), '')) AS resource, min(e.source_ip) AS source_ip, min(e.user_agent) AS user_agent,
       bool_or(coalesce(e.code >= 400 OR e.decision = 'forbid', false)) AS denied
  FROM audit_events e JOIN "AuditDetectionState" s ON s."clusterId" = e.cluster_id AND e.seq <= s."cursorSeq"
 GROUP BY 1, 2, 3;

INSERT INTO "AuditPrincipalBucket" ("clusterId", username, bucket, requests, denied)
SELECT cluster_id, username, to_timestamp(floor(extract(epoch FROM ts) / 300) * 300), count(*), count(*) FILTER (WHERE denied)
  FROM principal_requests GROUP BY 1, 2, 3;

INSERT INTO "AuditPrincipalHourly" ("clusterId", username, hour, kind, verb, value, requests, first, last)
SELECT cluster_id, username, to_timestamp(floor(extract(epoch FROM ts) / 3600) * 3600), 'pair', verb, resource, count(*), min(ts), max(ts)
  FROM principal_requests GROUP BY 1, 2, 3, 5, 6
UNION ALL
SELECT cluster_id, username, to_timestamp(floor(extract(epoch FROM ts) / 3600) * 3600), 'source_ip', '', source_ip, count(*), min(ts), max(ts)
  FROM principal_requests WHERE source_ip IS NOT NULL GROUP BY 1, 2, 3, 6
UNION ALL
SELECT cluster_id, username, to_timestamp(floor(extract(epoch FROM ts) / 3600) * 3600), 'user_agent', '', user_agent, count(*), min(ts), max(ts)
  FROM principal_requests WHERE user_agent IS NOT NULL GROUP BY 1, 2, 3, 6;

INSERT INTO "AuditPrincipalDaily" ("clusterId", username, day, kind, verb, value, requests, first, last)
SELECT cluster_id, username, to_timestamp(floor(extract(epoch FROM ts) / 86400) * 86400), 'pair', verb, resource, count(*), min(ts), max(ts)
  FROM principal_requests GROUP BY 1, 2, 3, 5, 6
UNION ALL
SELECT cluster_id, username, to_timestamp(floor(extract(epoch FROM ts) / 86400) * 86400), 'source_ip', '', source_ip, count(*), min(ts), max(ts)
  FROM principal_requests WHERE source_ip IS NOT NULL GROUP BY 1, 2, 3, 6
UNION ALL
SELECT cluster_id, username, to_timestamp(floor(extract(epoch FROM ts) / 86400) * 86400), 'user_agent', '', user_agent, count(*), min(ts), max(ts)
  FROM principal_requests WHERE user_agent IS NOT NULL GROUP BY 1, 2, 3, 6;

DROP TABLE principal_requests;
