import type { EChartOption } from "../../components/charts/EChart";
import type { ClvSummary, MatrixQuadrant, ParetoSummary, RfmSummary, Transition } from "./identify.api";

/** Formats a number for people: the caller decides money, percent or count. */
type Format = (value: number) => string;

const TIER_COLORS: Record<string, string> = { strategic: "#ae3ec9", key: "#228be6", growth: "#12b886", standard: "#868e96" };
const CLASS_COLORS = { A: "rgba(34,139,230,0.10)", B: "rgba(250,176,5,0.10)", C: "rgba(134,142,150,0.08)" } as const;
const GRID = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };

const finite = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Pareto chart from the run's curve (≤ 101 points, share of accounts → cumulative share of revenue):
 * bars are the revenue of each slice of accounts (one account each up to 100 accounts, then 1% of
 * them), the line the cumulative share, with the 80% line and the A/B/C bands at their exact shares.
 */
export function paretoOption(summary: ParetoSummary, labels: { revenue: string; cumulative: string; accounts: string; classes: Record<"A" | "B" | "C", string> }, money: Format, percent: Format): EChartOption {
  const curve = summary.curve.filter((p) => finite(p.rankShare) && finite(p.cumulativeShare));
  const slices: Array<[number, number]> = [];
  for (let i = 1; i < curve.length; i++) {
    const share = Math.max(0, curve[i]!.cumulativeShare - curve[i - 1]!.cumulativeShare);
    const revenue = finite(summary.totalRevenue) ? Math.round(share * summary.totalRevenue * 100) / 100 : 0;
    slices.push([(curve[i - 1]!.rankShare + curve[i]!.rankShare) / 2, revenue]);
  }
  const n = summary.customers;
  const bands: Array<[{ xAxis: number; name: string; itemStyle: { color: string } }, { xAxis: number }]> = [];
  if (n > 0) {
    let from = 0;
    for (const cls of ["A", "B", "C"] as const) {
      const count = summary.classCounts[cls];
      if (count <= 0) continue;
      const to = Math.min(1, from + count / n);
      bands.push([{ xAxis: from, name: labels.classes[cls], itemStyle: { color: CLASS_COLORS[cls] } }, { xAxis: to }]);
      from = to;
    }
  }
  return {
    grid: { ...GRID, top: 40, bottom: 24 },
    legend: { top: 0, data: [labels.revenue, labels.cumulative] },
    tooltip: { trigger: "axis", axisPointer: { type: "line" } },
    xAxis: { type: "value", min: 0, max: 1, name: labels.accounts, nameLocation: "middle", nameGap: 28, axisLabel: { formatter: (v: number) => percent(v) }, splitLine: { show: false } },
    yAxis: [
      { type: "value", axisLabel: { formatter: (v: number) => money(v) } },
      { type: "value", min: 0, max: 1, axisLabel: { formatter: (v: number) => percent(v) }, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.revenue, type: "bar", data: slices, barCategoryGap: "10%", itemStyle: { color: "#228be6" },
        tooltip: { valueFormatter: (v: unknown) => money(Number(v)) },
        markArea: { silent: true, label: { position: "insideTop", color: "#495057" }, data: bands },
      },
      {
        name: labels.cumulative, type: "line", yAxisIndex: 1, symbol: "none", data: curve.map((p) => [p.rankShare, p.cumulativeShare]),
        itemStyle: { color: "#fd7e14" }, tooltip: { valueFormatter: (v: unknown) => percent(Number(v)) },
        markLine: { silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#e8590c" }, label: { position: "insideStartTop", formatter: percent(0.8) }, data: [{ yAxis: 0.8 }] },
      },
    ],
  };
}

/** All 25 cells of the R × F grid, the missing ones as empty, R 5 on top. */
export function heatmapCells(summary: RfmSummary): Array<{ r: number; f: number; accounts: number; monetary: number }> {
  const cells: Array<{ r: number; f: number; accounts: number; monetary: number }> = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      const cell = summary.heatmap.find((c) => c.r === r && c.f === f);
      cells.push({ r, f, accounts: cell?.accounts ?? 0, monetary: finite(cell?.monetary) ? cell.monetary : 0 });
    }
  }
  return cells;
}

/**
 * The colour of a heatmap cell: log₁₀(1 + revenue), so one very large cell does not wash out all others;
 * the legend and tooltip show the revenue itself.
 */
export const heatValue = (monetary: number) => Math.log10(1 + Math.max(0, monetary));

/** RFM heatmap: F across, R up, the colour the monetary total of the cell, the number of accounts written in it. */
export function rfmHeatmapOption(summary: RfmSummary, labels: { recency: string; frequency: string; monetary: string; accounts: string }, money: Format): EChartOption {
  const cells = heatmapCells(summary);
  const max = Math.max(0, ...cells.map((c) => heatValue(c.monetary)));
  const scores = ["1", "2", "3", "4", "5"];
  type Cell = { value: [number, number, number, number, number] };
  return {
    grid: { left: 48, right: 136, top: 8, bottom: 40, containLabel: false },
    tooltip: {
      formatter: (p: Cell) => `${labels.recency} ${p.value[1] + 1} · ${labels.frequency} ${p.value[0] + 1}<br/>${labels.accounts}: ${p.value[3]}<br/>${labels.monetary}: ${money(p.value[4])}`,
    },
    xAxis: { type: "category", data: scores, name: labels.frequency, nameLocation: "middle", nameGap: 26, splitArea: { show: true } },
    yAxis: { type: "category", data: scores, name: labels.recency, nameLocation: "middle", nameGap: 28, splitArea: { show: true } },
    visualMap: {
      min: 0, max: max > 0 ? max : 1, dimension: 2, calculable: true, orient: "vertical", right: 8, top: "middle", itemHeight: 160,
      text: [labels.monetary, ""], textGap: 8,
      inRange: { color: ["#e7f5ff", "#74c0fc", "#1864ab"] }, formatter: (v: number) => money(10 ** v - 1),
    },
    series: [{
      type: "heatmap",
      data: cells.map((c) => [c.f - 1, c.r - 1, heatValue(c.monetary), c.accounts, c.monetary]),
      label: { show: true, formatter: (p: Cell) => String(p.value[3]), fontWeight: "bold" },
      emphasis: { itemStyle: { borderColor: "#212529", borderWidth: 1 } },
    }],
  };
}

/** The quadrant of a point, with the same rule as the analysis: high when at or above the threshold. */
export function quadrantAt(contribution: number, growth: number, thresholds: { contribution: number; growth: number }): MatrixQuadrant {
  const highContribution = contribution >= thresholds.contribution;
  const highGrowth = growth >= thresholds.growth;
  if (highContribution) return highGrowth ? "strategic_partner" : "cash_cow";
  return highGrowth ? "problem_account" : "dog";
}

export interface MatrixPoint {
  id: string;
  name: string;
  tier: string;
  revenue: number;
  contribution: number;
  growth: number;
}

/** Bubble size grows with the square root of revenue, so the area (what the eye compares) is proportional to it. */
export function bubbleSize(revenue: number, maxRevenue: number): number {
  if (!(maxRevenue > 0) || !(revenue > 0)) return 6;
  return 6 + 34 * Math.sqrt(revenue / maxRevenue);
}

/**
 * The contribution axis is logarithmic when contributions span more than 50× (one account with most of
 * the revenue would otherwise squeeze all others against the left edge); accounts without revenue then
 * sit on the axis' left end, and their tooltip still says 0%.
 */
export function contributionScale(points: readonly MatrixPoint[], threshold: number): { log: boolean; min: number; max: number } {
  const positive = points.map((p) => p.contribution).filter((c) => c > 0);
  const top = Math.max(threshold, ...positive);
  const bottom = Math.min(...positive, ...(threshold > 0 ? [threshold] : []));
  if (positive.length > 1 && top / bottom > 50) {
    return { log: true, min: 10 ** Math.floor(Math.log10(bottom)), max: Math.min(1, 10 ** Math.ceil(Math.log10(top * 1.05))) };
  }
  return { log: false, min: 0, max: Math.max(threshold * 2, top) * 1.08 || 1 };
}

/** Matrix bubble chart: contribution across, growth potential up, bubble size revenue, colour tier, the thresholds as lines. */
export function matrixOption(
  points: readonly MatrixPoint[],
  thresholds: { contribution: number; growth: number },
  labels: { contribution: string; contributionLog: string; growth: string; revenue: string; tier: (tier: string) => string; quadrant: (q: MatrixQuadrant) => string },
  money: Format,
  percent: Format,
): EChartOption {
  const maxRevenue = Math.max(0, ...points.map((p) => p.revenue));
  const scale = contributionScale(points, thresholds.contribution);
  const x = (contribution: number) => (scale.log ? Math.max(contribution, scale.min) : contribution);
  const tiers = [...new Set(points.map((p) => p.tier))].sort((a, b) => Object.keys(TIER_COLORS).indexOf(a) - Object.keys(TIER_COLORS).indexOf(b));
  // The upper quadrants' names at their top edge, the lower ones' at the chart's bottom: just under the growth threshold
  // they sat among the bubbles.
  const area = (q: MatrixQuadrant, x0: number, x1: number, y0: number, y1: number) =>
    [{ xAxis: x0, yAxis: y0, name: labels.quadrant(q), label: { position: y0 === 0 ? "insideBottom" : "insideTop" } }, { xAxis: x1, yAxis: y1 }];
  const tx = x(thresholds.contribution);
  const ty = thresholds.growth;
  return {
    grid: { ...GRID, top: 40, bottom: 24 },
    legend: { top: 0, data: tiers.map(labels.tier) },
    tooltip: {
      trigger: "item",
      formatter: (p: { data: { name: string; contribution: number; value: [number, number, number] } }) =>
        `<b>${escapeHtml(p.data.name)}</b><br/>${labels.contribution}: ${percent(p.data.contribution)}<br/>${labels.growth}: ${p.data.value[1].toFixed(2)}<br/>${labels.revenue}: ${money(p.data.value[2])}`,
    },
    xAxis: {
      type: scale.log ? "log" : "value", min: scale.min, max: scale.max,
      name: scale.log ? labels.contributionLog : labels.contribution, nameLocation: "middle", nameGap: 28,
      axisLabel: { formatter: (v: number) => percent(v) }, splitLine: { show: false },
    },
    yAxis: { type: "value", min: 0, max: 1, name: labels.growth, nameLocation: "middle", nameGap: 36, splitLine: { show: false } },
    series: tiers.map((tier, i) => ({
      name: labels.tier(tier),
      type: "scatter",
      itemStyle: { color: TIER_COLORS[tier] ?? "#868e96", opacity: 0.75, borderColor: "#fff", borderWidth: 1 },
      symbolSize: (value: [number, number, number]) => bubbleSize(value[2], maxRevenue),
      data: points.filter((p) => p.tier === tier).map((p) => ({ id: p.id, name: p.name, contribution: p.contribution, value: [x(p.contribution), p.growth, p.revenue] })),
      ...(i === 0 ? {
        markLine: {
          silent: true, symbol: "none", lineStyle: { type: "dashed", color: "#495057" }, label: { show: false },
          // The contribution threshold as a line between two points: ECharts draws no `{ xAxis }` line on a log axis.
          data: [[{ coord: [tx, 0] }, { coord: [tx, 1] }], { yAxis: ty }],
        },
        markArea: {
          silent: true, itemStyle: { color: "transparent" }, label: { color: "#868e96", fontSize: 11, position: "insideTop" },
          data: [
            area("problem_account", scale.min, tx, ty, 1), area("strategic_partner", tx, scale.max, ty, 1),
            area("dog", scale.min, tx, 0, ty), area("cash_cow", tx, scale.max, 0, ty),
          ],
        },
      } : {}),
    })),
  };
}

/** CLV histogram: accounts per CLV band. */
/** A CLV band as people read it: "¥100K–¥1M", or just "¥0" for the band of accounts worth nothing. */
export function clvBandLabel(band: { from: number; to: number }, money: Format): string {
  return band.from === band.to ? money(band.from) : `${money(band.from)}–${money(band.to)}`;
}

export function clvHistogramOption(summary: ClvSummary, labels: { accounts: string; clv: string }, money: Format): EChartOption {
  const bins = summary.distribution;
  return {
    grid: { ...GRID, bottom: 24 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: bins.map((b) => clvBandLabel(b, money)), name: labels.clv, nameLocation: "middle", nameGap: 28, axisLabel: { hideOverlap: true } },
    yAxis: { type: "value", minInterval: 1, name: labels.accounts },
    series: [{ name: labels.accounts, type: "bar", barCategoryGap: "4%", data: bins.map((b) => b.accounts), itemStyle: { color: "#12b886" } }],
  };
}

/** History as a solid line, the forecast dashed, starting from the last actual month so the two lines meet. */
export function forecastOption(
  series: {
    history: ReadonlyArray<{ month: string; revenue: number | null }>;
    forecast: ReadonlyArray<{ month: string; revenue: number | null }>;
    /** Weighted open pipeline by expected close month, over the forecast months. */
    pipeline?: ReadonlyArray<{ month: string; revenue: number | null }>;
  },
  labels: { history: string; forecast: string; pipeline?: string },
  money: Format,
): EChartOption {
  const months = [...series.history.map((m) => m.month), ...series.forecast.map((m) => m.month)];
  const h = series.history.length;
  const actual = [...series.history.map((m) => (finite(m.revenue) ? m.revenue : null)), ...series.forecast.map(() => null)];
  const predicted = [...series.history.map((m, i) => (i === h - 1 && finite(m.revenue) ? m.revenue : null)), ...series.forecast.map((m) => (finite(m.revenue) ? m.revenue : null))];
  // Pipeline bars only where the sales team expects something: an empty pipeline adds no legend entry.
  const pipelineByMonth = new Map((series.pipeline ?? []).map((m) => [m.month, m.revenue]));
  const showPipeline = labels.pipeline !== undefined && [...pipelineByMonth.values()].some((v) => finite(v) && v > 0);
  const pipeline = months.map((month) => { const v = pipelineByMonth.get(month); return finite(v) ? v : null; });
  return {
    grid: { ...GRID, top: 40 },
    legend: { top: 0, data: [labels.history, labels.forecast, ...(showPipeline ? [labels.pipeline!] : [])] },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (v === null || v === undefined ? "—" : money(Number(v))) },
    xAxis: { type: "category", data: months, boundaryGap: showPipeline },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => money(v) } },
    series: [
      { name: labels.history, type: "line", data: actual, symbol: "circle", symbolSize: 4, itemStyle: { color: "#228be6" }, connectNulls: false },
      { name: labels.forecast, type: "line", data: predicted, symbol: "circle", symbolSize: 4, lineStyle: { type: "dashed" }, itemStyle: { color: "#fd7e14" }, connectNulls: false },
      ...(showPipeline ? [{ name: labels.pipeline!, type: "bar", data: pipeline, barMaxWidth: 18, itemStyle: { color: "#12b886", opacity: 0.55 } }] : []),
    ],
  };
}

/** Sankey nodes and links: each side gets its own nodes (a group on the left is not the same node as on the right). */
export function sankeyData(transitions: readonly Transition[]) {
  const key = (side: "from" | "to", group: string | null) => `${side}:${group ?? ""}`;
  const nodes = new Map<string, { name: string; side: "from" | "to"; group: string | null }>();
  const links: Array<{ source: string; target: string; value: number }> = [];
  for (const t of transitions) {
    if (!(t.accounts > 0)) continue;
    const source = key("from", t.from);
    const target = key("to", t.to);
    if (!nodes.has(source)) nodes.set(source, { name: source, side: "from", group: t.from });
    if (!nodes.has(target)) nodes.set(target, { name: target, side: "to", group: t.to });
    links.push({ source, target, value: t.accounts });
  }
  return { nodes: [...nodes.values()], links };
}

/** Mantine's palette in hex, for charts that colour by the same names as the badges. */
export const PALETTE: Record<string, string> = { grape: "#ae3ec9", blue: "#228be6", teal: "#12b886", orange: "#fd7e14", red: "#fa5252", gray: "#868e96" };

export function sankeyOption(transitions: readonly Transition[], groupLabel: (group: string | null) => string, accountsLabel: string, groupColor: (group: string | null) => string = () => "gray"): EChartOption {
  const { nodes, links } = sankeyData(transitions);
  const label = new Map(nodes.map((n) => [n.name, groupLabel(n.group)]));
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { dataType: string; data: { source?: string; target?: string; value?: number; name?: string }; value: number }) =>
        p.dataType === "edge"
          ? `${escapeHtml(label.get(p.data.source!) ?? "")} → ${escapeHtml(label.get(p.data.target!) ?? "")}: ${p.data.value} ${accountsLabel}`
          : `${escapeHtml(label.get(p.data.name!) ?? "")}: ${p.value} ${accountsLabel}`,
    },
    series: [{
      type: "sankey",
      left: 8, right: 140, top: 8, bottom: 8,
      nodeAlign: "justify",
      emphasis: { focus: "adjacency" },
      lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.35 },
      label: { formatter: (p: { name: string }) => label.get(p.name) ?? p.name },
      data: nodes.map((n) => ({ name: n.name, itemStyle: { color: PALETTE[groupColor(n.group)] ?? PALETTE.gray } })),
      links,
    }],
  };
}

/** Account names go into tooltip HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
