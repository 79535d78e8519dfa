import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { parseManifests } from "@/lib/scanner/parse";
import type { Refs, SourcedObject } from "@/lib/scanner/types";

/** The peers' public fixtures (shared/corpus); absent on a user's clone, where corpus tests skip. */
export const CORPUS_DIR = path.resolve(process.env.TOWER_CORPUS ?? path.join(import.meta.dirname, "..", "..", "..", "shared", "corpus"));
export const MANIFESTS_DIR = path.join(CORPUS_DIR, "manifests");
export const hasCorpus = () => fs.existsSync(path.join(MANIFESTS_DIR, "index.json"));

export type CorpusEntry = {
  peer: string;
  peer_check_id: string;
  case?: string;
  tower_rules?: string[];
  controls?: string[];
  istio?: string[];
  files: string[];
  selector?: string;
  expect: "fire" | "pass" | "mixed" | "unknown" | "skipped";
  expected_failed_objects?: string[];
  expected_messages?: Array<{ code: string; resource: string }>;
};

export const loadIndex = (): CorpusEntry[] => JSON.parse(fs.readFileSync(path.join(MANIFESTS_DIR, "index.json"), "utf8")).entries;

/** Peer key in a rule's refs for each corpus peer directory. */
export const PEER_REF_KEY: Record<string, keyof Refs> = {
  polaris: "polaris",
  "kubescape-regolibrary": "kubescape",
  "trivy-checks": "ksv",
  istio: "istio",
  checkov: "checkov",
  "kube-score": "kubescore",
  kubeaudit: "kubeaudit",
};

/** IDs are compared without punctuation or leading zeros (KSV017 = KSV-0017), as the CLI contract says. */
export const normaliseId = (id: string) => id.toUpperCase().replace(/[^A-Z0-9]/g, "").replace(/([A-Z])0+(\d)/g, "$1$2");

/** The external IDs an entry stands for, in the key space of PEER_REF_KEY. */
export const entryIds = (e: CorpusEntry): string[] => {
  if (e.peer === "kubescape-regolibrary") return e.controls ?? [];
  if (e.peer === "istio") return e.istio ?? [];
  return [e.peer_check_id];
};

const selectTrivy = (file: string, selector: string): string => {
  const doc = parseYaml(fs.readFileSync(file, "utf8")) as { kubernetes: Record<string, string[]> };
  const m = /^kubernetes\.(good|bad)\[(\d+)\]$/.exec(selector);
  if (!m) throw new Error(`unknown selector ${selector}`);
  return doc.kubernetes[m[1]][Number(m[2])];
};

export const loadEntryObjects = (e: CorpusEntry): SourcedObject[] =>
  e.files.flatMap((rel) => {
    const file = path.join(MANIFESTS_DIR, rel);
    const text = e.selector ? selectTrivy(file, e.selector) : fs.readFileSync(file, "utf8");
    return parseManifests(text, rel).objects;
  });
