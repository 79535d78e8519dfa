-- Findings explorer performance (see the README, Performance). Plain indexes only, no schema change.

-- The explorer's default order (severity, then last seen, then id) within an organization: page 1 and the
-- count cap read the first rows in index order instead of sorting every open finding. With status and
-- suppressionId included, the ids of a deep page come from an index-only scan (once vacuum has marked the pages visible).
CREATE INDEX "Finding_orgId_severity_lastSeenAt_id_idx" ON "Finding"("orgId", "severity", "lastSeenAt" DESC, "id") INCLUDE ("status", "suppressionId");

-- Text search: the explorer filters with ILIKE on message, name and ruleName separately (an OR of the three),
-- which the single expression index over their concatenation could never serve. One trigram index per
-- column lets PostgreSQL combine them (BitmapOr), for about the same write cost as the index they replace.
CREATE INDEX "Finding_message_trgm_idx" ON "Finding" USING gin ("message" gin_trgm_ops);
CREATE INDEX "Finding_name_trgm_idx" ON "Finding" USING gin ("name" gin_trgm_ops);
CREATE INDEX "Finding_ruleName_trgm_idx" ON "Finding" USING gin ("ruleName" gin_trgm_ops);
DROP INDEX "Finding_search_trgm_idx";
