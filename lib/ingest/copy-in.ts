import "server-only";
import type pg from "pg";

type Connection = { query: (text: string) => void; sendCopyFromChunk: (chunk: Buffer) => void; endCopyFrom: () => void; sendCopyFail: (msg: string) => void };
type BackendMessage = { text?: string };

/**
 * `COPY ... FROM STDIN` with plain `pg`: a submittable query (the interface pg-copy-streams uses) that
 * answers the server's CopyInResponse with the prepared chunks, then CopyDone.
 */
class CopyIn {
  readonly text: string;
  callback?: (err: Error | null, rowCount?: number) => void;
  private rowCount = 0;
  private failed: Error | null = null;

  constructor(
    sql: string,
    private readonly chunks: readonly Buffer[],
  ) {
    this.text = sql;
  }

  submit(connection: Connection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection) {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }

  handleCommandComplete(msg: BackendMessage) {
    const m = /(\d+)$/.exec(msg.text ?? "");
    this.rowCount = m ? Number(m[1]) : 0;
  }

  handleError(err: Error) {
    this.failed = err;
    this.callback?.(err);
  }

  handleReadyForQuery() {
    if (!this.failed) this.callback?.(null, this.rowCount);
  }

  // pg calls these for every query; a COPY FROM produces none of them.
  handleRowDescription() {}
  handleDataRow() {}
  handlePortalSuspended() {}
  handleEmptyQuery() {}
  handleCopyData() {}
}

/** Streams `chunks` (COPY text format) into `sql` (`copy t (...) from stdin`) on `client`; resolves with the row count. */
export const copyFrom = (client: pg.ClientBase, sql: string, chunks: readonly Buffer[]): Promise<number> =>
  new Promise((resolve, reject) => {
    const q = new CopyIn(sql, chunks);
    q.callback = (err, n) => (err ? reject(err) : resolve(n ?? 0));
    (client as unknown as { query: (q: CopyIn) => void }).query(q);
  });
