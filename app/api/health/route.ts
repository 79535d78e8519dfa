// GET /api/health — liveness: the web process answers
export const dynamic = "force-dynamic";

export const GET = () => Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
