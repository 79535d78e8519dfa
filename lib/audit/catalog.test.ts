import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TACTICS } from "./define-detection";
import { DETECTIONS } from "./detections";

const FIXTURES_ROOT = path.join(import.meta.dirname, "detections");

const ZMeta = z.object({
  id: z.string().regex(/^TWD-\d{4}$/),
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(5),
  severity: z.enum(["critical", "high", "medium", "low", "info"]),
  description: z.string().min(40),
  tactic: z.enum(TACTICS),
  refs: z.object({
    mitre: z.array(z.string().regex(/^T\d{4}(\.\d{3})?$/)).min(1),
    ms: z.array(z.string().regex(/^MS-TA\d{4}$/)),
    falco: z.array(z.string().min(1)),
    sigma: z.array(z.string()).optional(),
    elastic: z.array(z.string()).optional(),
  }),
  needs: z.object({ level: z.enum(["Metadata", "Request", "RequestResponse"]), stage: z.enum(["ResponseStarted", "ResponseComplete"]) }),
  covers: z.array(z.string().min(1)).min(1),
});

const detectionFiles = () =>
  fs
    .readdirSync(FIXTURES_ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(FIXTURES_ROOT, d.name)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => `${d.name}/${f.slice(0, -3)}`))
    .sort();

describe("detection catalog", () => {
  it("ids and names are unique", () => {
    expect(new Set(DETECTIONS.map((d) => d.id)).size).toBe(DETECTIONS.length);
    expect(new Set(DETECTIONS.map((d) => d.name)).size).toBe(DETECTIONS.length);
  });

  it.each(DETECTIONS.map((d) => [d.id, d] as const))("%s metadata is valid", (_id, d) => {
    expect(() => ZMeta.parse(d)).not.toThrow();
  });

  it("the registry lists exactly the detection files on disk, each in its tactic folder", () => {
    expect(DETECTIONS.map((d) => `${d.tactic}/${d.name}`).sort()).toEqual(detectionFiles());
  });
});

/** RFC 4180-ish: quoted fields with commas, doubled quotes. Enough for the crossref. */
const parseCsv = (text: string): Record<string, string>[] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else if (c !== "\r") field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [header, ...body] = rows;
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
};

const CROSSREF = path.resolve(import.meta.dirname, "../../../shared/spec/detection-crossref.csv");
/** "a; b (output only)" → ["a", "b"]: parenthesised notes qualify a claim, they are not part of the id. */
const split = (s: string) => s.split(";").map((x) => x.replace(/\s*\(.*\)$/, "").trim()).filter(Boolean);

describe.skipIf(!fs.existsSync(CROSSREF))("detection-crossref.csv coverage", () => {
  if (!fs.existsSync(CROSSREF)) console.log(`skipped: ${CROSSREF} not found`);
  const rows = fs.existsSync(CROSSREF) ? parseCsv(fs.readFileSync(CROSSREF, "utf8")) : [];
  const byCover = new Map(DETECTIONS.flatMap((d) => d.covers.map((c) => [c, d] as const)));

  it("every crossref row is covered by a detection, and every claim names a real row", () => {
    const names = rows.map((r) => r.tower_detection_name);
    expect(names.filter((n) => !byCover.has(n))).toEqual([]);
    expect([...byCover.keys()].filter((c) => !names.includes(c))).toEqual([]);
  });

  it.each(rows.map((r) => [r.tower_detection_name, r] as const))("%s: tactic, severity and refs agree with the crossref", (name, row) => {
    const d = byCover.get(name);
    expect(d).toBeDefined();
    if (!d) return;
    expect(d.tactic).toBe(row.tactic);
    expect(d.severity).toBe(row.severity);
    expect([...d.refs.mitre].sort()).toEqual(split(row.mitre).sort());
    expect([...d.refs.ms].sort()).toEqual(split(row.ms_matrix).sort());
    expect([...d.refs.falco].sort()).toEqual(split(row.falco_rule).sort());
  });
});
