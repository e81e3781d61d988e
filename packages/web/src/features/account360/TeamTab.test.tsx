import type { TTeamMember } from "@openkam/contracts";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeHttpError, fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { TeamTab } from "./TeamTab";

const ACCOUNT = "00000000-0000-4000-8000-0000000000aa";
const KIM = ME.user.id;
const LEE = "00000000-0000-4000-8000-000000000003";
const MO = "00000000-0000-4000-8000-000000000004";

const member = (userId: string, userName: string, extra: Partial<TTeamMember> = {}): TTeamMember => ({
  accountId: ACCOUNT, userId, userName, userEmail: `${userName.toLowerCase()}@example.com`, teamRole: "sales", allocationPct: 20, version: 1, ...extra,
});

type Call = { method: string; path: string; body: unknown; headers: Record<string, string> };

/** A fake team API: the list, the organization's users, and PUT/DELETE through the given handlers. */
function server(team: TTeamMember[], handlers: { put?(call: Call, userId: string): unknown; del?(call: Call, userId: string): unknown } = {}) {
  const calls: Call[] = [];
  const record = (call: Call) => {
    calls.push({ method: call.method, path: call.path, body: call.body, headers: call.headers });
    return call.path.split("/").pop()!;
  };
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    [`/api/accounts/${ACCOUNT}/team`]: () => ({ items: team }),
    "/api/users/options": { items: [{ id: KIM, name: "Kim" }, { id: LEE, name: "Lee" }, { id: MO, name: "Mo" }] },
    [`PUT /api/accounts/${ACCOUNT}/team/`]: (call: Call) => {
      const userId = record(call);
      const saved = handlers.put ? handlers.put(call, userId) : null;
      if (saved) team.splice(0, team.length, ...team.filter((m) => m.userId !== userId), saved as TTeamMember);
      return saved;
    },
    [`DELETE /api/accounts/${ACCOUNT}/team/`]: (call: Call) => {
      const userId = record(call);
      const answer = handlers.del ? handlers.del(call, userId) : null;
      team.splice(0, team.length, ...team.filter((m) => m.userId !== userId));
      return answer;
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

describe("TeamTab", () => {
  it("adds a member picked from the organization's users, with a role and an allocation", async () => {
    const team = [member(KIM, "Kim", { teamRole: "kam_lead", allocationPct: 50 })];
    const calls = server(team, { put: ({ body }, userId) => ({ ...member(userId, "Lee"), ...(body as object), version: 1 }) });
    await renderWithProviders(<TeamTab accountId={ACCOUNT} />);

    await userEvent.click(await screen.findByRole("button", { name: "Add member" }));
    const dialog = await screen.findByRole("dialog");
    const user = within(dialog).getByRole("combobox", { name: /^Member/ });
    await userEvent.click(user);
    // Kim is on the team already: only the others are offered.
    expect(await screen.findByRole("option", { name: "Lee" })).toBeInTheDocument();
    expect(screen.queryByRole("option", { name: "Kim" })).toBeNull();
    await userEvent.click(screen.getByRole("option", { name: "Lee" }));
    await choose(within(dialog).getByRole("combobox", { name: /^Role/ }), "KAM lead");
    const allocation = within(dialog).getByRole("textbox", { name: /^Allocation/ });
    fireEvent.change(allocation, { target: { value: "40%" } });
    await userEvent.click(within(dialog).getByRole("button", { name: "Add" }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: "PUT", path: `/api/accounts/${ACCOUNT}/team/${LEE}`, body: { teamRole: "kam_lead", allocationPct: 40 } });
    expect(calls[0]!.body).not.toHaveProperty("version");
    expect(await screen.findByText("lee@example.com")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  }, 30_000);

  it("asks for a user before sending, and shows the API's message on its field", async () => {
    const calls = server([member(KIM, "Kim")], {
      put: () => {
        throw new FakeHttpError(400, { status: 400, code: "VALIDATION_FAILED", detail: "Some fields are invalid", errors: [{ field: "params.userId", message: "The user must be an active member of this organization" }] });
      },
    });
    await renderWithProviders(<TeamTab accountId={ACCOUNT} />);
    await userEvent.click(await screen.findByRole("button", { name: "Add member" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByRole("button", { name: "Add" }));
    expect(await within(dialog).findByText("Required")).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await choose(within(dialog).getByRole("combobox", { name: /^Member/ }), "Mo");
    await userEvent.click(within(dialog).getByRole("button", { name: "Add" }));
    expect(await within(dialog).findByText("The user must be an active member of this organization")).toBeInTheDocument();
    expect(calls).toHaveLength(1);
  }, 30_000);

  it("edits a member with the version read, and offers both versions when someone changed the member meanwhile", async () => {
    const kim = member(KIM, "Kim", { allocationPct: 20, version: 1 });
    const theirs = { ...kim, teamRole: "support" as const, version: 2 };
    const calls = server([kim], {
      put: ({ body }) => {
        const b = body as { version?: number };
        if (b.version === 1) throw new FakeHttpError(409, { status: 409, code: "VERSION_CONFLICT", detail: "Someone else changed this record", current: theirs });
        return { ...theirs, ...(body as object), version: 3 };
      },
    });
    await renderWithProviders(<TeamTab accountId={ACCOUNT} />);

    await userEvent.click(await screen.findByRole("button", { name: "Edit Kim" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByRole("textbox", { name: /^Allocation/ }), { target: { value: "60%" } });
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    const conflict = await screen.findByRole("dialog", { name: "Someone else changed this record" });
    expect(within(conflict).getByText("Support")).toBeInTheDocument();
    expect(within(conflict).getByText("60%")).toBeInTheDocument();
    await userEvent.click(within(conflict).getByRole("button", { name: "Keep my changes" }));

    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[0]!.body).toEqual({ teamRole: "sales", allocationPct: 60, version: 1 });
    // Their role stays, my allocation goes on top, with their version.
    expect(calls[1]!.body).toEqual({ teamRole: "support", allocationPct: 60, version: 2 });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  }, 30_000);

  it("removes a member after confirmation, only if the member is still as read", async () => {
    const calls = server([member(KIM, "Kim", { version: 4 }), member(LEE, "Lee")]);
    await renderWithProviders(<TeamTab accountId={ACCOUNT} />);

    await userEvent.click(await screen.findByRole("button", { name: "Remove Kim" }));
    const confirm = await screen.findByRole("dialog", { name: "Remove from the team?" });
    await userEvent.click(within(confirm).getByRole("button", { name: "Remove" }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: "DELETE", path: `/api/accounts/${ACCOUNT}/team/${KIM}`, headers: { "if-match": '"4"' } });
    await waitFor(() => expect(screen.queryByText("kim@example.com")).toBeNull());
    expect(screen.getByText("lee@example.com")).toBeInTheDocument();
  }, 30_000);

  it("says what changed when the member changed before the removal, and removes only on a second yes", async () => {
    const kim = member(KIM, "Kim", { version: 1 });
    const changed = { ...kim, teamRole: "support" as const, allocationPct: 80, version: 2 };
    const calls = server([kim], {
      del: ({ headers }) => {
        if (headers["if-match"] === '"1"') throw new FakeHttpError(412, { status: 412, code: "PRECONDITION_FAILED", detail: "Someone else changed this record", current: changed });
        return null;
      },
    });
    await renderWithProviders(<TeamTab accountId={ACCOUNT} />);
    await userEvent.click(await screen.findByRole("button", { name: "Remove Kim" }));
    await userEvent.click(within(await screen.findByRole("dialog", { name: "Remove from the team?" })).getByRole("button", { name: "Remove" }));

    const again = await screen.findByRole("dialog", { name: "Someone else changed this record" });
    expect(again).toHaveTextContent("(Allocation: 20% → 80%; Role: Sales → Support)");
    await userEvent.click(within(again).getByRole("button", { name: "Remove anyway" }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls.map((c) => c.headers["if-match"])).toEqual(['"1"', '"2"']);
  }, 30_000);

  it("shows no team buttons to those who cannot change the team", async () => {
    for (const role of ["viewer", "member"] as const) {
      server([member(KIM, "Kim")]);
      await renderWithProviders(<TeamTab accountId={ACCOUNT} />, { me: { ...ME, role } });
      expect(await screen.findByText("kim@example.com")).toBeInTheDocument();
      expect(screen.queryByRole("button", { name: "Add member" })).toBeNull();
      expect(screen.queryByRole("button", { name: "Edit Kim" })).toBeNull();
      expect(screen.queryByRole("button", { name: "Remove Kim" })).toBeNull();
      cleanup();
      vi.unstubAllGlobals();
    }
  }, 30_000);
});
