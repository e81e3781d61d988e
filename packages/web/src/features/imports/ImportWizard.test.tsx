import type { TImportPreview } from "@openkam/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeFetch, renderWithProviders } from "../orders/testing/render";
import { ImportWizard } from "./ImportWizard";

const PREVIEW: TImportPreview = {
  headers: ["Company", "Code", "Money"],
  rows: [["Acme", "A-1", "EUR"]],
  guessedMapping: { Company: "name" },
  fields: ["external_id", "name", "industry", "currency"],
  requiredFields: ["external_id", "name", "currency"],
};

beforeAll(() => {
  // jsdom has no layout: the select's option list scrolls the active option into view.
  if (!("scrollIntoView" in Element.prototype)) Object.defineProperty(Element.prototype, "scrollIntoView", { value: () => {}, configurable: true, writable: true });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function mapColumn(column: string, field: string) {
  await userEvent.click(screen.getByRole("combobox", { name: `Field for column “${column}”` }));
  await userEvent.click(await screen.findByRole("option", { name: new RegExp(`^${field} \\(`) }));
}

describe("ImportWizard", () => {
  it("marks the required fields and runs nothing until each has a column", async () => {
    const started: unknown[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "POST /api/imports/preview": PREVIEW,
      "POST /api/imports": (request: unknown) => {
        started.push(request);
        return { id: "00000000-0000-4000-8000-0000000000ff", status: "queued" };
      },
    })));
    const { container } = await renderWithProviders(<ImportWizard />);
    const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
    await userEvent.upload(input, new File(["Company,Code,Money\nAcme,A-1,EUR\n"], "accounts.csv", { type: "text/csv" }));

    const required = await screen.findByTestId("required-fields");
    expect(required).toHaveTextContent("Name, mapped");
    expect(required).toHaveTextContent("External ID, not mapped yet");
    expect(screen.getByTestId("required-missing")).toHaveTextContent("No column feeds External ID, Currency yet");

    await mapColumn("Code", "External ID");
    await waitFor(() => expect(screen.getByTestId("required-missing")).toHaveTextContent("No column feeds Currency yet"));
    await userEvent.click(screen.getByRole("button", { name: "Next" }));

    // Still one required field without a column: neither a dry run nor an import may start.
    expect(screen.getByRole("button", { name: "Dry run" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Import" })).toBeDisabled();
    expect(screen.getByTestId("required-missing")).toHaveTextContent("Currency");

    await userEvent.click(screen.getByRole("button", { name: "Previous" }));
    await mapColumn("Money", "Currency");
    expect(screen.queryByTestId("required-missing")).toBeNull();
    expect(within(screen.getByTestId("required-fields")).queryByText(/not mapped yet/)).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByRole("button", { name: "Dry run" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Import" })).toBeEnabled();
    expect(started).toHaveLength(0);
  }, 30_000);
});
