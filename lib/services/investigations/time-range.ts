import "server-only";
import { z } from "zod";

const PRESET_MS = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000 } as const;
const MAX_SPAN_MS = 31 * 86_400_000;

/** A time range as it appears in page URLs and query strings: a preset, or custom from/to. */
export const ZTimeRange = z.object({
  range: z.enum(["1h", "24h", "7d", "custom"]).default("24h"),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type TTimeRangeInput = z.infer<typeof ZTimeRange>;

export const resolveTimeRange = (r: TTimeRangeInput, now = new Date()): { from: Date; to: Date } => {
  if (r.range !== "custom") return { from: new Date(now.getTime() - PRESET_MS[r.range]), to: now };
  const to = r.to ? new Date(r.to) : now;
  const from = r.from ? new Date(r.from) : new Date(to.getTime() - PRESET_MS["24h"]);
  if (from >= to) throw new z.ZodError([{ code: "custom", path: ["from"], message: "must be before to", input: r.from }]);
  if (to.getTime() - from.getTime() > MAX_SPAN_MS) throw new z.ZodError([{ code: "custom", path: ["from"], message: "range is limited to 31 days", input: r.from }]);
  return { from, to };
};
