import type { TFeedbackItem, TFeedbackMetrics } from "@openkam/contracts";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, renderWithProviders } from "../orders/testing/render";
import { FeedbackPage } from "./FeedbackPage";
import { RecordFeedbackButton } from "./RecordFeedbackModal";

const ACCOUNT = "00000000-0000-4000-8000-0000000000a1";
const item = (id: string, patch: Partial<TFeedbackItem>): TFeedbackItem => ({
  id: `00000000-0000-4000-8000-0000000000${id}`, accountId: ACCOUNT, accountName: "Acme", source: "manual", sourceId: null, title: `Item ${id}`,
  description: null, category: null, severity: "medium", area: null, ownerUserId: null, ownerName: null, status: "new", action: null, emailFrom: null, emailSentAt: null,
  createdAt: "2026-03-01T00:00:00.000Z", updatedAt: "2026-03-01T00:00:00.000Z", statusChangedAt: "2026-03-01T00:00:00.000Z", closedAt: null,
  dueAt: "2026-03-06T00:00:00.000Z", overdue: false, daysOverdue: 0, version: 1, ...patch,
});
const stats = (medianDays: number | null) => ({ count: medianDays === null ? 0 : 3, medianDays, avgDays: medianDays });
const METRICS: TFeedbackMetrics = {
  from: "2025-03-01", to: "2026-03-01", total: 3,
  timeInState: { new: stats(1), acknowledged: stats(2.5), planned: stats(12), done: stats(null), informed: stats(null) },
  openByStatus: { new: 2, acknowledged: 0, planned: 0, done: 0, informed: 0 }, overdue: 1, closure: stats(20),
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("FeedbackPage", () => {
  it("shows the loop's health and the items on a board by state, the late one flagged", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/feedback/metrics": METRICS,
      "/api/feedback": { items: [item("01", { overdue: true, daysOverdue: 4 }), item("02", {}), item("03", { status: "closed", closedAt: "2026-03-05T00:00:00.000Z" })], nextCursor: null },
    })));
    await renderWithProviders(<FeedbackPage />, { route: "/feedback?view=board" });
    const column = await screen.findByRole("region", { name: "New" });
    expect(within(column).getAllByTestId("feedback-card")).toHaveLength(2);
    expect(within(column).getByText("4 d overdue")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Closed" })).getByText("Item 03")).toBeInTheDocument();
    expect(within(screen.getByRole("region", { name: "Action planned" })).getByText("None")).toBeInTheDocument();
    expect(screen.getByText("20 d")).toBeInTheDocument();
    expect(screen.getByTestId("time-in-state")).toHaveTextContent("Acknowledged 2.5 d / 2.5 d · Action planned 12 d / 12 d · Done — / —");
  }, 20_000);

  it("records feedback from an interaction with its source and account filled in", async () => {
    const posts: unknown[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/users/options": { items: [] },
      "/api/accounts": { items: [], nextCursor: null },
      "POST /api/feedback": ({ body }: { body: unknown }) => {
        posts.push(body);
        return { ...item("09", {}), transitions: [], timeInStateMs: { new: 0, acknowledged: 0, planned: 0, done: 0, informed: 0, closed: 0 }, nextStatuses: ["acknowledged"] };
      },
    })));
    await renderWithProviders(<RecordFeedbackButton accountId={ACCOUNT} source={{ type: "interaction", id: "00000000-0000-4000-8000-0000000000c1" }} />);
    await userEvent.click(screen.getByRole("button", { name: "Record feedback" }));
    const dialog = await screen.findByRole("dialog", { name: "Record feedback" });
    expect(within(dialog).queryByRole("combobox", { name: /^Account/ })).toBeNull();
    fireEvent.change(within(dialog).getByRole("textbox", { name: /^What the customer said/ }), { target: { value: "Wants weekly stock reports" } });
    await userEvent.click(within(dialog).getByRole("button", { name: "Record feedback" }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toEqual({
      accountId: ACCOUNT, source: "interaction", sourceId: "00000000-0000-4000-8000-0000000000c1", title: "Wants weekly stock reports", severity: "medium",
      description: null, category: null, area: null, ownerUserId: null,
    });
  }, 20_000);
});
