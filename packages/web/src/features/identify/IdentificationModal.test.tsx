import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeHttpError, fakeFetch } from "../orders/testing/render";
import { IdentificationModal } from "./IdentificationModal";
import { renderIdentify, runOf } from "./testing/render";

const RULE = { field: "quadrant", op: "eq", value: "strategic_partner" };

function server({ selections = true, refuse = false } = {}) {
  const posts: unknown[] = [];
  const selection = (id: string, status: "succeeded" | "failed", asOf: string) => runOf("selection", {
    id, status, asOf, parameters: { rule: RULE } as never,
    summary: status === "succeeded" ? { excludedOrders: { currency: 0, future: 0 }, rule: RULE as never, selected: 3, notSelected: 7, sources: { quadrant: null, rfmSegment: null, abcClass: null, clv: null } } : null,
  });
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    "/api/analytics/runs": { items: selections ? [selection("00000000-0000-4000-8000-0000000000e2", "failed", "2026-07-01"), selection("00000000-0000-4000-8000-0000000000e1", "succeeded", "2026-06-30")] : [], nextCursor: null },
    "POST /api/analytics/identifications": ({ body }: { body: unknown }) => {
      posts.push(body);
      if (refuse) throw new FakeHttpError(400, { status: 400, title: "Bad Request", code: "VALIDATION_FAILED", errors: [{ field: "body.asOf", message: "The analysis date must be in 1970 or later" }] });
      return { asOf: "2026-06-30", runs: ["rfm", "pareto", "matrix", "selection"].map((kind) => ({ ...runOf(kind as "rfm", { parameters: {}, summary: null } as never), status: "queued" })) };
    },
  })));
  return posts;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("IdentificationModal", () => {
  it("names the latest succeeded selection's rule and starts the identification as of the date entered", async () => {
    const posts = server();
    const onClose = vi.fn();
    await renderIdentify(<IdentificationModal opened onClose={onClose} />, { route: "/identify", path: "/identify" });
    await waitFor(() => expect(screen.getByTestId("identification-rule")).toHaveTextContent("with the latest selection’s rule (as of Jun 30, 2026): “Matrix quadrant = Strategic partners”"));
    await userEvent.type(screen.getByLabelText(/^As of/), "2026-06-30");
    await userEvent.click(screen.getByRole("button", { name: "Run identification" }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(posts).toEqual([{ asOf: "2026-06-30" }]);
    expect(await screen.findByText("Identification started: 4 analyses queued")).toBeInTheDocument();
  });

  it("says the selection is skipped without one, refuses a future date before sending, and shows the API's message on the date", async () => {
    const posts = server({ selections: false, refuse: true });
    await renderIdentify(<IdentificationModal opened onClose={() => {}} />, { route: "/identify", path: "/identify" });
    await waitFor(() => expect(screen.getByTestId("identification-rule")).toHaveTextContent("skipped: there is no selection yet."));
    const date = screen.getByLabelText(/^As of/);
    await userEvent.type(date, "2999-01-01");
    await userEvent.click(screen.getByRole("button", { name: "Run identification" }));
    expect(await screen.findByText("The analysis date cannot be in the future")).toBeInTheDocument();
    expect(posts).toEqual([]);
    await userEvent.clear(date);
    await userEvent.type(date, "1969-12-31");
    await userEvent.click(screen.getByRole("button", { name: "Run identification" }));
    expect(await screen.findByText("The analysis date must be in 1970 or later")).toBeInTheDocument();
    expect(posts).toEqual([{ asOf: "1969-12-31" }]);
  });
});
