import type { TAccountCadence } from "@openkam/contracts";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeHttpError, fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { CadenceCard } from "./CadenceCard";

const ACCOUNT = "00000000-0000-4000-8000-0000000000aa";

const cadence = (extra: Partial<TAccountCadence> = {}): TAccountCadence => ({
  accountId: ACCOUNT,
  tier: "key",
  timeZone: "Asia/Shanghai",
  today: "2026-03-04",
  policy: { visit: 60, executive_meeting: 180, qbr: null },
  tierPolicy: { visit: 60, executive_meeting: 180, qbr: "quarterly" },
  overrides: { qbr: null },
  items: [
    { kind: "visit", interval: 60, lastAt: "2025-12-20T09:00:00Z", dueOn: "2026-02-18", daysUntilDue: -14, daysOverdue: 14, status: "overdue" },
    { kind: "executive_meeting", interval: 180, lastAt: null, dueOn: "2026-06-01", daysUntilDue: 89, daysOverdue: 0, status: "never_met" },
  ],
  version: 2,
  ...extra,
});

type Call = { method: string; body: unknown };

function server(initial: TAccountCadence, put: (body: Record<string, unknown>) => TAccountCadence) {
  let current = initial;
  const calls: Call[] = [];
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    [`/api/accounts/${ACCOUNT}/cadence`]: () => current,
    [`PUT /api/accounts/${ACCOUNT}/cadence`]: ({ body }: { body: Record<string, unknown> }) => {
      calls.push({ method: "PUT", body });
      current = put(body);
      return current;
    },
  })));
  return calls;
}

beforeAll(() => {
  // jsdom has no layout: the select's option list scrolls the active option into view.
  if (!("scrollIntoView" in Element.prototype)) Object.defineProperty(Element.prototype, "scrollIntoView", { value: () => {}, configurable: true, writable: true });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function choose(input: HTMLElement, option: string) {
  await userEvent.click(input);
  await userEvent.click(await screen.findByRole("option", { name: option }));
}

describe("CadenceCard", () => {
  it("shows each contact's interval, last contact, next due date and status", async () => {
    server(cadence(), () => cadence());
    await renderWithProviders(<CadenceCard accountId={ACCOUNT} />);

    const visit = (await screen.findByRole("rowheader", { name: "Visit" })).closest("tr")!;
    expect(visit).toHaveTextContent("Every 60 days");
    expect(visit).toHaveTextContent("Dec 20, 2025");
    expect(visit).toHaveTextContent("Feb 18, 2026");
    expect(visit).toHaveTextContent("14 days overdue");
    expect(within(visit).getByText("Overdue")).toBeInTheDocument();

    const meeting = screen.getByRole("rowheader", { name: "Executive meeting" }).closest("tr")!;
    expect(meeting).toHaveTextContent("Every 180 days");
    expect(meeting).toHaveTextContent("Never");
    expect(meeting).toHaveTextContent("Never met");

    const review = screen.getByRole("rowheader", { name: "Business review" }).closest("tr")!;
    expect(review).toHaveTextContent("Off");
    expect(review).toHaveTextContent("This account");
    expect(review).toHaveTextContent("Not planned");
  }, 30_000);

  it("sets an account's own interval with the version read, checking the days first", async () => {
    const calls = server(cadence(), (body) => cadence({ overrides: { visit: body.visit as number, qbr: null }, policy: { visit: 14, executive_meeting: 180, qbr: null }, version: 3 }));
    await renderWithProviders(<CadenceCard accountId={ACCOUNT} />);

    await userEvent.click(await screen.findByRole("button", { name: "Edit contact cadence" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit contact cadence" });
    expect(within(dialog).getByRole("combobox", { name: "Visit" })).toHaveValue("Tier default: Every 60 days");
    expect(within(dialog).getByRole("combobox", { name: "Business review" })).toHaveValue("Off: not planned for this account");

    await choose(within(dialog).getByRole("combobox", { name: "Visit" }), "A number of days");
    const days = within(dialog).getByRole("textbox", { name: /^Visit interval \(days\)/ });
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("Enter the number of days")).toBeInTheDocument();
    fireEvent.change(days, { target: { value: "4000" } });
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("Enter a whole number of days from 1 to 3660")).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    fireEvent.change(days, { target: { value: "14" } });
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({ visit: 14, qbr: null, version: 2 });
    expect(await screen.findByText("Contact cadence saved")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await screen.findByText("Every 14 days")).toBeInTheDocument();
  }, 30_000);

  it("offers both versions when someone changed the cadence meanwhile, and keeps their other changes", async () => {
    const theirs = cadence({ overrides: { qbr: null, executive_meeting: 90 }, policy: { visit: 60, executive_meeting: 90, qbr: null }, version: 3 });
    const calls = server(cadence(), (body) => {
      if (body.version === 2) throw new FakeHttpError(409, { status: 409, code: "VERSION_CONFLICT", detail: "Someone else changed this record", current: theirs });
      return cadence({ overrides: { qbr: "half_yearly", executive_meeting: 90 }, version: 4 });
    });
    await renderWithProviders(<CadenceCard accountId={ACCOUNT} />);

    await userEvent.click(await screen.findByRole("button", { name: "Edit contact cadence" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit contact cadence" });
    await choose(within(dialog).getByRole("combobox", { name: "Business review" }), "Each half-year");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    const conflict = await screen.findByRole("dialog", { name: "Someone else changed this record" });
    expect(within(conflict).getByText("Every 90 days")).toBeInTheDocument();
    expect(within(conflict).getByText("Each half-year")).toBeInTheDocument();
    await userEvent.click(within(conflict).getByRole("button", { name: "Keep my changes" }));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]!.body).toEqual({ qbr: "half_yearly", version: 2 });
    expect(calls[1]!.body).toEqual({ qbr: "half_yearly", executive_meeting: 90, version: 3 });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  }, 30_000);

  it("hides the edit button from viewers", async () => {
    server(cadence(), () => cadence());
    await renderWithProviders(<CadenceCard accountId={ACCOUNT} />, { me: { ...ME, role: "viewer" } });
    expect(await screen.findByRole("rowheader", { name: "Visit" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit contact cadence" })).toBeNull();
  }, 30_000);

  it("says what went wrong and tries again", async () => {
    let fail = true;
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/accounts/${ACCOUNT}/cadence`]: () => {
        if (fail) throw new FakeHttpError(500, { status: 500, code: "INTERNAL", detail: "The database is unavailable" });
        return cadence();
      },
    })));
    await renderWithProviders(<CadenceCard accountId={ACCOUNT} />);
    expect(await screen.findByText("The database is unavailable")).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("rowheader", { name: "Visit" })).toBeInTheDocument();
  }, 30_000);
});
