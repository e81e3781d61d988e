import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { netPromoterScore, percentOf, roiPercent, trafficLight } from "./measures";
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
    fc.assert(fc.property(fc.date({ min: new Date("1970-01-01"), max: new Date("9998-12-31"), noInvalidDate: true }), fc.integer({ min: -40, max: 40 }), (date, offset) => {
      const day = date.toISOString().slice(0, 10);
      const q = quarterOfDate(day);
      expect(q.from <= day && day <= q.to).toBe(true);
      expect(parseQuarter(q.key)).toEqual(q);
      expect(shiftQuarter(shiftQuarter(q, offset), -offset)).toEqual(q);
    }));
  });
});

describe("report measures", () => {
  it("computes NPS from promoters, passives and detractors, null when nobody answered", () => {
    expect(netPromoterScore({ promoters: 6, passives: 2, detractors: 2 })).toBe(40);
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 3 })).toBe(-100);
    expect(netPromoterScore({ promoters: 1, passives: 1, detractors: 1 })).toBe(0);
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it("keeps NPS within -100..100", () => {
    fc.assert(fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (promoters, passives, detractors) => {
      const nps = netPromoterScore({ promoters, passives, detractors });
      if (promoters + passives + detractors === 0) expect(nps).toBeNull();
      else expect(nps! >= -100 && nps! <= 100).toBe(true);
    }));
  });

  it("rounds shares to whole percent and caps them", () => {
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(5, 5)).toBe(100);
    expect(percentOf(7, 5)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
  });

  it("computes the ROI of an initiative, null without an investment", () => {
    expect(roiPercent(150_000, 50_000)).toBe(200);
    expect(roiPercent(40_000, 50_000)).toBe(-20);
    expect(roiPercent(1, 3)).toBe(-66.7);
    expect(roiPercent(100, 0)).toBeNull();
  });

  it("colours a value against its target at the boundaries", () => {
    expect(trafficLight(90, 90)).toBe("green");
    expect(trafficLight(81, 90)).toBe("amber");
    expect(trafficLight(80.99, 90)).toBe("red");
    expect(trafficLight(null, 90)).toBeNull();
    expect(trafficLight(24, 24, { lowerIsBetter: true })).toBe("green");
    expect(trafficLight(26, 24, { lowerIsBetter: true })).toBe("amber");
    expect(trafficLight(27, 24, { lowerIsBetter: true })).toBe("red");
  });
});
