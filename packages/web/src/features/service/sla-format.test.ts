import { describe, expect, it } from "vitest";
import { formatDuration, formatHours, parseHours, usedPercent } from "./sla-format";

const units = { d: "d", h: "h", min: "min" };

describe("formatDuration", () => {
  it("shows the two largest units", () => {
    expect(formatDuration(45, units)).toBe("45 min");
    expect(formatDuration(150, units)).toBe("2 h 30 min");
    expect(formatDuration(120, units)).toBe("2 h");
    expect(formatDuration(1440 + 245, units)).toBe("1 d 4 h");
    expect(formatDuration(2880, units)).toBe("2 d");
    expect(formatDuration(-5, units)).toBe("0 min");
  });
  it("counts business minutes in hours, since a business day has no fixed length", () => {
    expect(formatDuration(1620, units, true)).toBe("27 h");
    expect(formatDuration(1650, units, true)).toBe("27 h 30 min");
  });
});

describe("usedPercent", () => {
  it("is the share of the target used, capped at 100", () => {
    expect(usedPercent({ elapsedMinutes: 96, targetMinutes: 120 })).toBe(80);
    expect(usedPercent({ elapsedMinutes: 500, targetMinutes: 120 })).toBe(100);
  });
});

describe("parseHours / formatHours", () => {
  it("reads opening hours typed as ranges and writes them back", () => {
    expect(parseHours("09:00-12:00, 13:00-18:00")).toEqual([{ start: "09:00", end: "12:00" }, { start: "13:00", end: "18:00" }]);
    expect(parseHours("  ")).toEqual([]);
    expect(parseHours("9-5")).toBeNull();
    expect(formatHours([{ start: "09:00", end: "18:00" }])).toBe("09:00-18:00");
  });
});
