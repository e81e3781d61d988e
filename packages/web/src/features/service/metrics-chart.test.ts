import type { TServiceMetrics } from "@openkam/contracts";
import { describe, expect, it } from "vitest";
import { metricsChartOption, monthlySeries } from "./metrics-chart";

const row = (group: string, period: string, mean: number, count: number, attainment: number | null) => ({
  group, groupName: group, period, cases: count, firstResponse: { count, mean, median: mean }, resolution: null, firstResponseAttainment: attainment, resolutionAttainment: null,
});

describe("monthlySeries", () => {
  it("pools the groups of a month, weighting by the cases measured, in hours", () => {
    const metrics: TServiceMetrics = {
      by: "tier", timeZone: "UTC", periods: ["2025-01", "2025-02", "2025-03"],
      rows: [row("strategic", "2025-01", 1440, 1, 0), row("key", "2025-01", 720, 3, 0.5), row("key", "2025-03", 90, 2, 1)],
    };
    const series = monthlySeries(metrics);
    expect(series.firstResponse).toEqual([15, null, 1.5]);
    expect(series.resolution).toEqual([null, null, null]);
    expect(series.attainment).toEqual([38, null, 100]);
    const option = metricsChartOption(series, { firstResponse: "FR", resolution: "R", attainment: "A", hours: "h" }) as { series: { name: string }[] };
    expect(option.series.map((s) => s.name)).toEqual(["A", "FR", "R"]);
  });
});
