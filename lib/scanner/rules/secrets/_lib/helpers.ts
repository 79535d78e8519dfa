import type { SecretMatch } from "../../../secret-detectors";
import { describeKind } from "../../../secret-detectors";

/** "an AWS access key id (medium confidence)": what a message says instead of the value. */
export const describeMatch = (m: SecretMatch): string => `${describeKind(m.kind)} (${m.confidence} confidence)`;

/** A JSON path segment for a map key that may hold dots or slashes ("data.app.env" vs data["app.env"]). */
export const keyPath = (base: string, key: string): string => (/^[A-Za-z_][\w-]*$/.test(key) ? `${base}.${key}` : `${base}["${key}"]`);

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
