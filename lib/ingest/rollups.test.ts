import { describe, expect, it } from "vitest";
import { rollupsOf } from "./rollups";

const at = (iso: string, verb: string, code: number | null = 200, decision: string | null = "allow") => ({ ts: Date.parse(iso), verb, code, decision });

describe("rollupsOf", () => {
  it("counts events and denials per UTC hour and verb, and finds the latest event", () => {
    const r = rollupsOf([
      at("2026-11-26T10:59:59.999Z", "get"),
      at("2026-11-26T10:00:00.000Z", "get", 403),
      at("2026-11-26T11:00:00.000Z", "get", 200, "forbid"),
      at("2026-11-26T10:30:00.000Z", "list", 401),
      at("2026-11-26T10:31:00.000Z", "list", null, null),
    ]);
    const rows = r.hours.map((h, i) => ({ hour: h, verb: r.verbs[i], events: r.events[i], denied: r.denied[i] }));
    expect(rows).toEqual(expect.arrayContaining([
      { hour: "2026-11-26T10:00:00", verb: "get", events: 2, denied: 1 },
      { hour: "2026-11-26T11:00:00", verb: "get", events: 1, denied: 1 },
      { hour: "2026-11-26T10:00:00", verb: "list", events: 2, denied: 1 },
    ]));
    expect(rows).toHaveLength(3);
    expect(r.last).toBe(Date.parse("2026-11-26T11:00:00.000Z"));
  });
});
