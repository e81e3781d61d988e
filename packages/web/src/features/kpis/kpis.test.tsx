import type { TKpiDefinition, TKpiDefinitionDetail, TScorecard, TScorecardConfigResponse } from "@openkam/contracts";
import { KPI_DEFINITIONS } from "@openkam/domain/kpis/registry";
import { DEFAULT_SCORECARD_CONFIG } from "@openkam/domain/kpis/scorecard";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { formatKpiValue, lightColor, recentQuarters } from "./kpi-format";
import { KpiDefinitionPage } from "./KpiDefinitionPage";
import { ScorecardConfigEditor } from "./ScorecardConfigEditor";
import { ScorecardView } from "./ScorecardView";

const DEFINITIONS = KPI_DEFINITIONS.map((d) => ({ ...d })) as TKpiDefinition[];
const trend = (value: number | null) => ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"].map((quarter) => ({ quarter, value, status: null }));

const CARD: TScorecard = {
  subject: { kind: "account", accountId: "00000000-0000-4000-8000-0000000000a1", name: "Acme" },
  quarter: "2026-Q2", period: { from: "2026-04-01", to: "2026-06-30" }, currency: "CNY", accounts: 1, excludedOrders: { currency: 0 }, configVersion: 0, score: 81.1, status: "amber",
  perspectives: [
    { key: "financial", weight: 30, normalisedWeight: 0.5, score: 100, status: "green", kpis: [
      { key: "revenue_growth_yoy", unit: "percent", direction: "higher_is_better", value: 25, target: 10, weight: 1, normalisedWeight: 1, tolerance: 5, attainment: 1, status: "green", trend: trend(25) },
    ] },
    { key: "internal_process", weight: 30, normalisedWeight: 0.5, score: 52.6, status: "red", kpis: [
      { key: "sla_attainment", unit: "percent", direction: "higher_is_better", value: 50, target: 95, weight: 1, normalisedWeight: 0.5, tolerance: 5, attainment: 0.5263, status: "red", trend: trend(null) },
      { key: "first_response_hours", unit: "hours", direction: "lower_is_better", value: null, target: 8, weight: 1, normalisedWeight: 0.5, tolerance: 4, attainment: null, status: null, trend: trend(null) },
    ] },
  ],
  trend: [{ quarter: "2026-Q2", score: 81.1, status: "amber" }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("KPI formatting", () => {
  it("shows values in their unit and lights in their color", () => {
    expect(formatKpiValue(12.34, "percent", "CNY")).toBe("12.3%");
    expect(formatKpiValue(null, "money", "CNY")).toBe("—");
    expect(formatKpiValue(7.25, "hours", "CNY")).toBe("7.3 h");
    expect([lightColor("green"), lightColor("amber"), lightColor("red"), lightColor(null)]).toEqual(["teal", "yellow", "red", "gray"]);
    expect(recentQuarters(new Date(2026, 0, 15), 3)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3"]);
  });
});

describe("ScorecardView", () => {
  it("shows each perspective's KPIs against their targets with a worded traffic light", async () => {
    await renderWithProviders(<ScorecardView card={CARD} definitions={DEFINITIONS} />);
    const process = screen.getByTestId("perspective-internal_process");
    const sla = within(process).getByRole("row", { name: /SLA attainment/ });
    expect(within(sla).getByText("50%")).toBeInTheDocument();
    expect(within(sla).getByText("≥ 95%")).toBeInTheDocument();
    expect(within(sla).getByText("Off target")).toBeInTheDocument();
    expect(within(within(process).getByRole("row", { name: /Average first response time/ })).getByText("No data")).toBeInTheDocument();
    expect(within(screen.getByTestId("perspective-financial")).getAllByText("On target")).toHaveLength(2);
    expect(screen.getAllByText("Near target").length).toBeGreaterThan(0);
  });
});

describe("KpiDefinitionPage", () => {
  it("shows the definition, the formula and the query behind the KPI", async () => {
    const detail: TKpiDefinitionDetail = { ...DEFINITIONS.find((d) => d.key === "nps")!, sql: "with subject as (select 1) select 'nps'", queryFile: "packages/server/src/modules/kpis/__sql__/survey-scores.sql" };
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/kpis/nps": detail,
      "/api/kpis/values": { subject: { kind: "programme", cohort: "programme" }, period: { from: "2026-04-01", to: "2026-06-30" }, currency: "CNY", accounts: 4, excludedOrders: { currency: 0 }, values: [{ key: "nps", value: 42.5, unit: "score", direction: "higher_is_better", target: 30, status: "green" }] },
    })));
    await renderWithProviders(<KpiDefinitionPage />, { route: "/kpis/nps", path: "/kpis/:key" });
    expect(await screen.findByRole("heading", { name: "Net Promoter Score" })).toBeInTheDocument();
    expect(screen.getByTestId("kpi-sql")).toHaveTextContent("with subject as");
    expect(await screen.findByText("42.5")).toBeInTheDocument();
  });
});

describe("ScorecardConfigEditor", () => {
  // A small card keeps the form (and the test) quick; the rules are the same as for the default one.
  const SMALL = {
    thresholds: DEFAULT_SCORECARD_CONFIG.thresholds,
    perspectives: [
      { key: "financial" as const, weight: 1, kpis: [{ key: "revenue_growth_yoy" as const, target: 10, weight: 1, tolerance: 5 }] },
      { key: "customer" as const, weight: 1, kpis: [{ key: "nps" as const, target: 30, weight: 1, tolerance: 10 }] },
      { key: "internal_process" as const, weight: 0, kpis: [] },
      { key: "learning_growth" as const, weight: 0, kpis: [] },
    ],
  };
  const CONFIG: TScorecardConfigResponse = { config: SMALL, version: 3, isDefault: false, updatedAt: "2026-01-01T00:00:00Z", updatedBy: ME.user.id };

  it("explains what is wrong before saving, and saves a valid change with the version read", async () => {
    const saved = vi.fn((request: { body: unknown }) => ({ ...CONFIG, config: request.body, version: 1, isDefault: false }));
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/scorecards/config": CONFIG, "/api/kpis": DEFINITIONS, "PUT /api/scorecards/config": saved })));
    await renderWithProviders(<ScorecardConfigEditor opened onClose={() => {}} />, { me: { ...ME, role: "director" } });
    const amber = await screen.findByLabelText("Score amber from");
    fireEvent.change(amber, { target: { value: "95" } });
    expect(await screen.findByText("Amber must start at or below green")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
    fireEvent.change(amber, { target: { value: "60" } });
    fireEvent.change(screen.getByLabelText("Target of Net Promoter Score"), { target: { value: "150" } });
    expect(await screen.findByText("Between -100 and 100")).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText("Target of Net Promoter Score"), { target: { value: "40" } });
    await waitFor(() => expect(screen.getByRole("button", { name: "Save" })).toBeEnabled());
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(saved).toHaveBeenCalled());
    const body = saved.mock.calls[0]![0].body as { version: number; thresholds: { amber: number }; perspectives: Array<{ kpis: Array<{ key: string; target: number }> }> };
    expect(body.version).toBe(3);
    expect(body.thresholds.amber).toBe(60);
    expect(body.perspectives[1]!.kpis.find((k) => k.key === "nps")!.target).toBe(40);
  }, 30_000);
});
