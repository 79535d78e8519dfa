import { startEmbeddedPostgres } from "../../lib/db/embedded";
const t = Date.now();
const db = await startEmbeddedPostgres({ dataDir: "/tmp/pgtest/data", port: 55432, password: "x y", onLog: () => {} });
console.log(db.url, Date.now() - t);
await db.stop(); console.log("stopped", Date.now()-t);
