// GET /api/ready — readiness: database reachable, migrations applied, workers seen recently
import { shippedMigrationCount } from "@/lib/db/migrations";
import { checkReadiness } from "@/lib/services/system/check-readiness";

export const dynamic = "force-dynamic";

export const GET = async () => {
  const result = await checkReadiness(shippedMigrationCount()).catch(() => ({ ready: false, checks: { database: false, migrations: false, workers: false }, detail: ["check failed"] }));
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
};
