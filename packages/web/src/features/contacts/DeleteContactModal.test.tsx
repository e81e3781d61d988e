import type { TContact } from "@openkam/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, FakeHttpError, renderWithProviders } from "../orders/testing/render";
import { DeleteContactModal } from "./DeleteContactModal";

const ACCOUNT = "00000000-0000-4000-8000-0000000000a1";
const LEAD = "00000000-0000-4000-8000-0000000000c1";
const HEIR = "00000000-0000-4000-8000-0000000000c2";

const contact = (id: string, name: string): TContact => ({
  id, accountId: ACCOUNT, name, title: null, department: null, email: null, phone: null, buyingRole: null, influence: null, attitude: null,
  reportsToContactId: null, notes: null, externalId: null, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", deletedAt: null, version: 1,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("DeleteContactModal", () => {
  it("asks what becomes of the relationships and direct reports, and transfers them to the successor chosen", async () => {
    const asked: string[] = [];
    const onDeleted = vi.fn(async () => {});
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/contacts": { items: [contact(LEAD, "Lea Lead"), contact(HEIR, "Hal Heir")], nextCursor: null },
      [`DELETE /api/contacts/${LEAD}`]: ({ url }: { url: URL }) => {
        asked.push(url.search);
        if (!url.searchParams.has("relationships")) {
          throw new FakeHttpError(409, { status: 409, title: "Conflict", code: "CONTACT_HAS_RELATIONSHIPS", detail: "Lea Lead has relationships", current: { relationships: 2, directReports: 1 } });
        }
        return null;
      },
    })));
    await renderWithProviders(<DeleteContactModal contact={contact(LEAD, "Lea Lead")} opened onClose={() => {}} onDeleted={onDeleted} />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete" }));
    expect(await screen.findByText("Lea Lead has 2 relationship(s) with our people and 1 direct report(s).")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete" })).toBeDisabled();

    await userEvent.click(screen.getByRole("combobox", { name: /Successor/ }));
    await userEvent.click(await screen.findByRole("option", { name: "Hal Heir" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalled());
    expect(asked).toEqual(["", `?relationships=transfer&to=${HEIR}`]);
  }, 20_000);
});
