import type { TNotification, TNotificationPage } from "@openkam/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, renderWithProviders } from "../orders/testing/render";
import { NotificationBell } from "./NotificationBell";

const ACCOUNT = "00000000-0000-4000-8000-0000000000aa";

const mention = (id: string, extra: Partial<TNotification> = {}): TNotification => ({
  id,
  kind: "mention",
  actor: { id: "00000000-0000-4000-8000-000000000009", name: "Li Lei" },
  accountId: ACCOUNT,
  accountName: "Acme Robotics",
  subjectType: "account",
  subjectId: ACCOUNT,
  commentId: `00000000-0000-4000-8000-00000000c${id.slice(-3)}`,
  data: { excerpt: "<img src=x onerror=alert(1)> please review" },
  link: `/accounts/${ACCOUNT}#comment-1`,
  readAt: null,
  createdAt: "2026-03-04T08:00:00Z",
  ...extra,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function server(page: TNotificationPage) {
  const calls: string[] = [];
  let current = page;
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    "/api/notifications": () => current,
    "POST /api/notifications/read-all": () => {
      calls.push("read-all");
      current = { ...current, unreadCount: 0, items: current.items.map((n) => ({ ...n, readAt: "2026-03-04T09:00:00Z" })) };
      return { updated: 2 };
    },
    "POST /api/notifications/": ({ path }: { path: string }) => {
      calls.push(path);
      return null;
    },
  })));
  return calls;
}

describe("NotificationBell", () => {
  it("shows the unread count and lists recent notifications, with other people's text kept as text", async () => {
    server({
      items: [
        mention("00000000-0000-4000-8000-000000000101"),
        { ...mention("00000000-0000-4000-8000-000000000102"), kind: "cadence_reminder", actor: null, accountId: null, accountName: null, data: { overdue: 3, dueThisWeek: 2 }, link: "/cadence", readAt: "2026-03-04T08:30:00Z" },
      ],
      nextCursor: null,
      unreadCount: 1,
    });
    await renderWithProviders(<NotificationBell />);
    const bell = await screen.findByRole("button", { name: "Notifications: 1 unread" });
    expect(bell.parentElement).toHaveTextContent("1");

    await userEvent.click(bell);
    expect(await screen.findByText("Li Lei mentioned you on Acme Robotics")).toBeInTheDocument();
    expect(screen.getByText("<img src=x onerror=alert(1)> please review")).toBeInTheDocument();
    expect(screen.getByText("Cadence reminder: 3 overdue, 2 due this week")).toBeInTheDocument();
    expect(document.querySelector("img[src='x']")).toBeNull();
    expect(screen.getByRole("link", { name: "See all notifications" })).toHaveAttribute("href", "/notifications");
  });

  it("marks a notification read when opened and all of them with one click", async () => {
    const calls = server({ items: [mention("00000000-0000-4000-8000-000000000201")], nextCursor: null, unreadCount: 1 });
    await renderWithProviders(<NotificationBell />);
    await userEvent.click(await screen.findByRole("button", { name: "Notifications: 1 unread" }));
    await userEvent.click(await screen.findByText("Li Lei mentioned you on Acme Robotics"));
    await waitFor(() => expect(calls).toContain("/api/notifications/00000000-0000-4000-8000-000000000201/read"));

    await userEvent.click(await screen.findByRole("button", { name: "Notifications: 1 unread" }));
    await userEvent.click(await screen.findByRole("button", { name: "Mark all read" }));
    await waitFor(() => expect(calls).toContain("read-all"));
    expect(await screen.findByRole("button", { name: "Notifications" })).toBeInTheDocument();
  });

  it("says so when there is nothing", async () => {
    server({ items: [], nextCursor: null, unreadCount: 0 });
    await renderWithProviders(<NotificationBell />);
    await userEvent.click(await screen.findByRole("button", { name: "Notifications" }));
    expect(await screen.findByText("No notifications")).toBeInTheDocument();
  });
});
