import type { TReviewCycleDetail } from "@openkam/contracts";
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { ReviewPage } from "./ReviewPage";

const ID = "00000000-0000-4000-8000-0000000000c1";
const none = { team: null, director: null, self: null, customer: null };
const DETAIL: TReviewCycleDetail = {
  id: ID, accountId: "00000000-0000-4000-8000-0000000000a1", accountName: "Acme", title: "H1 review", periodStart: "2026-01-01", periodEnd: "2026-06-30",
  status: "open", gapThreshold: 1, overall: 3.67, gapCount: 1, createdAt: "2026-06-01T00:00:00Z", closedAt: null, version: 1,
  progress: { team: { invited: 1, answered: 0 }, director: { invited: 1, answered: 1 }, self: { invited: 1, answered: 1 }, customer: { invited: 1, answered: 1 } },
  criteria: [{ key: "responsiveness", labels: { en: "Responsiveness", "zh-CN": "响应速度" } }],
  invitations: [
    { id: "00000000-0000-4000-8000-0000000000d1", view: "team", userId: ME.user.id, name: "Kim", email: null, language: "en", sentAt: null, expiresAt: null, respondedAt: null },
    { id: "00000000-0000-4000-8000-0000000000d2", view: "customer", userId: null, name: "Buyer", email: null, language: "en", sentAt: null, expiresAt: null, respondedAt: "2026-06-02T00:00:00Z" },
  ],
  results: {
    criteria: [{ key: "responsiveness", averages: { ...none, director: 4, self: 5, customer: 2 }, counts: { team: 0, director: 1, self: 1, customer: 1 }, overall: 3.67, spread: 3, gaps: [{ criterionKey: "responsiveness", higher: "self", lower: "customer", difference: 3 }] }],
    viewOverall: { ...none, director: 4, self: 5, customer: 2 }, overall: 3.67,
    gaps: [{ criterionKey: "responsiveness", higher: "self", lower: "customer", difference: 3 }],
  },
  comments: [{ view: "customer", comment: "<b>Slow</b> answers" }],
  canManage: false,
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ReviewPage", () => {
  it("highlights the gap between views, shows comments as text and asks the invited colleague for their answer", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/reviews/${ID}`]: DETAIL,
      "/api/reviews/pending": { items: [{ invitationId: "00000000-0000-4000-8000-0000000000d1", cycleId: ID, accountId: DETAIL.accountId, accountName: "Acme", title: "H1 review", view: "team", periodStart: "2026-01-01", periodEnd: "2026-06-30", criteria: DETAIL.criteria, invitedAt: "2026-06-01T00:00:00Z" }] },
    })));
    await renderWithProviders(<ReviewPage />, { route: `/reviews/${ID}`, path: "/reviews/:id" });
    const gaps = within(await screen.findByTestId("review-gaps"));
    expect(gaps.getByText("Responsiveness: Self-assessment rates higher than Customer")).toBeInTheDocument();
    expect(gaps.getByText("3.00")).toBeInTheDocument();
    expect(document.querySelectorAll("[data-gap]")).toHaveLength(2);
    expect(screen.getByText("<b>Slow</b> answers")).toBeInTheDocument();
    expect(within(await screen.findByTestId("answer-card")).getByText(/You answer as: Account team/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Close review" })).not.toBeInTheDocument();
  });
});
