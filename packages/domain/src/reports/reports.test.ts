import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quarterOf, quarterPeriod, shiftQuarter as shiftQuarterKey } from "../kpis/periods";
import { percentOf } from "./measures";
import { parseQuarter, quarterOfDate, quartersUpTo, shiftQuarter } from "./quarter";

describe("quarters", () => {
  it("parses a key into its first and last day, and refuses anything else", () => {
    expect(parseQuarter("2026-Q1")).toEqual({ key: "2026-Q1", year: 2026, number: 1, from: "2026-01-01", to: "2026-03-31" });
    expect(parseQuarter("2026-Q2")).toMatchObject({ from: "2026-04-01", to: "2026-06-30" });
    expect(parseQuarter("2026-Q3")).toMatchObject({ from: "2026-07-01", to: "2026-09-30" });
    expect(parseQuarter("2026-Q4")).toMatchObject({ from: "2026-10-01", to: "2026-12-31" });
    for (const bad of ["2026-Q0", "2026-Q5", "2026Q3", "26-Q3", "2026-q3", " 2026-Q3", "1969-Q4", ""]) expect(parseQuarter(bad)).toBeNull();
  });

  it("finds the quarter of a date and steps across years", () => {
    expect(quarterOfDate("2026-03-31").key).toBe("2026-Q1");
    expect(quarterOfDate("2026-04-01").key).toBe("2026-Q2");
    expect(quarterOfDate("2026-12-31").key).toBe("2026-Q4");
    expect(shiftQuarter(parseQuarter("2026-Q4")!, 1).key).toBe("2027-Q1");
    expect(shiftQuarter(parseQuarter("2026-Q1")!, -1).key).toBe("2025-Q4");
    expect(shiftQuarter(parseQuarter("2026-Q3")!, -4).key).toBe("2025-Q3");
    expect(quartersUpTo(parseQuarter("2026-Q2")!, 4).map((q) => q.key)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
  });

  it("round-trips: every date lies within its quarter, and shifting there and back is the identity", () => {
    fc.assert(fc.property(fc.date({ min: new Date("1970-01-01"), max: new Date("9989-12-31"), noInvalidDate: true }), fc.integer({ min: -40, max: 40 }), (date, offset) => {
      const day = date.toISOString().slice(0, 10);
      const q = quarterOfDate(day);
      expect(q.from <= day && day <= q.to).toBe(true);
      expect(parseQuarter(q.key)).toEqual(q);
      expect(shiftQuarter(shiftQuarter(q, offset), -offset)).toEqual(q);
    }));
  });

  it("agrees with the KPI periods on every quarter's key and days", () => {
    fc.assert(fc.property(fc.date({ min: new Date("1970-01-01"), max: new Date("9989-12-31"), noInvalidDate: true }), fc.integer({ min: -40, max: 40 }), (date, offset) => {
      const day = date.toISOString().slice(0, 10);
      const q = quarterOfDate(day);
      expect(q.key).toBe(quarterOf(day));
      expect({ from: q.from, to: q.to }).toEqual(quarterPeriod(q.key));
      expect(shiftQuarter(q, offset).key).toBe(shiftQuarterKey(q.key, offset));
    }));
  });
});

describe("report measures", () => {
  it("gives shares in percent with one decimal, as the KPI library does, capped at 100", () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(1, 2)).toBe(50);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(7, 5)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
  });
});
