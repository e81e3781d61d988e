import type { TActivityFeedPage, TActivityItem } from "@openkam/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, renderWithProviders } from "../orders/testing/render";
import { ActivityFeedCard } from "./ActivityFeedCard";

const ACCOUNT = "00000000-0000-4000-8000-0000000000aa";

const item = (id: string, extra: Partial<TActivityItem>): TActivityItem => ({
  id,
  at: "2026-03-04T08:00:00Z",
  actor: { id: "00000000-0000-4000-8000-000000000009", name: "Li Lei" },
  action: "create",
  entityType: "account",
  entityId: ACCOUNT,
  accountId: ACCOUNT,
  accountName: "Acme Robotics",
  label: "Acme Robotics",
  excerpt: null,
  ...extra,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ActivityFeedCard", () => {
  it("lists changes and comments with links to their accounts, and asks for my accounts only on request", async () => {
    const queries: string[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      "/api/activity-feed": ({ url }: { url: URL }): TActivityFeedPage => {
        queries.push(url.search);
        return url.searchParams.get("mine") === "true"
          ? { items: [], nextCursor: null }
          : {
              items: [
                item("00000000-0000-4000-8000-000000000102", { entityType: "comment", entityId: "00000000-0000-4000-8000-0000000000c1", label: null, excerpt: "<b>not bold</b>" }),
                item("00000000-0000-4000-8000-000000000101", { action: "update", entityType: "contact", label: "Wang Fang" }),
              ],
              nextCursor: null,
            };
      },
    })));
    await renderWithProviders(<ActivityFeedCard />);
    expect(await screen.findByText("Li Lei commented")).toBeInTheDocument();
    expect(screen.getByText("<b>not bold</b>")).toBeInTheDocument();
    expect(screen.getByText("Li Lei updated a contact · Wang Fang")).toBeInTheDocument();
    expect(screen.getAllByRole("link", { name: "Acme Robotics" })[0]).toHaveAttribute("href", `/accounts/${ACCOUNT}`);

    await userEvent.click(screen.getByRole("switch", { name: "My accounts only" }));
    expect(await screen.findByText("Nothing happened yet")).toBeInTheDocument();
    await waitFor(() => expect(queries.some((q) => q.includes("mine=true"))).toBe(true));
  });
});
