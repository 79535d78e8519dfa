import { expect, it } from "vitest";
import { rulesMatching } from "./text-search";

it("resolves a search text to the rules whose id, name or title contain it", () => {
  expect(rulesMatching("privileged-container")).toContain("TWR-0101");
  expect(rulesMatching("PRIVILEGED CONTAINER")).toContain("TWR-0101");
  expect(rulesMatching("twr-0101")).toEqual(["TWR-0101"]);
  expect(rulesMatching("no rule has this text")).toEqual([]);
});
