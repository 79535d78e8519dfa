// Finds where values sit in JSON text that JSON.parse has already accepted, so that the ingest path can
// store each event's own text instead of serialising the parsed object again (about a tenth of its CPU).
// Every function answers undefined when the text is not shaped as expected; callers then fall back.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

const skipSpace = (text: string, i: number) => {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
};

/** Index just past the string whose opening quote is at `i`. */
const skipString = (text: string, i: number): number => {
  for (let q = text.indexOf('"', i + 1); q !== -1; q = text.indexOf('"', q + 1)) {
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return q + 1;
  }
  return -1;
};

/** Index just past the value (object, array, string, number, literal) that starts at `i`, or -1. */
const skipValue = (text: string, i: number): number => {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return skipString(text, i);
  if (first !== 0x7b && first !== 0x5b) {
    let j = i;
    while (j < text.length && !/[\s,\]}]/.test(text[j])) j++;
    return j > i ? j : -1;
  }
  // Strings are skipped with indexOf: looking at every character from JavaScript costs three times as much.
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === QUOTE) {
      j = skipString(text, j) - 1;
      if (j < 0) return -1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
};

/** The texts of the elements of the array that opens at `open`, and the index just past it. */
const elementsAt = (text: string, open: number): { texts: string[]; end: number } | undefined => {
  if (text.charCodeAt(open) !== 0x5b) return undefined;
  const texts: string[] = [];
  let i = skipSpace(text, open + 1);
  if (text.charCodeAt(i) === 0x5d) return { texts, end: i + 1 };
  for (;;) {
    const end = skipValue(text, i);
    if (end < 0) return undefined;
    texts.push(text.slice(i, end));
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === 0x5d) return { texts, end: i + 1 };
    if (c !== 0x2c) return undefined;
    i = skipSpace(text, i + 1);
  }
};

/** The texts of the elements of the array `text` (whitespace around them excluded). */
export const arrayElementTexts = (text: string): string[] | undefined => elementsAt(text, skipSpace(text, 0))?.texts;

/**
 * The element texts of the array held by the top-level member `key` of the object `text` (the last such
 * member, as JSON.parse keeps), found in the same pass that walks the object.
 */
export const memberElementTexts = (text: string, key: string): string[] | undefined => {
  const wanted = JSON.stringify(key);
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 0x7b) return undefined;
  let found: string[] | undefined;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === 0x7d) return undefined;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return undefined;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return undefined;
    const colon = skipSpace(text, keyEnd);
    if (text.charCodeAt(colon) !== 0x3a) return undefined;
    const start = skipSpace(text, colon + 1);
    const isWanted = text.slice(i, keyEnd) === wanted;
    const elements = isWanted ? elementsAt(text, start) : undefined;
    const end = elements ? elements.end : skipValue(text, start);
    if (end < 0) return undefined;
    if (isWanted) found = elements?.texts;
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === 0x7d) return found;
    if (c !== 0x2c) return undefined;
    i = skipSpace(text, i + 1);
  }
};
