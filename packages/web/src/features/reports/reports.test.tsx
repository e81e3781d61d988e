import type { TProgrammeDashboard, TQbr } from "@openkam/contracts";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { ProgrammeDashboardPage } from "./ProgrammeDashboardPage";
import { QbrPage } from "./QbrPage";

const ACCOUNT = "00000000-0000-4000-8000-0000000000a1";
const EMPTY_QBR: TQbr = {
  quarter: { key: "2026-Q3", from: "2026-07-01", to: "2026-09-30" },
  generatedAt: "2026-10-02T08:00:00.000Z",
  account: { id: ACCOUNT, name: "Acme 华东", tier: "strategic", status: "active", industry: null, region: null, currency: "CNY", owner: null, team: [] },
  kpis: [], kpiCurrency: "CNY", scorecard: null, plans: [],
  value: { initiatives: [], totals: [] },
  feedback: { received: 0, closed: 0, open: 0, items: [] },
  surveys: { responses: 0, nps: null, promoters: 0, passives: 0, detractors: 0, csat: null, comments: [] },
  service: { interactions: { total: 0, byType: [] }, cases: { opened: 0, resolved: 0, byStatus: [], firstResponseAttainment: null, resolutionAttainment: null } },
  nextQuarter: { quarter: { key: "2026-Q4", from: "2026-10-01", to: "2026-12-31" }, planActions: [], tasks: [], cadence: [] },
};
const lights = { growth: "green", nps: "red", csat: null, sla: null, cadence: "green", plan: null, feedback: "green" } as const;
const BOARD: TProgrammeDashboard = {
  quarter: { key: "2026-Q3", from: "2026-07-01", to: "2026-09-30" }, generatedAt: "2026-10-02T08:00:00.000Z", currency: "CNY",
  targets: {
    revenueGrowthPct: { kpi: "revenue_growth_yoy", target: 10, tolerance: 5, direction: "higher_is_better" },
    nps: { kpi: "nps", target: 30, tolerance: 10, direction: "higher_is_better" },
    csat: null,
    slaAttainment: { kpi: "sla_attainment", target: 95, tolerance: 5, direction: "higher_is_better" },
    cadenceCompliance: { kpi: "cadence_compliance", target: 90, tolerance: 10, direction: "higher_is_better" },
    planCompletion: { kpi: "plan_action_completion", target: 80, tolerance: 10, direction: "higher_is_better" },
  },
  totals: { accounts: 2, revenue: "1500.00", revenueGrowthPct: 50, nps: 10, csat: 75, responses: 3, slaAttainment: null, cadenceCompliance: 100, planCompletion: null, openFeedback: 0, overdueFeedback: 0 },
  feedbackByStatus: [], segments: [], trend: [], effort: null,
  accounts: [
    { id: ACCOUNT, name: "Acme 华东", tier: "strategic", industry: "Retail", ownerName: "Wang Fang", revenue: "1500.00", revenueGrowthPct: 50, nps: -20, csat: null, slaAttainment: null, cadenceOverdue: false, planCompletion: null, openFeedback: 0, overdueFeedback: 0, lights },
    { id: "00000000-0000-4000-8000-0000000000a2", name: "Beta", tier: "key", industry: null, ownerName: null, revenue: "0.00", revenueGrowthPct: null, nps: 40, csat: null, slaAttainment: null, cadenceOverdue: false, planCompletion: null, openFeedback: 0, overdueFeedback: 0, lights: { ...lights, nps: "green" } },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("QbrPage", () => {
  it("shows every section with what to do when the quarter has no data, and links the files in the UI's language", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/accounts/${ACCOUNT}/qbr`]: EMPTY_QBR })));
    await renderWithProviders(<QbrPage />, { route: `/accounts/${ACCOUNT}/qbr?quarter=2026-Q3`, path: "/accounts/:id/qbr" });
    expect(await screen.findByRole("heading", { name: "Acme 华东 · 2026-Q3" })).toBeInTheDocument();
    expect(screen.getByText(/No account plan covers this quarter/)).toBeInTheDocument();
    expect(screen.getByText(/No survey answers this quarter/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Plan for 2026-Q4/ })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download PDF" })).toHaveAttribute("href", `/api/accounts/${ACCOUNT}/qbr.pdf?quarter=2026-Q3&lang=en`);
    expect(screen.getByRole("link", { name: "Download XLSX" })).toHaveAttribute("href", `/api/accounts/${ACCOUNT}/qbr.xlsx?quarter=2026-Q3&lang=en`);
  });
});

describe("ProgrammeDashboardPage", () => {
  it("drills down from a tile to the accounts off track on it, each linking to its review", async () => {
    const scorecard = { subject: { kind: "programme", cohort: "key_accounts" }, quarter: "2026-Q3", period: { from: "2026-07-01", to: "2026-09-30" }, currency: "CNY", accounts: 2, configVersion: 0,
      score: 72.5, status: "amber", perspectives: [{ key: "customer", weight: 1, normalisedWeight: 1, score: 72.5, status: "amber", kpis: [] }], trend: [] };
    const kpis = { subject: scorecard.subject, period: scorecard.period, currency: "CNY", accounts: 2, excludedOrders: { currency: 0 }, values: [{ key: "nps", value: 12, unit: "score", direction: "higher_is_better" }] };
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/programme/dashboard": BOARD, "/api/scorecards/programme": scorecard, "/api/kpis/values": kpis })));
    await renderWithProviders(<ProgrammeDashboardPage />, { route: "/programme/dashboard?quarter=2026-Q3&focus=nps", path: "/programme/dashboard", me: { ...ME, role: "director" } });
    const link = await screen.findByRole("link", { name: "Acme 华东" });
    expect(link).toHaveAttribute("href", `/accounts/${ACCOUNT}/qbr?quarter=2026-Q3`);
    expect(screen.queryByRole("link", { name: "Beta" })).toBeNull();
    expect(screen.getByRole("button", { name: "Show the accounts behind NPS" })).toHaveAttribute("aria-pressed", "true");
    expect(await screen.findByText("Balanced scorecard: 72.5")).toBeInTheDocument();
    expect(screen.getByText(/Net Promoter Score: 12/)).toBeInTheDocument();
    // The tiles show the scorecard's targets, and say so when a KPI is off the card.
    expect(screen.getByTestId("tile-sla")).toHaveTextContent("Target ≥ 95%");
    expect(screen.getByTestId("tile-csat")).toHaveTextContent("75%");
    expect(screen.getByTestId("tile-csat")).toHaveTextContent("Not on the scorecard");
  });
});
