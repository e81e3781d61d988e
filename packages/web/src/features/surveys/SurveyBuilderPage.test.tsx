import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { SurveyBuilderPage } from "./SurveyBuilderPage";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("SurveyBuilderPage", () => {
  it("starts with NPS and CSAT in both languages side by side and saves the definition", async () => {
    let posted: { definition: { title: Record<string, string>; questions: Array<{ id: string; kind: string; prompt: Record<string, string> }> }; defaultLanguage: string } | null = null;
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "POST /api/surveys": ({ body }: { body: typeof posted }) => {
        posted = body;
        return { id: "00000000-0000-4000-8000-0000000000b1", version: 1 };
      },
    })));
    await renderWithProviders(<SurveyBuilderPage />, { me: { ...ME, role: "director" } });
    expect(await screen.findByRole("heading", { name: "New survey" })).toBeInTheDocument();
    expect(screen.getAllByTestId("question-editor")).toHaveLength(2);
    expect(screen.getAllByRole("textbox", { name: /Question · English/ })[0]).toHaveValue("How likely are you to recommend us to a colleague?");
    expect(screen.getAllByRole("textbox", { name: /Question · 中文/ })[0]).toHaveValue("您向同事推荐我们的可能性有多大？");
    fireEvent.change(screen.getByRole("textbox", { name: /Title · English/ }), { target: { value: "Spring check-in" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(posted).not.toBeNull());
    expect(posted!.definition.title.en).toBe("Spring check-in");
    expect(posted!.definition.questions.map((q) => [q.id, q.kind])).toEqual([["nps", "nps"], ["csat", "csat"]]);
    expect(posted!.defaultLanguage).toBe("en");
  });
});
