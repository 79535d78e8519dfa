import "server-only";
/** Posture history is kept per UTC day. */
export const utcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
