import type { TPlan } from "@openkam/contracts";
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { PlanPage } from "./PlanPage";

const ACCOUNT = "00000000-0000-4000-8000-0000000000aa";
const PLAN = "00000000-0000-4000-8000-0000000000bb";

const plan = (extra: Partial<TPlan> = {}): TPlan => ({
  id: PLAN, accountId: ACCOUNT, title: "2026 Strategic plan", templateKey: "strategic", periodStart: "2026-01-01", periodEnd: "2026-12-31",
  status: "draft", progress: 40, actionCompletion: 0, submittedAt: null, approvedVersion: null, approvedAt: null, approvedBy: null, reviewComment: null,
  createdAt: "2026-01-02T00:00:00.000Z", updatedAt: "2026-01-02T00:00:00.000Z", version: 3,
  content: {
    situation: "Solid", swot: { strengths: ["Quality"], weaknesses: [], opportunities: [], threats: [] }, customerGoals: [],
    objectives: [{ id: "00000000-0000-4000-8000-000000000011", title: "Grow revenue", kpiKind: "revenue", unit: "CNY", baseline: 0, target: 100, current: 40, weight: 1 }],
    actions: [], risks: [],
  },
  ...extra,
});

type Call = { method: string; path: string; body: unknown; headers: Record<string, string> };

function server(current: TPlan) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    [`/api/plans/${PLAN}`]: () => current,
    [`/api/accounts/${ACCOUNT}`]: { id: ACCOUNT, name: "Acme" },
    "/api/users/options": { items: [{ id: ME.user.id, name: "Kim" }] },
    [`PATCH /api/plans/${PLAN}`]: (call: Call) => {
      calls.push(call);
      return { ...current, ...(call.body as object), version: current.version + 1 };
    },
    [`POST /api/plans/${PLAN}/`]: (call: Call) => {
      calls.push(call);
      return { ...current, status: "submitted", version: current.version + 1 };
    },
  })));
  return calls;
}

const render = (me = ME) => renderWithProviders(<PlanPage />, { route: `/accounts/${ACCOUNT}/plans/${PLAN}`, path: "/accounts/:id/plans/:planId", me });

beforeAll(() => {
  // jsdom has no font loading; autosizing text areas listen for it.
  if (!("fonts" in document)) Object.defineProperty(document, "fonts", { value: { addEventListener: () => {}, removeEventListener: () => {} }, configurable: true });
  if (!("ResizeObserver" in window)) vi.stubGlobal("ResizeObserver", class { observe() {} unobserve() {} disconnect() {} });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** The page mounts every section with Mantine inputs: slower than most in jsdom. */
const SLOW = 20_000;

describe("PlanPage", () => {
  it("saves the edited sections with the version read, then offers submission but not approval to an account manager", async () => {
    const calls = server(plan());
    await render();
    const situation = await screen.findByRole("textbox", { name: "Situation" });
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
    fireEvent.change(situation, { target: { value: "Growing" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.headers["if-match"]).toBe('"3"');
    expect(calls[0]!.body).toMatchObject({ title: "2026 Strategic plan", content: { situation: "Growing", swot: { strengths: ["Quality"] } } });
    fireEvent.click(await screen.findByRole("button", { name: "Submit for approval" }));
    await waitFor(() => expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(`POST /api/plans/${PLAN}/submit`));
  }, SLOW);

  it("shows a submitted plan read-only, with approval for a director", async () => {
    server(plan({ status: "submitted" }));
    await render({ ...ME, role: "director" });
    await screen.findByRole("button", { name: "Approve" });
    expect(screen.getByRole("button", { name: "Request changes" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect((screen.getByRole("textbox", { name: "Situation" }) as HTMLTextAreaElement).readOnly).toBe(true);
  }, SLOW);

  it("flags an action due before the plan starts and will not save it", async () => {
    server(plan());
    await render();
    fireEvent.click(await screen.findByRole("button", { name: "Add action" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Action" }), { target: { value: "Visit" } });
    fireEvent.change(screen.getByLabelText("Due"), { target: { value: "2025-12-01" } });
    await screen.findByText("Due before the plan starts");
    expect((screen.getByRole("button", { name: "Save" }) as HTMLButtonElement).disabled).toBe(true);
  }, SLOW);
});
