import type { TAnalysisResult } from "@openkam/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeFetch } from "../orders/testing/render";
import { RunView } from "./RunView";
import { renderIdentify, runOf } from "./testing/render";

// Canvas charts do not draw in jsdom; the chart is replaced by its accessible name, which is what the test reads.
vi.mock("./IdentifyChart", () => ({ IdentifyChart: ({ label }: { label: string }) => <div role="img" aria-label={label} /> }));

const RUN_ID = "00000000-0000-4000-8000-0000000000a1";
const none = { yoyGrowth: null, relativeSlope: null, walletHeadroom: null, pipelineRatio: null, strategicImportance: null };
const matrixResult = (accountId: string, accountName: string, group: string, revenue: number, contribution: number, growth: number): TAnalysisResult => ({
  accountId, accountName, tier: "growth", ownerName: null, group,
  values: {
    revenue, revenuePrevious12m: revenue / 2, monthlyRevenue: [], contribution, growth,
    components: { ...none, yoyGrowth: 1, relativeSlope: 0.05 },
    componentScores: { ...none, yoyGrowth: 1, relativeSlope: 0.8 },
  },
});
const ACME = matrixResult("00000000-0000-4000-8000-0000000000c1", "Acme Tools", "strategic_partner", 800_000, 0.8, 0.9);
const BOLT = matrixResult("00000000-0000-4000-8000-0000000000c2", "Bolt Works", "dog", 200_000, 0.2, 0.1);

function server(run: ReturnType<typeof runOf>) {
  const queries: URLSearchParams[] = [];
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    [`/api/analytics/runs/${RUN_ID}`]: ({ url }: { url: URL }) => {
      queries.push(url.searchParams);
      const group = url.searchParams.get("group");
      const all = [ACME, BOLT];
      return { run, results: { items: group ? all.filter((r) => r.group === group) : all, nextCursor: null } };
    },
  })));
  return queries;
}

beforeAll(() => {
  // jsdom has no layout: the drill-down scrolls the list into view.
  Element.prototype.scrollIntoView ??= () => {};
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("RunView", () => {
  const matrix = runOf("matrix", {
    parameters: {},
    summary: { excludedOrders: { currency: 3, future: 1 }, thresholds: { contribution: 0.5, growth: 0.5 }, counts: { strategic_partner: 1, cash_cow: 0, problem_account: 0, dog: 1 } },
  });

  it("shows the inputs, the quadrant counts and the chart, and drills into a quadrant", async () => {
    const queries = server(matrix);
    await renderIdentify(<RunView />, { route: `/identify/runs/${RUN_ID}`, path: "/identify/runs/:id" });

    expect(await screen.findByTestId("quadrant-count-strategic_partner")).toHaveTextContent("1");
    expect(screen.getByTestId("quadrant-count-cash_cow")).toHaveTextContent("0");
    expect(screen.getByText("50.00% (median)")).toBeInTheDocument();
    expect(screen.getByText("0.50 (median)")).toBeInTheDocument();
    expect(screen.getByText("Left out: 3 orders in another currency than CNY and 1 orders dated after the as-of date.")).toBeInTheDocument();
    expect(await screen.findByRole("img", { name: /^Bubble chart of 2 accounts/ })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", `/api/analytics/runs/${RUN_ID}/results.csv`);

    await userEvent.click(screen.getByRole("button", { name: "Show the 1 accounts in Strategic partners" }));
    expect(await screen.findByRole("heading", { name: "Accounts: Strategic partners" })).toBeInTheDocument();
    await waitFor(() => expect(queries.some((q) => q.get("group") === "strategic_partner" && q.get("limit") === "50")).toBe(true));
    const table = screen.getByTestId("run-results");
    await waitFor(() => expect(within(table).queryByText("Bolt Works")).toBeNull());
    // The export follows the drill-down: what the list shows is what the file holds.
    expect(screen.getByRole("link", { name: "Export this group (CSV)" })).toHaveAttribute("href", `/api/analytics/runs/${RUN_ID}/results.csv?group=strategic_partner`);

    await userEvent.click(within(table).getByRole("button", { name: "Show the inputs behind the score of Acme Tools" }));
    const explanation = screen.getByRole("table", { name: "Growth potential of Acme Tools" });
    const yoy = within(explanation).getByText("Growth on last year").closest("tr")!;
    expect(yoy).toHaveTextContent("+100.0%");
    expect(yoy).toHaveTextContent("50%");
    expect(within(explanation).getByText("Share-of-wallet headroom").closest("tr")).toHaveTextContent("Unknown, left out");
    expect(within(explanation).getByText("0.900", { exact: true })).toBeInTheDocument();
  }, 30_000);

  it("follows a queued run and shows a failed run's error instead of figures", async () => {
    server(runOf("rfm", { status: "failed", error: "No orders in CNY", parameters: {}, summary: null, accountCount: 0 }));
    await renderIdentify(<RunView />, { route: `/identify/runs/${RUN_ID}`, path: "/identify/runs/:id" });
    expect(await screen.findByText("No orders in CNY")).toBeInTheDocument();
    expect(screen.getByText("The analysis failed")).toBeInTheDocument();
    expect(screen.queryByTestId("run-results")).toBeNull();
    expect(screen.queryByRole("link", { name: "Export CSV" })).toBeNull();
    expect(document.body.textContent).not.toMatch(/NaN|undefined/);
  }, 20_000);

  it("deletes a finished run after asking, and offers it to an account manager only on their own runs", async () => {
    const run = runOf("rfm", { status: "failed", error: "No orders in CNY", parameters: {}, summary: null, accountCount: 0 });
    const deleted: string[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/analytics/runs/${RUN_ID}`]: { run, results: { items: [], nextCursor: null } },
      [`DELETE /api/analytics/runs/${RUN_ID}`]: ({ path }: { path: string }) => { deleted.push(path); return null; },
      "/api/analytics/runs": { items: [], nextCursor: null },
    })));
    await renderIdentify(<RunView />, { route: `/identify/runs/${RUN_ID}`, path: "/identify/runs/:id" });
    await userEvent.click(await screen.findByRole("button", { name: "Delete" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete this run?" });
    expect(dialog).toHaveTextContent("RFM analysis · Mar 31, 2026 and its results will be deleted for everyone.");
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(deleted).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Delete" }));
    await userEvent.click(within(await screen.findByRole("dialog", { name: "Delete this run?" })).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(deleted).toEqual([`/api/analytics/runs/${RUN_ID}`]));
    cleanup();

    // Someone else's run: an account manager may not delete it, a director may.
    const others = { ...run, createdBy: { id: "00000000-0000-4000-8000-0000000000f9", name: "Lee" } };
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/analytics/runs/${RUN_ID}`]: { run: others, results: { items: [], nextCursor: null } } })));
    await renderIdentify(<RunView />, { route: `/identify/runs/${RUN_ID}`, path: "/identify/runs/:id", role: "account_manager" });
    expect(await screen.findByText("No orders in CNY")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
    cleanup();
    await renderIdentify(<RunView />, { route: `/identify/runs/${RUN_ID}`, path: "/identify/runs/:id", role: "director" });
    expect(await screen.findByRole("button", { name: "Delete" })).toBeInTheDocument();
  }, 30_000);

  it("shows an empty state for a run without accounts, never NaN", async () => {
    server(runOf("pareto", {
      parameters: {}, accountCount: 0,
      summary: { excludedOrders: { currency: 0, future: 0 }, customers: 0, totalRevenue: 0, top20Share: 0, gini: 0, classCounts: { A: 0, B: 0, C: 0 }, curve: [] },
    }));
    await renderIdentify(<RunView />, { route: `/identify/runs/${RUN_ID}`, path: "/identify/runs/:id" });
    expect(await screen.findByText("No accounts to analyse")).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|undefined|Infinity/);
  }, 20_000);
});
