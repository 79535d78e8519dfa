import type { TSeverityCounts } from "./serialize";

const WEIGHTS: TSeverityCounts = { critical: 10, high: 5, medium: 2, low: 0.5, info: 0 };

/**
 * 0-100, higher is better: 100 x (1 - weighted open findings / (weighted findings + objects)).
 * Findings are weighted by severity (critical 10, high 5, medium 2, low 0.5) and normalised by the
 * number of objects scanned, so that a large cluster is not punished for its size alone.
 */
export const postureScore = (open: TSeverityCounts, objects: number) => {
  const weighted = (Object.keys(WEIGHTS) as Array<keyof TSeverityCounts>).reduce((s, k) => s + open[k] * WEIGHTS[k], 0);
  if (weighted === 0) return 100;
  return Math.round(100 * (1 - weighted / (weighted + Math.max(objects, 1))));
};
