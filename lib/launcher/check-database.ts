import pg from "pg";

/** Connects once with a short timeout, so that a wrong DATABASE_URL fails fast with a clear message. */
export const checkDatabase = async (url: string, timeoutMs = 8000): Promise<string | null> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    return e.code ? `${e.code}: ${e.message}` : (e.message ?? String(err));
  } finally {
    await client.end().catch(() => {});
  }
};

/** The URL with its password replaced, for messages and logs. */
export const redactUrl = (url: string) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
};
