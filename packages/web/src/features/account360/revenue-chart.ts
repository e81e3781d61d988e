import type { TRevenueMonth } from "@openkam/contracts";
import type { EChartOption } from "../../components/charts/EChart";

/** Bars per month; amounts are exact decimal strings, converted to numbers only for drawing. */
export function revenueChartOption(months: TRevenueMonth[], seriesName: string, format: (value: number) => string): EChartOption {
  return {
    grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: "axis", valueFormatter: (v: unknown) => format(Number(v)) },
    xAxis: { type: "category", data: months.map((m) => m.month), axisTick: { alignWithLabel: true } },
    yAxis: { type: "value", axisLabel: { formatter: (v: number) => format(v) } },
    series: [{ name: seriesName, type: "bar", data: months.map((m) => Number(m.amount)), itemStyle: { color: "#228be6", borderRadius: [3, 3, 0, 0] } }],
  };
}
