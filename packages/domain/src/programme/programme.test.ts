import { describe, expect, it } from "vitest";
import { goalProgress, pilotStatus, shareOf } from "./index";

describe("goalProgress", () => {
  it("measures progress towards an at-least target, capped at 100", () => {
    expect(goalProgress({ target: 10, current: 5 })).toEqual({ progressPct: 50, achieved: false });
    expect(goalProgress({ target: 90, current: 95 })).toEqual({ progressPct: 100, achieved: true });
    expect(goalProgress({ target: 10, current: -4 })).toEqual({ progressPct: 0, achieved: false });
    expect(goalProgress({ target: 3, current: 1 })).toEqual({ progressPct: 33.3, achieved: false });
  });

  it("treats a target of zero or below as met or not, and nothing measured as no progress", () => {
    expect(goalProgress({ target: 0, current: 0 })).toEqual({ progressPct: 100, achieved: true });
    expect(goalProgress({ target: -5, current: -6 })).toEqual({ progressPct: 0, achieved: false });
    expect(goalProgress({ target: 10, current: null })).toEqual({ progressPct: null, achieved: null });
  });
});

describe("shareOf and pilotStatus", () => {
  it("gives shares in percent with one decimal and judges the cohort against the 3-5 practice", () => {
    expect(shareOf(2, 3)).toBe(66.7);
    expect(shareOf(0, 0)).toBeNull();
    expect([0, 2, 3, 5, 6].map(pilotStatus)).toEqual(["empty", "too_small", "pilot", "pilot", "too_large"]);
  });
});
