import type { TFeedbackDetail } from "@openkam/contracts";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeHttpError, fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { FeedbackItemPage } from "./FeedbackItemPage";

const ID = "00000000-0000-4000-8000-0000000000f1";
const LEE = "00000000-0000-4000-8000-0000000000b2";
const H = 3_600_000;

const ITEM: TFeedbackDetail = {
  id: ID, accountId: "00000000-0000-4000-8000-0000000000a1", accountName: "Acme", source: "email", sourceId: null,
  title: "Invoices lack the PO number", description: "Please add it.", category: "billing", severity: "critical", area: "Invoicing",
  ownerUserId: ME.user.id, ownerName: "Kim", status: "acknowledged", action: null, emailFrom: "ap@acme.example", emailSentAt: "2026-03-01T00:00:00.000Z",
  createdAt: "2026-03-01T00:00:00.000Z", updatedAt: "2026-03-02T00:00:00.000Z", statusChangedAt: "2026-03-02T00:00:00.000Z", closedAt: null,
  dueAt: "2026-03-04T00:00:00.000Z", overdue: true, daysOverdue: 3, version: 2,
  transitions: [{ id: "t1", from: "new", to: "acknowledged", at: "2026-03-02T00:00:00.000Z", byUserId: ME.user.id, byName: "Kim", note: null }],
  timeInStateMs: { new: 24 * H, acknowledged: 5 * 24 * H + 2 * H, planned: 0, done: 0, informed: 0, closed: 0 },
  nextStatuses: ["planned"],
};
const USERS = { items: [{ id: ME.user.id, name: "Kim" }, { id: LEE, name: "Lee in Operations" }] };

beforeAll(() => {
  // jsdom has no layout: the select's option list scrolls the active option into view.
  Element.prototype.scrollIntoView = () => {};
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("FeedbackItemPage", () => {
  it("shows the loop with the time in each state and the overdue step, and plans the action as a task for another department", async () => {
    const calls: Array<{ body: unknown; headers: Record<string, string> }> = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/feedback/${ID}`]: ITEM,
      "/api/users/options": USERS,
      [`POST /api/feedback/${ID}/transitions`]: ({ body, headers }: { body: unknown; headers: Record<string, string> }) => {
        calls.push({ body, headers });
        return { ...ITEM, status: "planned", version: 3, nextStatuses: ["done"] };
      },
    })));
    await renderWithProviders(<FeedbackItemPage />, { route: `/feedback/${ID}`, path: "/feedback/:id" });

    expect(await screen.findByRole("heading", { name: "Invoices lack the PO number" })).toBeInTheDocument();
    expect(screen.getByText("1 d here")).toBeInTheDocument();
    expect(screen.getByText("5 d 2 h here")).toBeInTheDocument();
    expect(screen.getByText("This step is late")).toBeInTheDocument();
    expect(screen.getByText("ap@acme.example")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Plan an improvement" }));
    const dialog = await screen.findByRole("dialog", { name: "Plan the improvement" });
    const what = within(dialog).getByRole("textbox", { name: /^What will be done/ });
    expect(what).toHaveValue("Improve: Invoices lack the PO number");
    fireEvent.change(what, { target: { value: "Add the PO number to the invoice template" } });
    await userEvent.click(within(dialog).getByRole("combobox", { name: /^Who does it/ }));
    await userEvent.click(await screen.findByRole("option", { name: "Lee in Operations" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Create the task" }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({
      body: { to: "planned", task: { title: "Add the PO number to the invoice template", assigneeUserId: LEE, dueDate: null, priority: "medium" } },
      headers: { "if-match": '"2"' },
    });
  }, 20_000);

  it("asks how the customer was told, shows the server's message on the note, and offers nothing to a viewer", async () => {
    const done = { ...ITEM, status: "done" as const, overdue: false, daysOverdue: 0, nextStatuses: ["informed" as const] };
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/feedback/${ID}`]: done,
      "/api/users/options": USERS,
      [`POST /api/feedback/${ID}/transitions`]: () => {
        throw new FakeHttpError(400, { status: 400, code: "VALIDATION_FAILED", detail: "Some fields are invalid", errors: [{ field: "note", message: "Say how the customer was told" }] });
      },
    })));
    await renderWithProviders(<FeedbackItemPage />, { route: `/feedback/${ID}`, path: "/feedback/:id" });
    await userEvent.click(await screen.findByRole("button", { name: "Customer informed" }));
    const dialog = await screen.findByRole("dialog", { name: "Tell the customer" });
    fireEvent.change(within(dialog).getByRole("textbox", { name: /How was the customer told/ }), { target: { value: "x" } });
    await userEvent.click(within(dialog).getByRole("button", { name: "Customer informed" }));
    expect(await within(dialog).findByText("Say how the customer was told")).toBeInTheDocument();
    cleanup();

    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/feedback/${ID}`]: { ...done, nextStatuses: [] }, "/api/users/options": USERS })));
    await renderWithProviders(<FeedbackItemPage />, { route: `/feedback/${ID}`, path: "/feedback/:id", me: { ...ME, role: "viewer" } });
    expect(await screen.findByRole("heading", { name: "Invoices lack the PO number" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Customer informed" })).toBeNull();
  }, 20_000);
});
