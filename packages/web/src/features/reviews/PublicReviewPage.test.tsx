import type { TPublicReview } from "@openkam/contracts";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeHttpError, fakeFetch, renderWithProviders } from "../orders/testing/render";
import { PublicReviewPage } from "./PublicReviewPage";

const TOKEN = "AZCgoBI0erqN7wEjRWeJqw.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const REVIEW: TPublicReview = {
  organizationName: "<script>alert(1)</script> Supplier",
  title: "H1 review",
  language: "zh-CN",
  criteria: [
    { key: "responsiveness", labels: { en: "Responsiveness", "zh-CN": "响应速度" } },
    { key: "value_delivered", labels: { en: "Value delivered", "zh-CN": "交付的价值" } },
  ],
  expiresAt: "2030-01-01T00:00:00Z",
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const render = () => renderWithProviders(<PublicReviewPage />, { route: `/r/${TOKEN}`, path: "/r/:token" });

describe("PublicReviewPage", () => {
  it("speaks the invitation's language, shows names as text, and sends the ratings with a submission id kept across retries", async () => {
    const bodies: unknown[] = [];
    let online = false;
    vi.stubGlobal("fetch", vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? "GET") === "POST") {
        bodies.push(JSON.parse(String(init!.body)));
        if (!online) throw new TypeError("Failed to fetch");
      }
      return fakeFetch({ [`/api/public/reviews/${TOKEN}`]: REVIEW, [`POST /api/public/reviews/${TOKEN}/ratings`]: { submissionId: "x", respondedAt: "2026-06-01T00:00:00Z" } })(input, init);
    }));
    await render();
    expect(await screen.findByText("1. 响应速度")).toBeInTheDocument();
    expect(screen.getByText("<script>alert(1)</script> Supplier")).toBeInTheDocument();
    expect(document.querySelector("script")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "提交" }));
    expect(await screen.findByText("请至少为一项打分。")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(await screen.findByText("1. Responsiveness")).toBeInTheDocument();
    fireEvent.click(screen.getAllByRole("radio", { name: "2" })[0]!);
    fireEvent.click(screen.getAllByRole("radio", { name: "Can't say" })[1]!);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(await screen.findByText("Not sent yet")).toBeInTheDocument();
    online = true;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Thank you!")).toBeInTheDocument();
    const [first, second] = bodies as Array<{ submissionId: string; ratings: unknown; language: string }>;
    expect(second!.submissionId).toBe(first!.submissionId);
    expect(second).toMatchObject({ ratings: { responsiveness: 2, value_delivered: null }, language: "en", comment: null });
  });

  it("says kindly when the link was already answered or has expired", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/public/reviews/${TOKEN}`]: () => { throw new FakeHttpError(410, { status: 410, code: "LINK_EXPIRED" }); } })));
    await render();
    expect(await screen.findByText("This link has expired")).toBeInTheDocument();
    cleanup();
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/public/reviews/${TOKEN}`]: () => { throw new FakeHttpError(409, { status: 409, code: "ALREADY_ANSWERED" }); } })));
    await render();
    expect(await screen.findByText("Already answered")).toBeInTheDocument();
  });
});
