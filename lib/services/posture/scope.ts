import "server-only";
import { z } from "zod";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** What a posture is computed over: the fleet (no cluster), one cluster, and optionally one namespace. */
export const ZScope = z.object({
  cluster: optional(z.string().min(1).max(64)),
  namespace: optional(z.string().min(1).max(253)),
});
export type TScope = z.infer<typeof ZScope>;

export const FRAMEWORK_KEYS = ["cis", "nsa", "pss", "mitre"] as const;
export const ZFrameworkKey = z.enum(FRAMEWORK_KEYS);
export type TFrameworkKey = z.infer<typeof ZFrameworkKey>;
