import { describe, expect, it } from "vitest";
import { arrayElementTexts, memberElementTexts } from "./json-spans";

// Values whose texts are awkward to delimit: escaped quotes and backslashes, brackets inside strings, nesting.
const tricky = [
  { a: 'say "hi" \\', b: "]}", c: [1, [2, { d: "[" }]] },
  "plain \\\" string",
  12.5e3,
  -1,
  true,
  null,
  [],
  {},
  { unicode: "é € \u2028 \ud83d\ude00", ctrl: "\u0000\u001f" },
];

describe("JSON spans", () => {
  it("finds each array element's own text, compact and pretty-printed", () => {
    for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2), ` [ ${tricky.map((v) => JSON.stringify(v)).join(" ,\n ")} ] `]) {
      const texts = arrayElementTexts(text)!;
      expect(texts).toHaveLength(tricky.length);
      texts.forEach((t, k) => expect(JSON.parse(t)).toEqual(tricky[k]));
    }
    expect(arrayElementTexts("[]")).toEqual([]);
  });

  it("finds the elements of a top-level member's array, the last member when a key repeats, not a nested one", () => {
    const text = '{"kind":"EventList","meta":{"items":[0]},"items":[{"x":"\\"items\\":"}, 2],"z":1}';
    expect(memberElementTexts(text, "items")!.map((t) => JSON.parse(t))).toEqual([{ x: '"items":' }, 2]);
    expect(memberElementTexts('{"items":[1],"items":[2]}', "items")).toEqual(["2"]);
    expect(memberElementTexts('{"other":1}', "items")).toBeUndefined();
    expect(memberElementTexts('{"items":{"a":1}}', "items")).toBeUndefined();
  });

  it("answers undefined for text that is not the expected shape", () => {
    expect(arrayElementTexts('{"a":1}')).toBeUndefined();
    expect(arrayElementTexts('[1, "unterminated]')).toBeUndefined();
    expect(memberElementTexts("[1]", "items")).toBeUndefined();
    expect(memberElementTexts('{"items" [1]}', "items")).toBeUndefined();
  });
});
