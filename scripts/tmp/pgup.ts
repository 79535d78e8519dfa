import { startEmbeddedPostgres } from "../../lib/db/embedded";
const db = await startEmbeddedPostgres({ dataDir: "/tmp/pgtest/data", port: 55432, password: "dev", onLog: () => {} });
console.log(db.url);
setInterval(() => {}, 1 << 30);
