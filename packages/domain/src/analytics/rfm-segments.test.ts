import { describe, expect, it } from "vitest";
import type { RfmScore } from "./rfm-score";
import { combineFm, RFM_SEGMENTS, segmentOf } from "./rfm-segments";

const scores: RfmScore[] = [1, 2, 3, 4, 5];

describe("segmentOf", () => {
  it("maps the documented grid (rows R 5..1, columns FM 1..5)", () => {
    const grid = [5, 4, 3, 2, 1].map((r) => scores.map((fm) => segmentOf(r as RfmScore, fm)).join(" "));
    expect(grid).toEqual([
      "new_customers potential_loyalist potential_loyalist champions champions",
      "promising potential_loyalist potential_loyalist loyal loyal",
      "about_to_sleep about_to_sleep need_attention loyal loyal",
      "hibernating hibernating at_risk at_risk cant_lose",
      "lost hibernating at_risk at_risk cant_lose",
    ]);
  });
  it("uses every named segment", () => {
    const used = new Set(scores.flatMap((r) => scores.map((fm) => segmentOf(r, fm))));
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
  });
});

describe("combineFm", () => {
  it("rounds the mean of F and M half up", () => {
    expect(combineFm(1, 1)).toBe(1);
    expect(combineFm(1, 2)).toBe(2);
    expect(combineFm(4, 5)).toBe(5);
    expect(combineFm(1, 5)).toBe(3);
    expect(combineFm(2, 5)).toBe(4);
  });
});
