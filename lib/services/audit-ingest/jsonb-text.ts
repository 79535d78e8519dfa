import "server-only";

/** JSON text that jsonb accepts: jsonb refuses \u0000, which audit events may carry in strings. */
export const jsonbText = (value: unknown): string => JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1");
