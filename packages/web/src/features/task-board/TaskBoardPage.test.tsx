import type { TTask } from "@openkam/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeHttpError, fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { TaskBoardPage } from "./TaskBoardPage";

const task = (id: string, title: string, status: TTask["status"], position: number): TTask => ({
  id, title, description: null, accountId: null, assigneeUserId: ME.user.id, dueDate: null, status, priority: "high", position,
  completedAt: null, createdBy: null, source: null, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", version: 3,
});

function server(tasks: TTask[], patch: (body: Record<string, unknown>, id: string) => unknown, queries: URLSearchParams[] = []) {
  const calls: Array<{ id: string; body: Record<string, unknown> }> = [];
  const fetch = vi.fn(fakeFetch({
    "/api/tasks": ({ url }: { url: URL }) => {
      queries.push(url.searchParams);
      return { items: tasks.filter((t) => t.status === url.searchParams.get("status")), nextCursor: null };
    },
    "/api/users/options": { items: [{ id: ME.user.id, name: "Kim" }] },
    "PATCH /api/tasks/": ({ path, body }: { path: string; body: Record<string, unknown> }) => {
      const id = path.split("/").pop()!;
      calls.push({ id, body });
      return patch(body, id);
    },
  }));
  vi.stubGlobal("fetch", fetch);
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("TaskBoardPage", () => {
  it("moves a card to another column from its menu, sending status, position and version", async () => {
    const tasks = [task("a", "Call the buyer", "todo", 1), task("b", "Send the quote", "in_progress", 10), task("c", "Plan the QBR", "in_progress", 20)];
    const calls = server(tasks, (body, id) => ({ ...tasks.find((t) => t.id === id)!, ...body, version: 4 }));
    await renderWithProviders(<TaskBoardPage />);

    await userEvent.click(await screen.findByRole("button", { name: "Actions for “Call the buyer”" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Blocked" }));

    await waitFor(() => expect(calls).toEqual([{ id: "a", body: { status: "blocked", position: 1024, version: 3 } }]));
    await waitFor(() => expect(within(screen.getByTestId("column-blocked")).getByText("Call the buyer")).toBeInTheDocument());
    expect(within(screen.getByTestId("column-todo")).queryByText("Call the buyer")).toBeNull();
    expect(await screen.findByText("“Call the buyer” moved to Blocked")).toBeInTheDocument();
  }, 30_000);

  it("reorders within a column: the position lands between the new neighbours", async () => {
    const tasks = [task("b", "Send the quote", "in_progress", 10), task("c", "Plan the QBR", "in_progress", 20), task("d", "Visit the plant", "in_progress", 30)];
    const calls = server(tasks, (body, id) => ({ ...tasks.find((t) => t.id === id)!, ...body, version: 4 }));
    await renderWithProviders(<TaskBoardPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Actions for “Visit the plant”" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Move up" }));
    await waitFor(() => expect(calls).toEqual([{ id: "d", body: { status: "in_progress", position: 15, version: 3 } }]));
  }, 30_000);

  it("tells the user when someone changed the task meanwhile, and shows the board as it is now", async () => {
    const tasks = [task("a", "Call the buyer", "todo", 1)];
    server(tasks, () => {
      throw new FakeHttpError(409, { status: 409, title: "Conflict", code: "VERSION_CONFLICT", current: { ...tasks[0], version: 4 } });
    });
    await renderWithProviders(<TaskBoardPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Actions for “Call the buyer”" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Done" }));
    expect(await screen.findByText("This task was changed meanwhile")).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId("column-todo")).getByText("Call the buyer")).toBeInTheDocument());
  }, 30_000);

  it("shows one person's board made from one kind of source, with a link back to each task's source", async () => {
    const fromCase = { ...task("e", "Replace the sensor", "todo", 1), accountId: null, source: { type: "case" as const, id: "0190a0b0-0000-7000-8000-00000000000c" } };
    const queries: URLSearchParams[] = [];
    server([fromCase], () => ({}), queries);
    await renderWithProviders(<TaskBoardPage />, { route: `/tasks/board?assignee=${ME.user.id}&source=case` });
    const link = await screen.findByRole("link", { name: "From a support case" });
    expect(link.getAttribute("href")).toBe("/cases/0190a0b0-0000-7000-8000-00000000000c");
    expect(queries.length).toBeGreaterThan(0);
    for (const q of queries) {
      expect([q.get("assigneeUserId"), q.get("sourceType"), q.get("mine")]).toEqual([ME.user.id, "case", null]);
    }
  }, 30_000);
});
