export { analyzeEvents, analyzeRecords, atOrAbove, sortByTime, type AnalyzeOptions, type AnalyzeResult } from "./analyze";
export { defineDetection, defineStatefulDetection, type Detection, type DetectionRegistry } from "./define-detection";
export { DETECTIONS } from "./detections";
export { createEngineState, runDetections, type DetectionRecord, type EngineState } from "./engine";
export { groupIncidents, type Incident } from "./incidents";
export { normalizeForIngest, normalizeRecord, normalizeRecords, normalizeStoredRecord, normalizeText, type IngestFields } from "./normalize";
export { parseAuditText } from "./parse-input";
export type { AuditEvent, Rejected, Severity } from "./types";
