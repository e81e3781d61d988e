import type { TDashboardAccount } from "@openkam/contracts";
import { describe, expect, it } from "vitest";
import { filterAccounts, isFocusKey, measureLight, targetText } from "./dashboard-view";

const lights = { growth: null, nps: null, csat: null, sla: null, cadence: null, plan: null, feedback: null };
const account = (id: string, over: Partial<TDashboardAccount>): TDashboardAccount => ({
  id, name: id, tier: "key", industry: null, ownerName: null, revenue: "0.00", revenueGrowthPct: null, nps: null, csat: null, slaAttainment: null,
  cadenceOverdue: null, planCompletion: null, openFeedback: 0, overdueFeedback: 0, lights, ...over,
});

describe("dashboard drill-down", () => {
  const rows = [
    account("Acme", { industry: "Retail", ownerName: "Wang Fang", lights: { ...lights, nps: "amber" } }),
    account("Beta", { industry: "Logistics", lights: { ...lights, nps: "red" } }),
    account("Gamma", { industry: "Retail", lights: { ...lights, nps: "green" } }),
  ];

  it("keeps the accounts off track on the focused measure, worst first", () => {
    expect(filterAccounts(rows, { industry: null, focus: "nps", q: "" }).map((a) => a.name)).toEqual(["Beta", "Acme"]);
  });

  it("narrows by industry and by name or owner", () => {
    expect(filterAccounts(rows, { industry: "Retail", focus: null, q: "" }).map((a) => a.name)).toEqual(["Acme", "Gamma"]);
    expect(filterAccounts(rows, { industry: null, focus: null, q: "wang" }).map((a) => a.name)).toEqual(["Acme"]);
  });

  it("recognises only known focus keys from the URL", () => {
    expect(isFocusKey("sla")).toBe(true);
    expect(isFocusKey("revenue")).toBe(false);
    expect(isFocusKey(null)).toBe(false);
  });

  it("colours a programme figure as the scorecard does: met, short by no more than the tolerance, or off the card", () => {
    const nps = { kpi: "nps", target: 30, tolerance: 10, direction: "higher_is_better" } as const;
    expect([measureLight(30, nps), measureLight(20, nps), measureLight(19.9, nps), measureLight(null, nps), measureLight(30, null)]).toEqual(["green", "amber", "red", null, null]);
    const days = { kpi: "feedback_closure_days", target: 30, tolerance: 10, direction: "lower_is_better" } as const;
    expect([measureLight(30, days), measureLight(40, days), measureLight(41, days)]).toEqual(["green", "amber", "red"]);
    expect([targetText(nps), targetText(days, " d"), targetText(null)]).toEqual(["≥ 30", "≤ 30 d", null]);
  });
});
