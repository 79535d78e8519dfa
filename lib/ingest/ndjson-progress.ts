import "server-only";

/**
 * A streamed answer for long imports: one JSON line per progress report, then the result. The status
 * is already 200 by then, so a late failure is reported as a final `{"error": ...}` line.
 */
export const ndjsonProgress = <P, R>(run: (emit: (p: P) => void) => Promise<R>): Response => {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start: async (controller) => {
      const send = (v: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(v)}\n`));
      try {
        const result = await run((p) => send({ progress: p }));
        send({ result });
      } catch (err) {
        send({ error: err instanceof Error && err.name === "AppError" ? err.message : "The import failed; see the server log" });
        if (!(err instanceof Error && err.name === "AppError")) console.error("[audit import]", err);
      }
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { "content-type": "application/x-ndjson", "cache-control": "private, no-store" } });
};
