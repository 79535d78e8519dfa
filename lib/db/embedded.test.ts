import { describe, expect, it } from "vitest";
import { tunedSettings } from "./embedded";

const GB = 1024 ** 3;

describe("embedded PostgreSQL settings", () => {
  it("gives the buffers an eighth of RAM, never below PostgreSQL's default nor above 2 GB", () => {
    expect(tunedSettings(24 * GB).shared_buffers).toBe("2048MB");
    expect(tunedSettings(8 * GB).shared_buffers).toBe("1024MB");
    expect(tunedSettings(0.5 * GB).shared_buffers).toBe("128MB");
    expect(tunedSettings(8 * GB)).toMatchObject({ max_wal_size: "4GB", checkpoint_timeout: "15min" });
  });
});
