import type { TAccountEffort } from "@openkam/contracts";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { AccountEffortTab } from "./AccountEffortTab";

const ACCOUNT = "00000000-0000-4000-8000-0000000000a1";
const entry = (id: string, userId: string, note: string) => ({
  id, accountId: ACCOUNT, accountName: "Acme", userId, userName: userId === ME.user.id ? "Kim" : "Lee", workedOn: "2026-05-20", minutes: 95, source: "manual" as const,
  sourceId: null, note, createdAt: "2026-05-20T08:00:00Z", updatedAt: "2026-05-20T08:00:00Z", version: 1,
});
const EFFORT: TAccountEffort = {
  accountId: ACCOUNT, from: "2026-04-01", to: "2026-06-29", loggedMinutes: 390, estimatedMinutes: 120, totalMinutes: 510,
  bySource: { interaction: 90, case: 0, task: 0, manual: 300, estimated: 120 },
  byUser: [{ userId: ME.user.id, name: "Kim", minutes: 300 }],
  recent: [entry("00000000-0000-4000-8000-0000000000e1", ME.user.id, "Plan workshop"), entry("00000000-0000-4000-8000-0000000000e2", "00000000-0000-4000-8000-0000000000b9", "Their visit")],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("AccountEffortTab", () => {
  it("shows logged and estimated time, lets people change only their own entries, and logs new time on the account", async () => {
    const posted: unknown[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/accounts/${ACCOUNT}/effort`]: EFFORT,
      "POST /api/effort/entries": ({ body }: { body: unknown }) => { posted.push(body); return { ...entry("00000000-0000-4000-8000-0000000000e3", ME.user.id, "New"), minutes: 45 }; },
    })));
    await renderWithProviders(<AccountEffortTab accountId={ACCOUNT} canWrite />);
    expect(await screen.findByText("8 h 30 min")).toBeInTheDocument();
    expect(screen.getAllByText("2 h")).toHaveLength(2); // estimated, and estimated by source
    const rows = screen.getAllByRole("row");
    expect(within(rows.find((r) => r.textContent?.includes("Plan workshop"))!).getByRole("button", { name: "Delete time entry" })).toBeInTheDocument();
    expect(within(rows.find((r) => r.textContent?.includes("Their visit"))!).queryByRole("button", { name: "Delete time entry" })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Log time" }));
    const dialog = await screen.findByRole("dialog", { name: "Log time" });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Hours" }), { target: { value: "0" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Minutes" }), { target: { value: "45" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Note" }), { target: { value: "Call prep" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ accountId: ACCOUNT, minutes: 45, note: "Call prep", source: "manual", sourceId: null });
  });
});
