import type { TAnalysisResult } from "@openkam/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeFetch } from "../orders/testing/render";
import { RulesView } from "./RulesView";
import { renderIdentify, runOf } from "./testing/render";

const RUN_ID = "00000000-0000-4000-8000-0000000000b1";
const ACME = "00000000-0000-4000-8000-0000000000c1";
const BOLT = "00000000-0000-4000-8000-0000000000c2";
const MATRIX_RUN = "00000000-0000-4000-8000-0000000000b2";
const RULE = { any: [{ field: "revenue12m", op: "gte", value: 1_000_000 }, { field: "quadrant", op: "eq", value: "strategic_partner" }] };

const result = (accountId: string, accountName: string, passed: boolean, revenue: number, quadrant: string | null): TAnalysisResult => ({
  accountId, accountName, tier: "growth", ownerName: "Kim", group: passed ? "selected" : "not_selected",
  values: {
    passed,
    conditions: [
      { path: "0", field: "revenue12m", op: "gte", value: 1_000_000, actual: revenue, held: revenue >= 1_000_000 },
      { path: "1", field: "quadrant", op: "eq", value: "strategic_partner", actual: quadrant, held: quadrant === "strategic_partner" },
    ],
  },
});

function server() {
  const posts: Array<{ path: string; body: unknown }> = [];
  const run = runOf("selection", {
    id: RUN_ID, parameters: { rule: RULE } as never,
    summary: { excludedOrders: { currency: 0, future: 0 }, rule: RULE as never, selected: 1, notSelected: 1, sources: { quadrant: MATRIX_RUN, rfmSegment: null, abcClass: null, clv: null } },
  });
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    "POST /api/analytics/runs": ({ path, body }: { path: string; body: unknown }) => {
      posts.push({ path, body });
      return path.endsWith("/promote") ? { promoted: 1, unchanged: 0 } : { ...run, status: "queued", summary: null };
    },
    [`/api/analytics/runs/${RUN_ID}`]: { run, results: { items: [result(ACME, "Acme Tools", true, 1_250_000, "cash_cow"), result(BOLT, "Bolt Works", false, 200_000, null)], nextCursor: null } },
  })));
  return posts;
}

beforeAll(() => {
  // jsdom has no layout: the option lists scroll their active option into view.
  Element.prototype.scrollIntoView ??= () => {};
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function pick(label: string, index: number, option: string) {
  await userEvent.click(screen.getAllByRole("combobox", { name: label })[index]!);
  await userEvent.click(await screen.findByRole("option", { name: option }));
}

describe("RulesView", () => {
  it("builds “revenue ≥ 1,000,000 OR quadrant = strategic partner”, evaluates it, explains each account and promotes one with a reason", async () => {
    const posts = server();
    await renderIdentify(<RulesView />, { route: "/identify/rules", path: "/identify/rules" });

    await userEvent.type(screen.getByRole("textbox", { name: "Value" }), "1,000,000");
    await userEvent.click(screen.getByRole("radio", { name: "Any of (OR)" }));
    await userEvent.click(screen.getByRole("button", { name: "Condition" }));
    await pick("Field", 1, "Matrix quadrant");
    await pick("Value", 0, "Strategic partners");
    expect(screen.getByText("Revenue (12 months) ≥ CN¥1,000,000.00 OR Matrix quadrant = Strategic partners")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Evaluate" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({ path: "/api/analytics/runs", body: { kind: "selection", parameters: { rule: RULE } } });

    const table = await screen.findByTestId("selection-results", {}, { timeout: 5000 });
    const acme = within(table).getByText("Acme Tools").closest("tr")!;
    expect(within(acme).getByLabelText("Met: Revenue (12 months) ≥ CN¥1,000,000.00; the account's value is CN¥1,250,000.00")).toBeInTheDocument();
    expect(within(acme).getByLabelText("Not met: Matrix quadrant = Strategic partners; the account's value is Cash cows")).toBeInTheDocument();
    // The quadrant facts are traceable to the matrix run they came from.
    expect(screen.getByRole("link", { name: "Segmentation matrix" })).toHaveAttribute("href", `/identify/runs/${MATRIX_RUN}`);
    const bolt = within(table).getByText("Bolt Works").closest("tr")!;
    expect(within(bolt).getByLabelText("Not met: Matrix quadrant = Strategic partners; the account's value is unknown")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("checkbox", { name: "Select Acme Tools" }));
    await userEvent.click(screen.getByRole("button", { name: "Promote to key/strategic (1)" }));
    const dialog = await screen.findByRole("dialog", { name: "Promote the selected accounts (1)" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Promote" }));
    expect(await within(dialog).findByText("Give the reason for the promotion.")).toBeInTheDocument();
    expect(posts).toHaveLength(1);

    await userEvent.type(within(dialog).getByRole("textbox", { name: "Reason" }), "Top revenue, growing every quarter");
    await userEvent.click(within(dialog).getByRole("button", { name: "Promote" }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]).toEqual({ path: `/api/analytics/runs/${RUN_ID}/promote`, body: { accountIds: [ACME], tier: "key", reason: "Top revenue, growing every quarter" } });
    expect(await screen.findByText("1 promoted to Key, 0 already there.")).toBeInTheDocument();
  }, 60_000);

  it("offers the latest selection when opened without one, and opens it with its rule and results", async () => {
    server();
    const latest = runOf("selection", {
      id: RUN_ID, asOf: "2026-06-30", parameters: { rule: RULE } as never,
      summary: { excludedOrders: { currency: 0, future: 0 }, rule: RULE as never, selected: 1, notSelected: 1, sources: { quadrant: MATRIX_RUN, rfmSegment: null, abcClass: null, clv: null } },
    });
    const failed = runOf("selection", { id: "00000000-0000-4000-8000-0000000000b3", status: "failed", summary: null, error: "stopped" } as never);
    const answer = vi.mocked(fetch).getMockImplementation()!;
    vi.stubGlobal("fetch", vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const url = new URL(href, "http://localhost");
      if (url.pathname === "/api/analytics/runs" && (init?.method ?? "GET") === "GET") {
        expect(url.searchParams.get("kind")).toBe("selection");
        return Promise.resolve(new Response(JSON.stringify({ items: [failed, latest], nextCursor: null }), { status: 200, headers: { "content-type": "application/json" } }));
      }
      return answer(input, init);
    }));
    await renderIdentify(<RulesView />, { route: "/identify/rules", path: "/identify/rules" });
    const offer = await screen.findByTestId("latest-selection");
    // The newest that succeeded, not the failed one after it.
    expect(offer).toHaveTextContent("As of Jun 30, 2026, 1 of 2 accounts were selected by “Revenue (12 months) ≥ CN¥1,000,000.00 OR Matrix quadrant = Strategic partners”.");
    expect(screen.getByText("complete the conditions to see the rule")).toBeInTheDocument();

    await userEvent.click(within(offer).getByRole("button", { name: "Open it to adjust" }));
    expect(await screen.findByTestId("selection-results", {}, { timeout: 5000 })).toHaveTextContent("Acme Tools");
    expect(screen.getByText("Revenue (12 months) ≥ CN¥1,000,000.00 OR Matrix quadrant = Strategic partners")).toBeInTheDocument();
    expect(screen.queryByTestId("latest-selection")).toBeNull();
  });

  it("shows what is missing instead of sending an incomplete rule", async () => {
    const posts = server();
    await renderIdentify(<RulesView />, { route: "/identify/rules", path: "/identify/rules" });
    await userEvent.click(screen.getByRole("button", { name: "Group" }));
    await userEvent.type(screen.getAllByRole("textbox", { name: "Value" })[1]!, "abc");
    await userEvent.click(screen.getByRole("button", { name: "Evaluate" }));
    expect(await screen.findByText("Enter a value.")).toBeInTheDocument();
    expect(screen.getByText("Enter a number.")).toBeInTheDocument();
    expect(posts).toEqual([]);
  }, 30_000);

  it("keeps promotion for directors and admins", async () => {
    server();
    await renderIdentify(<RulesView />, { route: `/identify/rules?run=${RUN_ID}`, path: "/identify/rules", role: "account_manager" });
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select Acme Tools" }));
    expect(screen.getByRole("button", { name: "Promote to key/strategic (1)" })).toBeDisabled();
    // The rule of the linked run is loaded into the builder.
    expect(screen.getByText("Revenue (12 months) ≥ CN¥1,000,000.00 OR Matrix quadrant = Strategic partners")).toBeInTheDocument();
  }, 30_000);
});
