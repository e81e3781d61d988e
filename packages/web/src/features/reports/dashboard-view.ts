import type { TDashboardAccount, TProgrammeDashboard } from "@openkam/contracts";
import type { EChartOption } from "../../components/charts/EChart";

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

/** Answers as bars, NPS and CSAT (scaled to 0-100) as lines over the quarters, two axes. */
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
      { name: labels.csat, type: "line", yAxisIndex: 1, connectNulls: true, data: board.trend.map((p) => (p.csat === null ? null : p.csat * 20)), itemStyle: { color: "#e67700" } },
    ],
  };
}
