import { describe, expect, it } from "vitest";
import { reviewBarsOption } from "./review-chart";

const averages = (team: number | null, customer: number | null) => ({ team, director: null, self: null, customer });

describe("reviewBarsOption", () => {
  it("draws one bar per view that answered, per criterion, on the 1-5 scale", () => {
    const option = reviewBarsOption({
      results: {
        criteria: [
          { key: "a", averages: averages(4, 2), counts: { team: 1, director: 0, self: 0, customer: 1 }, overall: 3, spread: 2, gaps: [] },
          { key: "b", averages: averages(3.5, null), counts: { team: 2, director: 0, self: 0, customer: 0 }, overall: 3.5, spread: null, gaps: [] },
        ],
        viewOverall: averages(3.75, 2), overall: 3.25, gaps: [],
      },
    }, { criteria: { a: "A", b: "B" }, views: { team: "Team", director: "Director", self: "Self", customer: "Customer" } }) as {
      xAxis: { data: string[] }; series: Array<{ name: string; data: Array<number | null> }>; yAxis: { max: number };
    };
    expect(option.xAxis.data).toEqual(["A", "B"]);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([["Team", [4, 3.5]], ["Customer", [2, null]]]);
    expect(option.yAxis.max).toBe(5);
  });
});
