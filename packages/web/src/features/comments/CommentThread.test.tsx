import type { TComment, TCommentPage } from "@openkam/contracts";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { CommentThread } from "./CommentThread";

const ACCOUNT = "00000000-0000-4000-8000-0000000000aa";
const WANG = { id: "00000000-0000-4000-8000-000000000021", name: "王小明", email: "wang@example.com", canSeeAccount: true };
const LEE = { id: "00000000-0000-4000-8000-000000000022", name: "Lee Outside", email: "lee@example.com", canSeeAccount: false };

const comment = (extra: Partial<TComment> = {}): TComment => ({
  id: "00000000-0000-4000-8000-0000000000c1",
  accountId: ACCOUNT,
  subjectType: "account",
  subjectId: ACCOUNT,
  author: { id: ME.user.id, name: ME.user.name },
  body: "<script>alert('x')</script> ping @王小明",
  mentions: [{ id: WANG.id, name: WANG.name }],
  editedAt: null,
  createdAt: "2026-03-04T08:00:00Z",
  updatedAt: "2026-03-04T08:00:00Z",
  version: 1,
  ...extra,
});

beforeAll(() => {
  if (!("scrollIntoView" in Element.prototype)) Object.defineProperty(Element.prototype, "scrollIntoView", { value: () => {}, configurable: true, writable: true });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function server(initial: TComment[]) {
  let items = initial;
  const posted: unknown[] = [];
  const searched: string[] = [];
  vi.stubGlobal("fetch", vi.fn(fakeFetch({
    [`/api/accounts/${ACCOUNT}/comments/mentionable`]: ({ url }: { url: URL }) => {
      const q = url.searchParams.get("q") ?? "";
      searched.push(q);
      return { items: [WANG, LEE].filter((m) => m.name.toLowerCase().includes(q.toLowerCase()) || m.email.includes(q.toLowerCase())) };
    },
    [`/api/accounts/${ACCOUNT}/comments`]: (): TCommentPage => ({ items, nextCursor: null }),
    [`POST /api/accounts/${ACCOUNT}/comments`]: ({ body }: { body: { body: string; mentionedUserIds: string[] } }) => {
      posted.push(body);
      const created = comment({ id: "00000000-0000-4000-8000-0000000000c2", body: body.body, mentions: body.mentionedUserIds.map((id) => ({ id, name: id === WANG.id ? WANG.name : LEE.name })) });
      items = [created, ...items];
      return created;
    },
  })));
  return { posted, searched };
}

describe("CommentThread", () => {
  it("shows comments as plain text, with the people mentioned highlighted", async () => {
    server([comment()]);
    await renderWithProviders(<CommentThread accountId={ACCOUNT} />);
    const body = await screen.findByText(/alert\('x'\)/);
    expect(body).toHaveTextContent("<script>alert('x')</script> ping @王小明");
    expect(document.querySelector("script")).toBeNull();
    expect(within(body).getByText("@王小明")).toBeInTheDocument();
  });

  it("offers members after @, inserts the picked name with the keyboard, and posts the mentioned id", async () => {
    const { posted, searched } = server([]);
    await renderWithProviders(<CommentThread accountId={ACCOUNT} />);
    expect(await screen.findByText("No comments yet")).toBeInTheDocument();
    const box = screen.getByRole("textbox", { name: "Add a comment" });
    await userEvent.type(box, "Please check @wa");
    const option = await screen.findByRole("option", { name: /王小明/ });
    expect(option).toHaveTextContent("wang@example.com");
    expect(searched).toContain("wa");
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(box).toHaveValue("Please check @王小明 "));
    await userEvent.type(box, "and @lee");
    expect(await screen.findByRole("option", { name: /Lee Outside/ })).toHaveTextContent("Cannot see this account: will not be notified");
    await userEvent.click(screen.getByRole("option", { name: /Lee Outside/ }));
    await waitFor(() => expect(box).toHaveValue("Please check @王小明 and @Lee Outside "));

    await userEvent.click(screen.getByRole("button", { name: "Post comment" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ body: "Please check @王小明 and @Lee Outside ", mentionedUserIds: [WANG.id, LEE.id], subjectType: "account", subjectId: ACCOUNT });
    await waitFor(() => expect(box).toHaveValue(""));
  });

  it("drops a mention whose name was deleted from the text before posting", async () => {
    const { posted } = server([]);
    await renderWithProviders(<CommentThread accountId={ACCOUNT} />);
    const box = await screen.findByRole("textbox", { name: "Add a comment" });
    await userEvent.type(box, "@wa");
    await userEvent.click(await screen.findByRole("option", { name: /王小明/ }));
    await waitFor(() => expect(box).toHaveValue("@王小明 "));
    fireEvent.change(box, { target: { value: "Never mind" } });
    await userEvent.click(screen.getByRole("button", { name: "Post comment" }));
    await waitFor(() => expect(posted).toEqual([{ body: "Never mind", mentionedUserIds: [], subjectType: "account", subjectId: ACCOUNT }]));
  });

  it("lets viewers read but not write", async () => {
    server([comment({ author: { id: "00000000-0000-4000-8000-000000000099", name: "Someone" } })]);
    await renderWithProviders(<CommentThread accountId={ACCOUNT} />, { me: { ...ME, role: "viewer" } });
    expect(await screen.findByText("Someone")).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).toBeNull();
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
  });
});
