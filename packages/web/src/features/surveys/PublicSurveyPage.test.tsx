import type { TPublicSurvey } from "@openkam/contracts";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, FakeHttpError, renderWithProviders } from "../orders/testing/render";
import { PublicSurveyPage } from "./PublicSurveyPage";

const TOKEN = `${"A".repeat(22)}.${"b".repeat(43)}`;
const SURVEY: TPublicSurvey = {
  language: "en", invitationLanguage: "en", accountName: "Acme", title: "Quarterly check-in", intro: null, maxTextLength: 4000, expiresAt: "2030-01-01T00:00:00Z",
  questions: [
    { id: "nps", kind: "nps", required: true, prompt: "How likely are you to recommend us?", followUp: "Why?" },
    { id: "csat", kind: "csat", required: false, prompt: "How satisfied are you?" },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

const open = () => renderWithProviders(<PublicSurveyPage />, { route: `/s/${TOKEN}`, path: "/s/:token" });

describe("PublicSurveyPage", () => {
  it("re-sends the same submission id after a dropped connection and thanks the customer", async () => {
    const posted: Array<{ submissionId: string; answers: unknown; comment: unknown }> = [];
    let drop = true;
    const answer = fakeFetch({
      [`/api/public/surveys/${TOKEN}`]: SURVEY,
      [`POST /api/public/surveys/${TOKEN}/responses`]: ({ body }: { body: { submissionId: string; answers: unknown; comment: unknown } }) => {
        posted.push(body);
        return { status: "received", submissionId: body.submissionId, submittedAt: "2026-01-01T00:00:00Z" };
      },
    });
    vi.stubGlobal("fetch", vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === "POST" && drop) {
        drop = false;
        posted.push(JSON.parse(String(init.body)) as (typeof posted)[number]);
        throw new TypeError("Failed to fetch");
      }
      return answer(input, init);
    }));
    await open();
    expect(await screen.findByRole("heading", { name: "Quarterly check-in" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Send my answers" }));
    expect(await screen.findByText("Please answer this question")).toBeInTheDocument();
    const nps = screen.getByRole("radiogroup", { name: "How likely are you to recommend us?" });
    fireEvent.click(nps.querySelector('[aria-label="3"]')!);
    fireEvent.change(screen.getByRole("textbox", { name: "Why?" }), { target: { value: "<script>alert(1)</script>" } });
    fireEvent.click(screen.getByRole("button", { name: "Send my answers" }));
    expect(await screen.findByText("Your answers were not sent yet")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Thank you!" })).toBeInTheDocument();
    expect(posted).toHaveLength(2);
    expect(posted[0]!.submissionId).toBe(posted[1]!.submissionId);
    expect(posted[1]).toMatchObject({ answers: { nps: 3 }, comment: "<script>alert(1)</script>" });
  });

  it("says when the link was already answered, has expired or is unknown", async () => {
    for (const [status, heading] of [[409, "Already answered"], [410, "This link has expired"], [404, "Link not found"]] as const) {
      vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/public/surveys/${TOKEN}`]: () => { throw new FakeHttpError(status, { status }); } })));
      await open();
      expect(await screen.findByRole("heading", { name: heading })).toBeInTheDocument();
      cleanup();
    }
  });
});
