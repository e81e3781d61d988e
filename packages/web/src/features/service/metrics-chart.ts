import type { TServiceMetrics } from "@openkam/contracts";
import type { EChartOption } from "../../components/charts/EChart";

export interface MetricsSeries {
  periods: string[];
  /** Mean hours per month; null for a month without measured cases. */
  firstResponse: (number | null)[];
  resolution: (number | null)[];
  attainment: (number | null)[];
}

/** Every group of the answer pooled per month: the means weighted by their counts, the attainment by the cases measured. */
export function monthlySeries(metrics: TServiceMetrics): MetricsSeries {
  const pooled = (period: string, key: "firstResponse" | "resolution") => {
    const rows = metrics.rows.filter((r) => r.period === period && r[key]);
    const count = rows.reduce((sum, r) => sum + r[key]!.count, 0);
    return count === 0 ? null : Math.round((rows.reduce((sum, r) => sum + r[key]!.mean * r[key]!.count, 0) / count / 60) * 10) / 10;
  };
  const attainment = (period: string) => {
    const rows = metrics.rows.filter((r) => r.period === period && r.firstResponse && r.firstResponseAttainment !== null);
    const count = rows.reduce((sum, r) => sum + r.firstResponse!.count, 0);
    return count === 0 ? null : Math.round((rows.reduce((sum, r) => sum + r.firstResponseAttainment! * r.firstResponse!.count, 0) / count) * 100);
  };
  return {
    periods: metrics.periods,
    firstResponse: metrics.periods.map((p) => pooled(p, "firstResponse")),
    resolution: metrics.periods.map((p) => pooled(p, "resolution")),
    attainment: metrics.periods.map(attainment),
  };
}

/** Lines of mean hours to the first answer and to the resolution, and bars of the share answered within target. */
export function metricsChartOption(series: MetricsSeries, labels: { firstResponse: string; resolution: string; attainment: string; hours: string }): EChartOption {
  return {
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: series.periods },
    yAxis: [
      { type: "value", name: labels.hours, min: 0 },
      { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" }, splitLine: { show: false } },
    ],
    series: [
      { name: labels.attainment, type: "bar", yAxisIndex: 1, data: series.attainment, itemStyle: { color: "#d3f9d8" }, barMaxWidth: 28 },
      { name: labels.firstResponse, type: "line", data: series.firstResponse, connectNulls: true, itemStyle: { color: "#228be6" } },
      { name: labels.resolution, type: "line", data: series.resolution, connectNulls: true, itemStyle: { color: "#f08c00" } },
    ],
  };
}
