import type { TCaseDetail, TSlaClock } from "@openkam/contracts";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, renderWithProviders } from "../orders/testing/render";
import { CasePage } from "./CasePage";

const ID = "00000000-0000-4000-8000-0000000000c1";
const clock = (extra: Partial<TSlaClock>): TSlaClock => ({
  state: "running", targetMinutes: 120, businessHours: false, elapsedMinutes: 30, remainingMinutes: 90, dueAt: "2026-03-04T10:00:00Z", stoppedAt: null, ...extra,
});
const found = (extra: Partial<TCaseDetail> = {}): TCaseDetail => ({
  id: ID, accountId: "00000000-0000-4000-8000-0000000000aa", accountName: "Acme", tier: "strategic", title: "Line stopped", description: null,
  priority: "P1", status: "open", assigneeUserId: null, assigneeName: null, openedAt: "2026-03-04T08:00:00Z", firstResponseAt: null, resolvedAt: null,
  actions: ["respond", "wait_on_customer", "resolve", "note"],
  sla: { state: "at_risk", firstResponse: clock({ state: "at_risk", elapsedMinutes: 100, remainingMinutes: 20 }), resolution: clock({ targetMinutes: 1440, remainingMinutes: 1340 }), computedAt: "2026-03-04T09:40:00Z" },
  createdAt: "2026-03-04T08:00:00Z", updatedAt: "2026-03-04T08:00:00Z", version: 1,
  events: [{ id: "00000000-0000-4000-8000-0000000000e1", type: "opened", at: "2026-03-04T08:00:00Z", status: "open", actorUserId: null, actorName: "Kim", body: null, detail: null }],
  ...extra,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("CasePage", () => {
  it("shows each clock's state and time left, and records an action with its message", async () => {
    const posts: unknown[] = [];
    const paused = found({
      status: "waiting_on_customer", actions: ["respond", "customer_replied", "resolve", "note"],
      sla: { state: "paused", firstResponse: clock({ state: "paused", dueAt: null, elapsedMinutes: 100, remainingMinutes: 20 }), resolution: clock({ state: "paused", dueAt: null, targetMinutes: 1440 }), computedAt: "2026-03-04T09:41:00Z" },
      version: 2,
    });
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/cases/${ID}`]: () => found(),
      "/api/users/options": { items: [] },
      [`POST /api/cases/${ID}/events`]: ({ body }: { body: unknown }) => {
        posts.push(body);
        return paused;
      },
    })));
    await renderWithProviders(<CasePage />, { route: `/cases/${ID}`, path: "/cases/:id" });

    const first = await screen.findByTestId("clock-First response");
    expect(within(first).getByText("At risk")).toBeTruthy();
    expect(within(first).getByText(/20 min left · due/)).toBeTruthy();
    expect(within(screen.getByTestId("clock-Resolution")).getByText(/22 h 20 min left/)).toBeTruthy();
    expect(within(first).getByText(/Target 2 h · around the clock/)).toBeTruthy();

    await userEvent.type(screen.getByLabelText(/^Message/), "Please send the logs");
    await userEvent.click(screen.getByRole("button", { name: "Wait on customer" }));
    expect(await within(screen.getByTestId("clock-Resolution")).findByText(/Paused while waiting on the customer/)).toBeTruthy();
    expect(posts).toEqual([{ action: "wait_on_customer", body: "Please send the logs", version: 1 }]);
    expect(screen.getByRole("button", { name: "Customer replied" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Wait on customer" })).toBeNull();
  });
});
