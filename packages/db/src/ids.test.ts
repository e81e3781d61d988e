import { validate, version } from "uuid";
import { describe, expect, it } from "vitest";
import { newId } from "./ids";

describe("newId", () => {
  it("makes valid version-7 UUIDs with the RFC variant", () => {
    for (let i = 0; i < 1000; i++) {
      const id = newId();
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
      expect("89ab").toContain(id[19]);
    }
  });

  it("carries the current time in its first 48 bits", () => {
    const before = Date.now();
    const id = newId();
    const ms = Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });

  it("keeps ids strictly increasing and unique, also many per millisecond", () => {
    const ids = Array.from({ length: 50_000 }, () => newId());
    // One assertion over the whole list: 50,000 expect() calls took seconds on a loaded machine.
    expect(ids.findIndex((id, i) => i > 0 && !(id > ids[i - 1]!))).toBe(-1);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
