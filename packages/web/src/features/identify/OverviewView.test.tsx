import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch } from "../orders/testing/render";
import { OverviewView } from "./OverviewView";
import { renderIdentify, runOf } from "./testing/render";

const SELECTION_ID = "00000000-0000-4000-8000-0000000000b7";
const selection = runOf("selection", {
  id: SELECTION_ID,
  parameters: { rule: { field: "quadrant", op: "eq", value: "strategic_partner" } },
  summary: { excludedOrders: { currency: 0, future: 0 }, rule: { field: "quadrant", op: "eq", value: "strategic_partner" }, selected: 3, notSelected: 7, sources: { quadrant: null, rfmSegment: null, abcClass: null, clv: null } },
});

/** Each kind's latest runs: the selection's when given, none of the other kinds. */
function server(selectionRuns: unknown[]) {
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    "/api/analytics/runs": ({ url }: { url: URL }) => ({ items: url.searchParams.get("kind") === "selection" ? selectionRuns : [], nextCursor: null }),
  })));
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("OverviewView", () => {
  it("opens the rule builder on the latest selection rule evaluated", async () => {
    server([selection]);
    await renderIdentify(<OverviewView />, { route: "/identify", path: "/identify" });
    const card = await screen.findByTestId("overview-selection");
    expect(await within(card).findByText("3")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Open the rule builder" })).toHaveAttribute("href", `/identify/rules?run=${SELECTION_ID}`);
  });

  it("opens an empty rule builder before any selection", async () => {
    server([]);
    await renderIdentify(<OverviewView />, { route: "/identify", path: "/identify" });
    const card = await screen.findByTestId("overview-selection");
    expect(await within(card).findByText("Not run yet.")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Open the rule builder" })).toHaveAttribute("href", "/identify/rules");
  });
});
