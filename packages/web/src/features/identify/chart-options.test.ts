import * as echarts from "echarts";
import { describe, expect, it } from "vitest";
import {
  bubbleSize, clvHistogramOption, escapeHtml, forecastOption, heatmapCells, heatValue, PALETTE, matrixOption, paretoOption, quadrantAt, rfmHeatmapOption, sankeyData, sankeyOption,
} from "./chart-options";
import type { ClvSummary, ParetoSummary, RfmSummary } from "./identify.api";

const excludedOrders = { currency: 0, future: 0 };
const money = (v: number) => `¥${v}`;
const percent = (v: number) => `${Math.round(v * 100)}%`;

type Series = { type: string; data: unknown[]; markArea?: { data: unknown[] }; markLine?: { data: unknown[] }; name?: string };
const seriesOf = (option: unknown) => (option as { series: Series[] }).series;

describe("paretoOption", () => {
  const summary: ParetoSummary = {
    excludedOrders, customers: 10, totalRevenue: 1000, top20Share: 0.6, gini: 0.5, classCounts: { A: 3, B: 3, C: 4 },
    curve: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((x, i) => ({ rankShare: x, cumulativeShare: [0, 0.35, 0.6, 0.8, 0.88, 0.93, 0.96, 0.98, 0.99, 1, 1][i]! })),
  };
  const labels = { revenue: "Revenue", cumulative: "Cumulative", accounts: "Accounts", classes: { A: "A", B: "B", C: "C" } };

  it("draws each slice's revenue as a bar in its slice and the cumulative share as a line from (0, 0)", () => {
    const [bars, line] = seriesOf(paretoOption(summary, labels, money, percent));
    expect((bars!.data as Array<[number, number]>).map(([x, y]) => [Number(x.toFixed(2)), y])).toEqual(
      [[0.05, 350], [0.15, 250], [0.25, 200], [0.35, 80], [0.45, 50], [0.55, 30], [0.65, 20], [0.75, 10], [0.85, 10], [0.95, 0]],
    );
    expect(line!.data).toEqual(summary.curve.map((p) => [p.rankShare, p.cumulativeShare]));
    expect(line!.markLine!.data).toEqual([{ yAxis: 0.8 }]);
  });

  it("shades the A, B and C bands at the exact shares of accounts, even a class of one account", () => {
    const bandsOf = (s: ParetoSummary) => (seriesOf(paretoOption(s, labels, money, percent))[0]!.markArea!.data as Array<[{ xAxis: number; name: string }, { xAxis: number }]>)
      .map(([from, to]) => [from.name, Number(from.xAxis.toFixed(4)), Number(to.xAxis.toFixed(4))]);
    expect(bandsOf(summary)).toEqual([["A", 0, 0.3], ["B", 0.3, 0.6], ["C", 0.6, 1]]);
    expect(bandsOf({ ...summary, customers: 17, classCounts: { A: 1, B: 4, C: 12 } })).toEqual([["A", 0, 0.0588], ["B", 0.0588, 0.2941], ["C", 0.2941, 1]]);
  });

  it("draws nothing but empty axes for a run without customers", () => {
    const empty: ParetoSummary = { ...summary, customers: 0, totalRevenue: 0, classCounts: { A: 0, B: 0, C: 0 }, curve: [{ rankShare: 0, cumulativeShare: 0 }] };
    const [bars] = seriesOf(paretoOption(empty, labels, money, percent));
    expect(bars!.data).toEqual([]);
    expect(bars!.markArea!.data).toEqual([]);
  });
});

describe("RFM heatmap", () => {
  const summary: RfmSummary = { excludedOrders, segmentCounts: { champions: 2 } as RfmSummary["segmentCounts"], heatmap: [{ r: 5, f: 4, accounts: 2, monetary: 900 }, { r: 1, f: 1, accounts: 3, monetary: 120 }] };

  it("fills all 25 cells, missing ones as empty", () => {
    const cells = heatmapCells(summary);
    expect(cells).toHaveLength(25);
    expect(cells.find((c) => c.r === 5 && c.f === 4)).toEqual({ r: 5, f: 4, accounts: 2, monetary: 900 });
    expect(cells.find((c) => c.r === 3 && c.f === 3)).toEqual({ r: 3, f: 3, accounts: 0, monetary: 0 });
  });

  it("places F across and R up, colours by monetary and writes the account count in the cell", () => {
    const option = rfmHeatmapOption(summary, { recency: "R", frequency: "F", monetary: "M", accounts: "Accounts" }, money) as { visualMap: { max: number; dimension: number } };
    const [heatmap] = seriesOf(option);
    expect(heatmap!.data).toContainEqual([3, 4, heatValue(900), 2, 900]);
    expect(heatmap!.data).toContainEqual([0, 0, heatValue(120), 3, 120]);
    expect(heatmap!.data).toContainEqual([2, 2, 0, 0, 0]);
    expect(option.visualMap).toMatchObject({ max: heatValue(900), dimension: 2 });
  });

  it("colours by the logarithm of revenue so a single large cell does not wash out the others", () => {
    expect(heatValue(0)).toBe(0);
    expect(heatValue(-50)).toBe(0);
    expect(heatValue(999)).toBeCloseTo(3);
    expect(heatValue(999_999)).toBeCloseTo(6);
  });

  it("keeps a usable colour scale when every cell is empty", () => {
    const option = rfmHeatmapOption({ ...summary, heatmap: [] }, { recency: "R", frequency: "F", monetary: "M", accounts: "A" }, money) as { visualMap: { max: number } };
    expect(option.visualMap.max).toBe(1);
  });
});

describe("matrix bubble chart", () => {
  const thresholds = { contribution: 0.1, growth: 0.5 };
  const points = [
    { id: "a", name: "Acme", tier: "key", revenue: 400, contribution: 0.4, growth: 0.8 },
    { id: "b", name: "Bolt", tier: "standard", revenue: 100, contribution: 0.1, growth: 0.2 },
    { id: "c", name: "Core", tier: "key", revenue: 0, contribution: 0, growth: 0.5 },
  ];

  it("names the quadrant of a point with the analysis' rule (at or above the threshold is high)", () => {
    expect(quadrantAt(0.4, 0.8, thresholds)).toBe("strategic_partner");
    expect(quadrantAt(0.1, 0.2, thresholds)).toBe("cash_cow");
    expect(quadrantAt(0, 0.5, thresholds)).toBe("problem_account");
    expect(quadrantAt(0.05, 0.1, thresholds)).toBe("dog");
  });

  it("sizes bubbles by the square root of revenue, with a visible minimum", () => {
    expect(bubbleSize(400, 400)).toBe(40);
    expect(bubbleSize(100, 400)).toBe(23);
    expect(bubbleSize(0, 400)).toBe(6);
    expect(bubbleSize(-5, 400)).toBe(6);
    expect(bubbleSize(10, 0)).toBe(6);
  });

  it("draws one series per tier with the thresholds as lines and the quadrants as labelled areas", () => {
    const option = matrixOption(points, thresholds, { contribution: "C", contributionLog: "C (log)", growth: "G", revenue: "R", tier: (t) => `tier:${t}`, quadrant: (q) => `q:${q}` }, money, percent);
    const series = seriesOf(option);
    expect(series.map((s) => s.name)).toEqual(["tier:key", "tier:standard"]);
    expect(series[0]!.data).toEqual([{ id: "a", name: "Acme", contribution: 0.4, value: [0.4, 0.8, 400] }, { id: "c", name: "Core", contribution: 0, value: [0, 0.5, 0] }]);
    expect(series[0]!.markLine!.data).toEqual([[{ coord: [0.1, 0] }, { coord: [0.1, 1] }], { yAxis: 0.5 }]);
    const areas = (series[0]!.markArea!.data as Array<[{ name: string; label: { position: string } }]>).map(([from]) => [from.name, from.label.position]);
    expect(Object.fromEntries(areas)).toEqual({ "q:problem_account": "insideTop", "q:strategic_partner": "insideTop", "q:dog": "insideBottom", "q:cash_cow": "insideBottom" });
    expect(series[1]!.markLine).toBeUndefined();
  });

  it("switches to a logarithmic contribution axis when one account dwarfs the others, keeping zero-revenue accounts on the axis", () => {
    const skewed = [
      { id: "big", name: "Big", tier: "key", revenue: 9100, contribution: 0.91, growth: 0.8 },
      { id: "small", name: "Small", tier: "key", revenue: 50, contribution: 0.005, growth: 0.4 },
      { id: "none", name: "None", tier: "key", revenue: 0, contribution: 0, growth: 0.5 },
    ];
    const option = matrixOption(skewed, { contribution: 0.0057, growth: 0.5 }, { contribution: "C", contributionLog: "C (log)", growth: "G", revenue: "R", tier: String, quadrant: String }, money, percent) as { xAxis: { type: string; min: number; max: number; name: string } };
    expect(option.xAxis).toMatchObject({ type: "log", min: 0.001, max: 1, name: "C (log)" });
    const data = seriesOf(option)[0]!.data as Array<{ id: string; contribution: number; value: number[] }>;
    expect(data.find((d) => d.id === "none")).toMatchObject({ contribution: 0, value: [0.001, 0.5, 0] });
    expect(seriesOf(option)[0]!.markLine!.data).toEqual([[{ coord: [0.0057, 0] }, { coord: [0.0057, 1] }], { yAxis: 0.5 }]);
  });

  it("draws both thresholds as dashed lines on a logarithmic axis too", () => {
    const skewed = [
      { id: "big", name: "Big", tier: "key", revenue: 9100, contribution: 0.91, growth: 0.8 },
      { id: "small", name: "Small", tier: "key", revenue: 0.02, contribution: 0.0000022, growth: 0.4 },
    ];
    const option = matrixOption(skewed, { contribution: 0.001, growth: 0.5 }, { contribution: "C", contributionLog: "C (log)", growth: "G", revenue: "R", tier: String, quadrant: String }, money, percent);
    expect((option as { xAxis: { type: string; min: number; max: number } }).xAxis).toMatchObject({ type: "log", min: 0.000001, max: 1 });
    const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 600, height: 400 });
    chart.setOption({ ...option, animation: false });
    const svg = chart.renderToSVGString();
    chart.dispose();
    const dashed = [...svg.matchAll(/<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"[^>]*stroke-dasharray/g)].map((m) => m.slice(1, 5).map(Number));
    const vertical = dashed.filter(([x1, , x2]) => x1 === x2);
    const horizontal = dashed.filter(([, y1, , y2]) => y1 === y2);
    expect(vertical).toHaveLength(1);
    expect(horizontal).toHaveLength(1);
    // 0.1% on an axis from 0.0001% to 100%: half way across the plot, whose ends the horizontal line spans.
    const [left, , right] = horizontal[0]!;
    expect(vertical[0]![0]).toBeCloseTo(left! + (right! - left!) / 2, 0);
  });

  it("draws an empty chart with the axes intact when no account has results", () => {
    const option = matrixOption([], thresholds, { contribution: "C", contributionLog: "C (log)", growth: "G", revenue: "R", tier: String, quadrant: String }, money, percent) as { xAxis: { max: number }; series: unknown[] };
    expect(option.series).toEqual([]);
    expect(Number.isFinite(option.xAxis.max)).toBe(true);
    expect(option.xAxis.max).toBeGreaterThan(0.1);
  });
});

describe("clv histogram and forecast", () => {
  it("labels each CLV band with its bounds and counts accounts", () => {
    const summary: ClvSummary = {
      excludedOrders, bgnbd: null, gammaGamma: null, totalClv: 10,
      distribution: [{ from: 0, to: 0, accounts: 2 }, { from: 2, to: 5, accounts: 3 }, { from: 5, to: 10, accounts: 1 }],
    };
    const option = clvHistogramOption(summary, { accounts: "Accounts", clv: "CLV" }, money) as { xAxis: { data: string[] } };
    // The band of accounts worth nothing reads as one amount.
    expect(option.xAxis.data).toEqual(["¥0", "¥2–¥5", "¥5–¥10"]);
    expect(seriesOf(option)[0]!.data).toEqual([2, 3, 1]);
  });

  it("continues the forecast from the last actual month so the lines meet", () => {
    const option = forecastOption({
      history: [{ month: "2026-01", revenue: 10 }, { month: "2026-02", revenue: 12 }],
      forecast: [{ month: "2026-03", revenue: 13 }, { month: "2026-04", revenue: 14 }],
    }, { history: "Actual", forecast: "Forecast" }, money) as { xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    const [actual, forecast] = seriesOf(option);
    expect(actual!.data).toEqual([10, 12, null, null]);
    expect(forecast!.data).toEqual([null, 12, 13, 14]);
    expect(seriesOf(option)).toHaveLength(2);
  });

  it("adds the weighted pipeline as bars over the forecast months, and nothing when the pipeline is empty", () => {
    const series = {
      history: [{ month: "2026-01", revenue: 10 }],
      forecast: [{ month: "2026-02", revenue: 11 }, { month: "2026-03", revenue: 12 }],
      pipeline: [{ month: "2026-02", revenue: 0 }, { month: "2026-03", revenue: 7 }],
    };
    const labels = { history: "Actual", forecast: "Forecast", pipeline: "Pipeline" };
    const option = forecastOption(series, labels, money) as { legend: { data: string[] } };
    expect(option.legend.data).toEqual(["Actual", "Forecast", "Pipeline"]);
    expect(seriesOf(option)[2]!.data).toEqual([null, 0, 7]);
    const empty = forecastOption({ ...series, pipeline: series.pipeline.map((m) => ({ ...m, revenue: 0 })) }, labels, money) as { legend: { data: string[] } };
    expect(empty.legend.data).toEqual(["Actual", "Forecast"]);
    expect(seriesOf(empty)).toHaveLength(2);
  });
});

describe("sankey of transitions", () => {
  it("gives each side its own nodes, so staying in a group is not a cycle, and drops empty flows", () => {
    const { nodes, links } = sankeyData([
      { from: "dog", to: "dog", accounts: 5 },
      { from: "dog", to: "cash_cow", accounts: 2 },
      { from: null, to: "strategic_partner", accounts: 1 },
      { from: "cash_cow", to: null, accounts: 0 },
    ]);
    expect(nodes.map((n) => n.name)).toEqual(["from:dog", "to:dog", "to:cash_cow", "from:", "to:strategic_partner"]);
    expect(links).toEqual([
      { source: "from:dog", target: "to:dog", value: 5 },
      { source: "from:dog", target: "to:cash_cow", value: 2 },
      { source: "from:", target: "to:strategic_partner", value: 1 },
    ]);
  });

  it("labels and colours the nodes by their groups", () => {
    const option = sankeyOption([{ from: null, to: "A", accounts: 1 }], (g) => (g === null ? "Not in the run" : `Class ${g}`), "accounts", (g) => (g === "A" ? "grape" : "gray"));
    const [series] = (option as { series: Array<{ label: { formatter: (p: { name: string }) => string }; data: Array<{ name: string; itemStyle: { color: string } }> }> }).series;
    expect(series!.label.formatter({ name: "from:" })).toBe("Not in the run");
    expect(series!.label.formatter({ name: "to:A" })).toBe("Class A");
    expect(series!.data).toEqual([{ name: "from:", itemStyle: { color: PALETTE.gray } }, { name: "to:A", itemStyle: { color: PALETTE.grape } }]);
  });
});

describe("escapeHtml", () => {
  it("keeps account names from becoming markup in tooltips", () => {
    expect(escapeHtml(`<b>"A&B's"</b>`)).toBe("&lt;b&gt;&quot;A&amp;B&#39;s&quot;&lt;/b&gt;");
  });
});
