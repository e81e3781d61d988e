import type { TEffortAccount, TEffortAllocation } from "@openkam/contracts";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { EffortPage } from "./EffortPage";

const account = (over: Partial<TEffortAccount>): TEffortAccount => ({
  accountId: "00000000-0000-4000-8000-0000000000a1", name: "Acme", tier: "strategic", quadrant: "strategic_partner", loggedMinutes: 390, estimatedMinutes: 120,
  totalMinutes: 510, revenue: "3000.00", clv: null, growthPct: null, effortShare: 0.8226, valueShare: 0.3, ratio: 2.74, service: "over", ...over,
});
const acme = account({});
const beta = account({ accountId: "00000000-0000-4000-8000-0000000000a2", name: "Beta", tier: "key", totalMinutes: 60, loggedMinutes: 60, estimatedMinutes: 0, effortShare: 0.0968, valueShare: 0.5, service: "under" });
const SETTINGS = { keySharePct: 70, overRatio: 1.5, underRatio: 0.5, version: 0 };
const ALLOCATION: TEffortAllocation = {
  from: "2026-04-01", to: "2026-06-30", currency: "CNY", basis: "revenue", settings: SETTINGS, matrixRunId: null, clvRunId: null,
  totals: { minutes: 620, loggedMinutes: 500, estimatedMinutes: 120, value: "10000.00" },
  split: { keyMinutes: 570, growthMinutes: 50, otherMinutes: 0, keyPct: 91.9, growthPct: 8.1, targetKeyPct: 70, targetGrowthPct: 30, deviationPts: 21.9 },
  quadrants: [{ quadrant: "unclassified", accounts: 2, minutes: 570, effortShare: 0.92, value: "8000.00", valueShare: 0.8 }],
  accounts: [acme, beta], overServed: [acme], underServed: [beta],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("EffortPage", () => {
  it("shows a director the key/growth split against its target and the accounts outside the band, linked to their effort", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/effort/allocation": ALLOCATION, "/api/effort/settings": SETTINGS })));
    await renderWithProviders(<EffortPage />, { me: { ...ME, role: "director" } });
    expect(await screen.findByText("Key 91.9%")).toBeInTheDocument();
    expect(screen.getByText("Target 70 / 30")).toBeInTheDocument();
    expect(screen.getByText("21.9 points more on key accounts than the target")).toBeInTheDocument();
    const over = within(screen.getByTestId("over-served"));
    expect(over.getByRole("link", { name: "Acme" })).toHaveAttribute("href", `/accounts/${acme.accountId}?tab=effort`);
    expect(over.getByText("82.3%")).toBeInTheDocument();
    expect(within(screen.getByTestId("under-served")).getByRole("link", { name: "Beta" })).toBeInTheDocument();
    expect(screen.getByText(/no matrix run yet/)).toBeInTheDocument();
    expect(screen.getByText("10 h 20 min")).toBeInTheDocument();
  });

  it("tells an account manager where to log their own time instead", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/effort/allocation": ALLOCATION, "/api/effort/settings": SETTINGS })));
    await renderWithProviders(<EffortPage />);
    expect(await screen.findByText("For directors and admins")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Target and band" })).not.toBeInTheDocument();
  });
});
