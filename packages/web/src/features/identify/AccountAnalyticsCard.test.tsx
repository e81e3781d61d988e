import type { TAccountAnalytics, TTierHistory } from "@openkam/contracts";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch } from "../orders/testing/render";
import { AccountAnalyticsCard } from "./AccountAnalyticsCard";
import { AccountTierHistory } from "./AccountTierHistory";
import { renderIdentify } from "./testing/render";

const ACCOUNT = "00000000-0000-4000-8000-0000000000c1";
const CLV_RUN = "00000000-0000-4000-8000-0000000000d1";
const RFM_RUN = "00000000-0000-4000-8000-0000000000d2";
const MATRIX_RUN = "00000000-0000-4000-8000-0000000000d3";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("AccountAnalyticsCard", () => {
  it("shows the account's CLV, RFM segment and quadrant with the run each comes from, and says what was not analysed", async () => {
    const analytics: TAccountAnalytics = {
      clv: { runId: CLV_RUN, asOf: "2026-03-31", clv: 1234.5, pAlive: 0.853, expectedPurchases: 4.25, expectedAverageSpend: 290.47 },
      rfm: { runId: RFM_RUN, asOf: "2026-03-30", segment: "champions", r: 5, f: 4, m: 5 },
      quadrant: { runId: MATRIX_RUN, asOf: "2026-03-29", quadrant: "strategic_partner" },
      abcClass: null,
    };
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/accounts/${ACCOUNT}/analytics`]: analytics })));
    await renderIdentify(<AccountAnalyticsCard accountId={ACCOUNT} />, { route: "/accounts/x", path: "/accounts/x" });

    expect(await screen.findByTestId("account-clv")).toHaveTextContent("CN¥1,234.50");
    expect(screen.getByText("85.3%")).toBeInTheDocument();
    expect(screen.getByText("4.25")).toBeInTheDocument();
    expect(screen.getByText("CN¥290.47")).toBeInTheDocument();
    expect(screen.getByText("Champions")).toBeInTheDocument();
    expect(screen.getByLabelText("Recency 5, frequency 4, monetary 5")).toHaveTextContent("R 5 · F 4 · M 5");
    expect(screen.getByTestId("account-quadrant")).toHaveTextContent("Strategic partners");
    const sources = screen.getAllByRole("link", { name: /^As of .* · open the analysis$/ }).map((a) => a.getAttribute("href"));
    expect(sources).toEqual([`/identify/runs/${CLV_RUN}`, `/identify/runs/${RFM_RUN}`, `/identify/runs/${MATRIX_RUN}`]);
    expect(screen.getAllByText("Not in an analysis yet.")).toHaveLength(1);
  }, 20_000);
});

describe("AccountTierHistory", () => {
  it("lists the tier changes with who, why and the analysis behind them", async () => {
    const history: TTierHistory = {
      items: [
        { id: "00000000-0000-4000-8000-0000000000e1", fromTier: "growth", toTier: "key", reason: "Top revenue, growing", runId: MATRIX_RUN, changedAt: "2026-04-01T09:30:00Z", changedBy: { id: "00000000-0000-4000-8000-0000000000f1", name: "Lin Director" } },
        { id: "00000000-0000-4000-8000-0000000000e2", fromTier: "standard", toTier: "growth", reason: null, runId: null, changedAt: "2025-06-01T09:30:00Z", changedBy: null },
      ],
    };
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/accounts/${ACCOUNT}/tier-history`]: history })));
    await renderIdentify(<AccountTierHistory accountId={ACCOUNT} />, { route: "/accounts/x", path: "/accounts/x" });

    const list = await screen.findByTestId("tier-history");
    expect(within(list).getByText("Top revenue, growing")).toBeInTheDocument();
    expect(within(list).getByText(/^Lin Director, /)).toBeInTheDocument();
    expect(within(list).getByRole("link", { name: "the analysis behind it" })).toHaveAttribute("href", `/identify/runs/${MATRIX_RUN}`);
    expect(within(list).getByText("Changed without a reason (account edit).")).toBeInTheDocument();
    expect(within(list).getByText(/^System, /)).toBeInTheDocument();
    expect(within(list).getAllByText("Key")).toHaveLength(1);
  }, 20_000);

  it("says when the tier never changed", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/accounts/${ACCOUNT}/tier-history`]: { items: [] } })));
    await renderIdentify(<AccountTierHistory accountId={ACCOUNT} />, { route: "/accounts/x", path: "/accounts/x" });
    expect(await screen.findByText("The tier has not changed yet.")).toBeInTheDocument();
  }, 20_000);
});
