import type { ScanReport } from "./report";

const indent = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);

/**
 * The JSON result in pieces, equal to JSON.stringify(report, null, 2) once joined: a scan of a large cluster
 * yields hundreds of MB of findings, and one string of that size would double the peak memory.
 */
export function* jsonChunks(report: ScanReport): Generator<string> {
  const keys = Object.keys(report).filter((k) => report[k as keyof ScanReport] !== undefined);
  yield "{";
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = report[key as keyof ScanReport];
    yield `${k ? "," : ""}\n  ${JSON.stringify(key)}: `;
    if (!Array.isArray(value) || value.length === 0) {
      yield indent(JSON.stringify(value, null, 2), "  ");
      continue;
    }
    yield "[";
    for (let i = 0; i < value.length; i++) yield `${i ? "," : ""}\n    ${indent(JSON.stringify(value[i], null, 2), "    ")}`;
    yield "\n  ]";
  }
  yield "\n}\n";
}
