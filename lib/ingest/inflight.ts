import "server-only";
import { LimitExceededError } from "@/lib/errors";

let inflight = 0;

/**
 * Bounds the batches this process works on at once. The API server keeps sending while Tower is slow,
 * so past the limit it is told to come back (429 + Retry-After) instead of queueing without bound.
 */
export const withInflightLimit = async <T,>(limit: number, fn: () => Promise<T>): Promise<T> => {
  if (inflight >= limit) throw new LimitExceededError(`More than ${limit} audit batches are being written; retry shortly`, 1);
  inflight++;
  try {
    return await fn();
  } finally {
    inflight--;
  }
};

export const inflightBatches = () => inflight;
