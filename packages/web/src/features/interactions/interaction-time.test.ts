import { describe, expect, it } from "vitest";
import { dayRange, fromLocalInput, toLocalInput } from "./interaction-time";

describe("interaction times", () => {
  it("round-trips between the local input and ISO instants", () => {
    const iso = fromLocalInput("2026-03-01T14:30")!;
    expect(new Date(iso).getHours()).toBe(14);
    expect(toLocalInput(iso)).toBe("2026-03-01T14:30");
    expect(fromLocalInput("")).toBeNull();
    expect(toLocalInput("nonsense")).toBe("");
  });

  it("includes the whole last day of a date range", () => {
    const range = dayRange("2026-03-01", "2026-03-31");
    expect(toLocalInput(range.from!)).toBe("2026-03-01T00:00");
    expect(toLocalInput(range.to!)).toBe("2026-04-01T00:00");
    expect(dayRange(null, null)).toEqual({});
  });
});
