import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, seriousViolations, signIn, inEnglish } from "./support/browser";

interface TaskLite { id: string; title: string; status: string; position: number; version: number }

let browser: Browser;
let context: BrowserContext;
let page: Page;
const title = `Confirm the pilot scope (board ${Date.now().toString(36)})`;
let task: TaskLite;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const card = (column: string) => page.getByTestId(`column-${column}`).getByTestId("task-card").filter({ hasText: title });

describe("the task board", () => {
  it("opens from a deep link and shows my task in its column", async () => {
    await page.goto("/tasks/board");
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page);
    await page.waitForURL(/\/tasks\/board$/);
    await inEnglish(page);
    const me = await apiFromPage<{ user: { id: string } }>(page, "GET", "/api/auth/me");
    task = await apiFromPage<TaskLite>(page, "POST", "/api/tasks", { title, assigneeUserId: me.user.id, status: "todo", priority: "high" });
    await page.reload();
    await card("todo").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "20-task-board");
  });

  it("moves a card to another column by dragging it, saving status and position", async () => {
    const from = await card("todo").boundingBox();
    const to = await page.getByTestId("column-in_progress").boundingBox();
    if (!from || !to) throw new Error("the card or the column is not visible");
    await page.mouse.move(from.x + from.width / 2, from.y + 12);
    await page.mouse.down();
    // Several small steps: the drag starts after a few pixels, then follows the pointer.
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + 16, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 20 });
    await page.mouse.up();
    await card("in_progress").waitFor();
    await page.getByText(`“${title}” moved to In progress`).waitFor();
    await expect.poll(async () => (await apiFromPage<TaskLite>(page, "GET", `/api/tasks/${task.id}`)).status).toBe("in_progress");
  });

  it("moves a card with the keyboard-friendly menu, and says so when someone changed it meanwhile", async () => {
    await page.getByRole("button", { name: `Actions for “${title}”` }).click();
    await page.getByRole("menuitem", { name: "Blocked" }).click();
    await card("blocked").waitFor();
    await expect.poll(async () => (await apiFromPage<TaskLite>(page, "GET", `/api/tasks/${task.id}`)).status).toBe("blocked");

    // A colleague moves it while the board still shows the older version.
    const current = await apiFromPage<TaskLite>(page, "GET", `/api/tasks/${task.id}`);
    await apiFromPage(page, "PATCH", `/api/tasks/${task.id}`, { status: "todo", version: current.version });
    await page.getByRole("button", { name: `Actions for “${title}”` }).click();
    await page.getByRole("menuitem", { name: "Done" }).click();
    await page.getByText("This task was changed meanwhile").waitFor();
    await card("todo").waitFor();
    expect((await apiFromPage<TaskLite>(page, "GET", `/api/tasks/${task.id}`)).status).toBe("todo");
  });
});
