import type { Framework, FrameworkKey } from "../types";
import { CIS_K8S } from "./cis-k8s";
import { MITRE } from "./mitre";
import { NSA } from "./nsa";
import { PSS } from "./pss";

/** The current version of each framework, under its short name. */
export const FRAMEWORKS: Record<FrameworkKey, Framework> = { cis: CIS_K8S, nsa: NSA, pss: PSS, mitre: MITRE };

/** Accepts a short name (cis) or a versioned id (cis-1.12); undefined when neither matches. */
export const findFramework = (name: string): Framework | undefined => {
  const key = name.trim().toLowerCase();
  if (key in FRAMEWORKS) return FRAMEWORKS[key as FrameworkKey];
  return Object.values(FRAMEWORKS).find((f) => f.id === key);
};

export const frameworkNames = (): string[] => Object.values(FRAMEWORKS).flatMap((f) => [f.key, f.id]);
