import type { TStakeholderMap } from "@openkam/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, FakeHttpError, renderWithProviders } from "../orders/testing/render";
import { StakeholdersTab } from "./StakeholdersTab";

const ACCOUNT = "00000000-0000-4000-8000-0000000000a1";
const BOSS = "00000000-0000-4000-8000-0000000000c1";
const LEAD = "00000000-0000-4000-8000-0000000000c2";
const USER = "00000000-0000-4000-8000-000000000001";

const contact = (id: string, name: string, extra: Partial<TStakeholderMap["contacts"][number]> = {}): TStakeholderMap["contacts"][number] => ({
  id, name, title: null, department: null, buyingRole: null, influence: null, attitude: null, reportsToContactId: null, lastMetAt: null, relationships: [], ...extra,
});

const MAP: TStakeholderMap = {
  accountId: ACCOUNT,
  contacts: [
    contact(BOSS, "Anna Boss", { buyingRole: "decision_maker", influence: 5, title: "CEO" }),
    contact(LEAD, "Bert Lead", { reportsToContactId: BOSS, attitude: 1, relationships: [{ userId: USER, userName: "Kim Lee", strength: 4, lastMetAt: null, version: 3 }] }),
  ],
  coverage: [{ code: "no_champion", contactIds: [], userIds: [] }, { code: "single_threaded", contactIds: [BOSS, LEAD], userIds: [USER] }],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("StakeholdersTab", () => {
  it("shows the coverage warnings and, in the list view, the contacts with their manager and owners", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/accounts/${ACCOUNT}/stakeholder-map`]: MAP, "/api/users/options": { items: [] } })));
    await renderWithProviders(<StakeholdersTab accountId={ACCOUNT} canWrite />);
    expect(await screen.findByText("No champion")).toBeInTheDocument();
    expect(screen.getByText("Single-threaded")).toBeInTheDocument();

    await userEvent.click(screen.getByText("List"));
    const table = await screen.findByRole("table", { name: "Stakeholders as a list" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[2]!).getByText("Anna Boss")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("Kim Lee · 4/5")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("No one on our side")).toBeInTheDocument();
  }, 20_000);

  it("opens the side panel from the list and removes a relationship owner with the version read", async () => {
    const deleted: Array<{ path: string; ifMatch: string | undefined }> = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/accounts/${ACCOUNT}/stakeholder-map`]: MAP,
      "/api/users/options": { items: [] },
      "DELETE /api/contacts/": ({ path, headers }: { path: string; headers: Record<string, string> }) => {
        deleted.push({ path, ifMatch: headers["if-match"] });
        return null;
      },
    })));
    await renderWithProviders(<StakeholdersTab accountId={ACCOUNT} canWrite />);
    await userEvent.click(await screen.findByText("List"));
    await userEvent.click(within(await screen.findByRole("table", { name: "Stakeholders as a list" })).getByRole("button", { name: "Bert Lead" }));
    const panel = await screen.findByRole("complementary", { name: "Details of Bert Lead" });
    await userEvent.click(within(panel).getByRole("button", { name: "Remove Kim Lee as owner" }));
    await userEvent.click(await screen.findByRole("button", { name: "Remove owner" }));
    await waitFor(() => expect(deleted).toEqual([{ path: `/api/contacts/${LEAD}/relationships/${USER}`, ifMatch: '"3"' }]));
  }, 20_000);

  it("shows the API's cycle message when a reporting line is refused", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/accounts/${ACCOUNT}/stakeholder-map`]: MAP,
      "/api/users/options": { items: [] },
      [`/api/contacts/${BOSS}`]: { ...MAP.contacts[0], accountId: ACCOUNT, version: 2 },
      [`PATCH /api/contacts/${BOSS}`]: () => {
        throw new FakeHttpError(400, { status: 400, title: "Bad Request", code: "VALIDATION_FAILED", detail: "Invalid",
          errors: [{ field: "reportsToContactId", message: "This would make the contact report to one of their own reports: Anna Boss → Bert Lead → Anna Boss" }] });
      },
    })));
    await renderWithProviders(<StakeholdersTab accountId={ACCOUNT} canWrite />);
    await userEvent.click(await screen.findByText("List"));
    await userEvent.click(within(await screen.findByRole("table", { name: "Stakeholders as a list" })).getByRole("button", { name: "Anna Boss" }));
    const panel = await screen.findByRole("complementary", { name: "Details of Anna Boss" });
    await userEvent.click(within(panel).getByRole("combobox", { name: "Reports to" }));
    await userEvent.click(await screen.findByRole("option", { name: "Bert Lead" }));
    expect(await screen.findByText("This reporting line cannot be set")).toBeInTheDocument();
    expect(screen.getByText(/Anna Boss → Bert Lead → Anna Boss/)).toBeInTheDocument();
  }, 20_000);

  it("explains what to do when the account has no contacts", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/accounts/${ACCOUNT}/stakeholder-map`]: { ...MAP, contacts: [], coverage: [] } })));
    await renderWithProviders(<StakeholdersTab accountId={ACCOUNT} canWrite />);
    expect(await screen.findByText("No contacts yet")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to contacts" })).toHaveAttribute("href", `/accounts/${ACCOUNT}?tab=contacts`);
  });
});
