import { cleanup, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LineEditor } from "./LineEditor";
import { newLine, type LineDraft } from "./order-draft";
import { fakeFetch, renderWithProviders } from "./testing/render";

function Harness({ initial }: { initial: LineDraft[] }) {
  const [lines, setLines] = useState(initial);
  return <LineEditor lines={lines} currency="" errors={{}} onChange={setLines} />;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("LineEditor", () => {
  it("shows each line's amount and the total exactly, as the user types", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/products": { items: [], nextCursor: null } })));
    await renderWithProviders(<Harness initial={[{ ...newLine(), quantity: "3", unitPrice: "0.1" }, { ...newLine(), quantity: "1", unitPrice: "0.2" }]} />);

    const amounts = () => screen.getAllByTestId("line-amount").map((c) => c.textContent);
    expect(amounts()).toEqual(["0.30", "0.20"]);
    expect(screen.getByTestId("order-total")).toHaveTextContent("0.50");

    const price = screen.getByLabelText("Unit price, line 1");
    fireEvent.change(price, { target: { value: "33.3333" } });
    expect(amounts()).toEqual(["100.00", "0.20"]);
    expect(screen.getByTestId("order-total")).toHaveTextContent("100.20");

    // A value that is not a number yet shows no amount and is left out of the total.
    fireEvent.change(screen.getByLabelText("Quantity, line 2"), { target: { value: "1x" } });
    expect(amounts()).toEqual(["100.00", "—"]);
    expect(screen.getByTestId("order-total")).toHaveTextContent("100.00");
  }, 20_000);

  it("adds and removes lines", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/products": { items: [], nextCursor: null } })));
    await renderWithProviders(<Harness initial={[newLine()]} />);
    await userEvent.click(screen.getByRole("button", { name: "Add a line" }));
    expect(screen.getAllByTestId("order-line")).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: "Remove line 1" }));
    expect(screen.getAllByTestId("order-line")).toHaveLength(1);
    expect(screen.getByLabelText("Quantity, line 1")).toBeInTheDocument();
  }, 20_000);
});
