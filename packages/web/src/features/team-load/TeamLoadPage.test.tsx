import type { TTeamLoad } from "@openkam/contracts";
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, FakeHttpError, renderWithProviders } from "../orders/testing/render";
import { TeamLoadPage } from "./TeamLoadPage";

const BUSY = "00000000-0000-4000-8000-0000000000b1";
const IDLE = "00000000-0000-4000-8000-0000000000b2";
const LOAD: TTeamLoad = {
  overAllocatedCount: 1,
  items: [
    {
      userId: BUSY, name: "Busy Bee", email: "busy@example.com", role: "account_manager", accountCount: 2, allocationPct: 120, overAllocated: true,
      keyAccountCount: 1, openTasks: 7, byTeamRole: [{ teamRole: "kam_lead", accounts: 2, allocationPct: 120 }],
      accounts: [
        { accountId: "00000000-0000-4000-8000-0000000000a1", name: "Acme", tier: "strategic", status: "active", teamRole: "kam_lead", allocationPct: 80 },
        { accountId: "00000000-0000-4000-8000-0000000000a2", name: "Globex", tier: "standard", status: "active", teamRole: "kam_lead", allocationPct: 40 },
      ],
    },
    { userId: IDLE, name: "Idle Ida", email: "ida@example.com", role: "member", accountCount: 0, allocationPct: 0, overAllocated: false, keyAccountCount: 0, openTasks: 0, byTeamRole: [], accounts: [] },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("TeamLoadPage", () => {
  it("flags over-allocated colleagues, filters to them, and drills down into their accounts", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/team-load": LOAD })));
    await renderWithProviders(<TeamLoadPage />);
    expect(await screen.findByText("Over-allocated colleagues: 1")).toBeInTheDocument();
    expect(within(screen.getByTestId(`team-load-${BUSY}`)).getByText("120%")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Show the accounts of Busy Bee" }));
    const accounts = await screen.findByRole("table", { name: "Accounts of Busy Bee" });
    expect(within(accounts).getByRole("link", { name: "Acme" })).toHaveAttribute("href", "/accounts/00000000-0000-4000-8000-0000000000a1?tab=team");
    await userEvent.click(screen.getByRole("switch", { name: "Only over-allocated" }));
    expect(screen.queryByText("Idle Ida")).not.toBeInTheDocument();
  }, 20_000);

  it("tells others that the page is for directors and admins", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/team-load": () => { throw new FakeHttpError(403, { status: 403, title: "Forbidden", code: "FORBIDDEN", detail: "Only directors and admins can see the team's load" }); },
    })));
    await renderWithProviders(<TeamLoadPage />);
    expect(await screen.findByText("For directors and admins")).toBeInTheDocument();
  });
});
