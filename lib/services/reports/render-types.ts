import "server-only";
export type Progress = (phase: string, percent: number) => Promise<void>;
export type Rendered = { body: Buffer; fileName: string; summary?: Record<string, unknown> };
