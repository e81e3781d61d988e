import type { TDashboardAccount, TDashboardTarget, TProgrammeDashboard } from "@openkam/contracts";
import { trafficLight, type TrafficLight } from "@openkam/domain/kpis/scorecard";
import type { EChartOption } from "../../components/charts/EChart";

/** A programme figure's light against its scorecard KPI, as the server colours each account; none for a KPI off the card. */
export const measureLight = (value: number | null, target: TDashboardTarget): TrafficLight | null =>
  target === null ? null : trafficLight(value, target.target, target.direction, target.tolerance);

/** "≥ 80" or "≤ 30" with the unit's suffix; null for a KPI off the card. */
export const targetText = (target: TDashboardTarget, suffix = ""): string | null =>
  target === null ? null : `${target.direction === "lower_is_better" ? "≤" : "≥"} ${target.target}${suffix}`;

/** The measures a tile can drill into: the accounts table then shows those off track on it first. */
export const FOCUS_KEYS = ["growth", "nps", "csat", "sla", "cadence", "plan", "feedback"] as const;
export type FocusKey = (typeof FOCUS_KEYS)[number];
export const isFocusKey = (value: string | null): value is FocusKey => value !== null && (FOCUS_KEYS as readonly string[]).includes(value);

const RANK = { red: 0, amber: 1, green: 2 } as const;

export interface AccountFilter {
  industry: string | null;
  focus: FocusKey | null;
  q: string;
}

/**
 * The rows of the drill-down table: an industry narrows them, a focus keeps the accounts that are
 * red or amber on that measure (worst first), and the text matches names and owners.
 */
export function filterAccounts(accounts: readonly TDashboardAccount[], filter: AccountFilter): TDashboardAccount[] {
  const q = filter.q.trim().toLowerCase();
  let rows = accounts.filter((a) =>
    (filter.industry === null || (a.industry ?? "") === filter.industry)
    && (q === "" || a.name.toLowerCase().includes(q) || (a.ownerName ?? "").toLowerCase().includes(q)));
  const focus = filter.focus;
  if (focus) {
    rows = rows.filter((a) => a.lights[focus] === "red" || a.lights[focus] === "amber");
    rows.sort((a, b) => RANK[a.lights[focus]!] - RANK[b.lights[focus]!]);
  }
  return rows;
}

/** Answers as bars, NPS and CSAT (share satisfied, 0-100) as lines over the quarters, two axes. */
export function trendOption(board: TProgrammeDashboard, labels: { responses: string; nps: string; csat: string }): EChartOption {
  return {
    tooltip: { trigger: "axis" },
    legend: { data: [labels.responses, labels.nps, labels.csat], bottom: 0 },
    grid: { left: 50, right: 50, top: 20, bottom: 50 },
    xAxis: { type: "category", data: board.trend.map((p) => p.quarter) },
    yAxis: [{ type: "value", minInterval: 1 }, { type: "value", min: -100, max: 100 }],
    series: [
      { name: labels.responses, type: "bar", data: board.trend.map((p) => p.responses), itemStyle: { color: "#a5d8ff" } },
      { name: labels.nps, type: "line", yAxisIndex: 1, connectNulls: true, data: board.trend.map((p) => p.nps), itemStyle: { color: "#2b8a3e" } },
      { name: labels.csat, type: "line", yAxisIndex: 1, connectNulls: true, data: board.trend.map((p) => p.csat), itemStyle: { color: "#e67700" } },
    ],
  };
}
