import type { TEffortAccount } from "@openkam/contracts";
import type { EChartOption } from "../../components/charts/EChart";

const COLORS = { over: "#e8590c", under: "#1c7ed6", balanced: "#2f9e44", idle: "#868e96" } as const;

export interface ScatterLabels {
  effort: string;
  value: string;
  service: Record<TEffortAccount["service"], string>;
}

/**
 * Effort share (y) against value share (x), one point per account, coloured by service level, with the
 * diagonal where effort follows value and the band's edges (over/under ratio) as dashed lines.
 */
export function effortScatterOption(accounts: readonly TEffortAccount[], band: { overRatio: number; underRatio: number }, labels: ScatterLabels): EChartOption {
  const pct = (v: number) => Math.round(v * 1000) / 10;
  const top = Math.max(5, ...accounts.map((a) => pct(Math.max(a.effortShare, a.valueShare)))) * 1.05;
  const line = (ratio: number, dashed: boolean) => ({
    type: "line", data: [[0, 0], [top / Math.max(ratio, 1), (top / Math.max(ratio, 1)) * ratio]], symbol: "none", silent: true,
    lineStyle: { type: dashed ? "dashed" : "solid", width: 1, color: "#adb5bd" }, tooltip: { show: false },
  });
  return {
    grid: { left: 48, right: 16, top: 32, bottom: 40 },
    legend: { top: 0 },
    tooltip: {
      trigger: "item",
      formatter: (p: { data: [number, number, string] }) => `${p.data[2]}<br/>${labels.value}: ${p.data[0]}%<br/>${labels.effort}: ${p.data[1]}%`,
    },
    xAxis: { type: "value", name: labels.value, nameLocation: "middle", nameGap: 26, min: 0, max: Math.ceil(top), axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "value", name: labels.effort, nameLocation: "middle", nameGap: 36, min: 0, max: Math.ceil(top), axisLabel: { formatter: "{value}%" } },
    series: [
      line(1, false), line(band.overRatio, true), line(band.underRatio, true),
      ...(["over", "under", "balanced", "idle"] as const).map((service) => ({
        type: "scatter", name: labels.service[service], itemStyle: { color: COLORS[service] }, symbolSize: 10,
        data: accounts.filter((a) => a.service === service).map((a) => [pct(a.valueShare), pct(a.effortShare), a.name]),
      })),
    ],
  };
}
