import type { TMyWeek, TOverdueAccount, TWeekAgendaItem } from "@openkam/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useLocation } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeHttpError, fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { CadencePage } from "./CadencePage";

const ACME = "00000000-0000-4000-8000-0000000000a1";
const GLOBEX = "00000000-0000-4000-8000-0000000000a2";

const agendaItem = (extra: Partial<TWeekAgendaItem>): TWeekAgendaItem => ({
  accountId: ACME, accountName: "Acme", tier: "strategic", kind: "visit", interval: 30, lastAt: "2026-02-01T10:00:00Z",
  dueOn: "2026-03-04", daysUntilDue: 0, daysOverdue: 0, status: "due_soon", carriedOver: false, ...extra,
});

const week = (name: string, firstDay: string, lastDay: string, items: TWeekAgendaItem[]): TMyWeek => ({
  week: name, firstDay, lastDay, today: "2026-03-04", timeZone: "Asia/Shanghai", items,
});

const overdueAccount = (accountId: string, accountName: string, daysOverdue: number): TOverdueAccount => ({
  accountId, accountName, tier: "key", ownerUserId: ME.user.id, daysOverdue,
  items: [
    { kind: "visit", interval: 60, lastAt: "2025-11-01T10:00:00Z", dueOn: "2025-12-31", daysUntilDue: -daysOverdue, daysOverdue, status: "overdue" },
    { kind: "qbr", interval: "quarterly", lastAt: null, dueOn: "2026-02-28", daysUntilDue: -4, daysOverdue: 4, status: "never_met" },
  ],
});

/** Shows the address, so a test can check that the view is in the URL. */
function Address() {
  const { search } = useLocation();
  return <output data-testid="address">{search}</output>;
}

const renderPage = (route: string) => renderWithProviders(<><CadencePage /><Address /></>, { route, path: "/cadence" });
const address = () => screen.getByTestId("address").textContent;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("CadencePage", () => {
  it("lists this week's agenda by day, carried-over items first, and steps to the next week in the URL", async () => {
    const asked: string[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/cadence/my-week": ({ url }: { url: URL }) => {
        const requested = url.searchParams.get("week") ?? "";
        asked.push(requested);
        if (requested === "2026-W11") return week("2026-W11", "2026-03-09", "2026-03-15", []);
        return week("2026-W10", "2026-03-02", "2026-03-08", [
          agendaItem({ accountId: GLOBEX, accountName: "Globex", kind: "qbr", interval: "quarterly", dueOn: "2025-12-31", daysUntilDue: -63, daysOverdue: 63, status: "overdue", carriedOver: true }),
          agendaItem({}),
        ]);
      },
    })));
    await renderPage("/cadence");

    expect(await screen.findByText("Week 10 · Mar 2, 2026 – Mar 8, 2026")).toBeInTheDocument();
    expect(screen.getByText("Current week")).toBeInTheDocument();
    const sections = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(sections).toEqual(["Carried over", "Wednesday, Mar 4, 2026"]);
    const globex = screen.getByRole("link", { name: "Globex" });
    expect(globex).toHaveAttribute("href", `/accounts/${GLOBEX}`);
    expect(globex.closest("tr")).toHaveTextContent("Business review");
    expect(globex.closest("tr")).toHaveTextContent("Overdue by 63 days");
    expect(screen.getByRole("link", { name: "Acme" }).closest("tr")).toHaveTextContent("Due soon");

    await userEvent.click(screen.getByRole("button", { name: "Next week" }));
    expect(await screen.findByText("Nothing due in week 11")).toBeInTheDocument();
    expect(screen.getByText("Week 11 · Mar 9, 2026 – Mar 15, 2026")).toBeInTheDocument();
    expect(address()).toBe("?week=2026-W11");

    await userEvent.click(screen.getByRole("button", { name: "This week" }));
    expect(await screen.findByRole("link", { name: "Acme" })).toBeInTheDocument();
    expect(address()).toBe("");
    // Without a week the server picks this week, in the organization's time zone.
    expect([...new Set(asked)]).toEqual(["", "2026-W11"]);
  }, 30_000);

  it("says what an empty week means and offers the next steps", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ "/api/cadence/my-week": week("2026-W10", "2026-03-02", "2026-03-08", []) })));
    await renderPage("/cadence");
    expect(await screen.findByText("Nothing due this week")).toBeInTheDocument();
    expect(screen.getByText(/All your accounts are on rhythm/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "See overdue accounts" }));
    await waitFor(() => expect(address()).toBe("?tab=overdue"));
  }, 30_000);

  it("lists overdue accounts with the filters from the URL and loads more on demand", async () => {
    const asked: string[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/users/options": { items: [{ id: ME.user.id, name: "Kim" }] },
      "/api/cadence/overdue": ({ url }: { url: URL }) => {
        asked.push(url.search);
        return url.searchParams.get("cursor") === "page-2"
          ? { items: [overdueAccount(GLOBEX, "Globex", 10)], nextCursor: null }
          : { items: [overdueAccount(ACME, "Acme", 40)], nextCursor: "page-2" };
      },
    })));
    await renderPage("/cadence?tab=overdue&tier=key&kind=visit");

    const acme = (await screen.findByRole("link", { name: "Acme" })).closest("tr")!;
    expect(acme).toHaveTextContent("Key");
    expect(acme).toHaveTextContent("40 days");
    expect(within(acme).getByText("Visit · 40 days late")).toBeInTheDocument();
    expect(within(acme).getByText("Business review · never held, 4 days late")).toBeInTheDocument();
    expect(await within(acme).findByText("Kim")).toBeInTheDocument();

    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    expect(await screen.findByRole("link", { name: "Globex" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    expect(asked).toEqual(["?tier=key&kind=visit&limit=50", "?tier=key&kind=visit&limit=50&cursor=page-2"]);
  }, 30_000);

  it("shows an error with a retry", async () => {
    let fail = true;
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/cadence/my-week": () => {
        if (fail) throw new FakeHttpError(503, { status: 503, code: "UNAVAILABLE", detail: "The server is starting" });
        return week("2026-W10", "2026-03-02", "2026-03-08", [agendaItem({})]);
      },
    })));
    await renderPage("/cadence?week=2026-W10");
    expect(await screen.findByText("The server is starting")).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Acme" })).toBeInTheDocument();
  }, 30_000);
});
