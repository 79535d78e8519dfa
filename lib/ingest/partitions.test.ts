import { describe, expect, it } from "vitest";
import { dayKey, dayKeysOf, partitionName } from "./partitions";

describe("daily partitions", () => {
  it("names each UTC day once, whatever the number of events in it", () => {
    const times = ["2026-11-25T23:59:59.999Z", "2026-11-26T00:00:00.000Z", "2026-11-26T12:00:00Z", "2026-11-26T23:59:59Z"].map(Date.parse);
    expect([...dayKeysOf(times)].sort()).toEqual(["20261125", "20261126"]);
    expect(dayKeysOf([])).toEqual(new Set());
    expect(partitionName(dayKey(Date.parse("2026-01-02T03:04:05Z")))).toBe("audit_events_20260102");
  });
});
