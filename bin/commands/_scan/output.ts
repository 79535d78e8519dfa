import fs from "node:fs";

const BATCH = 1 << 20;

/** Writes chunks in ~1 MB batches to FILE or stdout, honouring backpressure; resolves once all is handed to the OS. */
export const writeChunks = async (chunks: Iterable<string>, file?: string): Promise<void> => {
  const fd = file ? fs.openSync(file, "w") : undefined;
  const flush = async (text: string) => {
    if (fd !== undefined) {
      fs.writeSync(fd, text);
      return;
    }
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once("drain", resolve));
  };
  try {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= BATCH) {
        await flush(pending.join(""));
        pending = [];
        size = 0;
      }
    }
    if (pending.length) await flush(pending.join(""));
    if (fd === undefined) await new Promise<void>((resolve, reject) => process.stdout.write("", (err) => (err ? reject(err) : resolve())));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
};
