import type { TProgrammeOverview } from "@openkam/contracts";
import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { ProgrammePage } from "./ProgrammePage";

const EMPTY: TProgrammeOverview = { programme: null, accounts: [], goals: [], pilotStatus: "empty", currency: "CNY" };
const RUNNING: TProgrammeOverview = {
  programme: { id: "00000000-0000-4000-8000-0000000000f1", name: "KAM pilot", description: null, startsOn: null, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", version: 1 },
  accounts: [{ accountId: "00000000-0000-4000-8000-0000000000a1", name: "Acme", tier: "strategic", status: "active", ownerUserId: null, addedAt: "2026-01-01T00:00:00Z", revenueGrowthPct: 12.5, hasApprovedPlan: true, cadenceOverdue: false, hasChampion: false }],
  goals: [{ id: "00000000-0000-4000-8000-0000000000e1", title: "Revenue growth ≥ 10%", kind: "revenue_growth", target: 10, unit: "%", currentValue: 12.5, progressPct: 100, achieved: true, position: 0, version: 1 }],
  pilotStatus: "too_small",
  currency: "CNY",
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ProgrammePage", () => {
  it("explains the 3-5 account pilot and lets a director set the programme up", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/programme": EMPTY })));
    await renderWithProviders(<ProgrammePage />, { me: { ...ME, role: "director" } });
    expect(await screen.findByText(/start with a pilot of 3 to 5 accounts/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Set up the programme" })).toBeInTheDocument();
  });

  it("shows goals with their progress and the cohort, read-only for an account manager", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/programme": RUNNING })));
    await renderWithProviders(<ProgrammePage />);
    expect(await screen.findByText("12.5% of 10%")).toBeInTheDocument();
    expect(screen.getByText("Achieved")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Acme" })).toBeInTheDocument();
    expect(screen.getByText(/A pilot works best with 3 to 5 accounts/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add a goal" })).not.toBeInTheDocument();
  });
});
