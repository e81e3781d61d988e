import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, seriousViolations, signInAt } from "./support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const run = Date.now().toString(36);
const action = `Call the customer back within a day ${run}`;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("closed feedback loop", () => {
  it("takes a new demo item through the whole loop and shows it in the account's “you said, we did”", async () => {
    await signInAt(page, "/feedback?view=board");

    const column = page.getByRole("region", { name: "New" });
    const card = column.getByTestId("feedback-card").first();
    await card.waitFor();
    await card.click();
    await page.waitForURL(/\/feedback\/[0-9a-f-]+$/);
    const id = page.url().split("/").pop()!;
    const said = (await apiFromPage<{ title: string; status: string }>(page, "GET", `/api/feedback/${id}`)).title;
    await page.getByRole("heading", { level: 1, name: said }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Acknowledge", exact: true }).click();
    await page.getByRole("button", { name: "Plan an improvement", exact: true }).click();
    const plan = page.getByRole("dialog", { name: "Plan the improvement" });
    await plan.getByRole("textbox", { name: "What will be done" }).fill(action);
    await plan.getByRole("combobox", { name: "Who does it" }).click();
    await page.getByRole("option").first().click();
    await plan.getByRole("button", { name: "Create the task" }).click();
    await page.getByTestId("feedback-action").getByText(action).waitFor();
    const task = await apiFromPage<{ items: Array<{ title: string; source: { type: string; id: string } | null }> }>(page, "GET", `/api/tasks?sourceType=feedback&sourceId=${id}`);
    expect(task.items.map((t) => [t.title, t.source?.id])).toEqual([[action, id]]);

    await page.getByRole("button", { name: "Mark done", exact: true }).click();
    await page.getByRole("button", { name: "Customer informed", exact: true }).click();
    const inform = page.getByRole("dialog", { name: "Tell the customer" });
    await inform.getByRole("textbox", { name: "How was the customer told?" }).fill(`Phoned the buyer ${run}`);
    await inform.getByRole("button", { name: "Customer informed", exact: true }).click();
    await page.getByRole("button", { name: "Close the loop", exact: true }).click();
    await page.getByRole("button", { name: "Close the loop", exact: true }).waitFor({ state: "detached" });
    const closed = await apiFromPage<{ status: string; accountId: string; transitions: Array<{ to: string }> }>(page, "GET", `/api/feedback/${id}`);
    expect(closed.status).toBe("closed");
    expect(closed.transitions.map((t) => t.to)).toEqual(["acknowledged", "planned", "done", "informed", "closed"]);
    await screenshot(page, "feedback-01-closed-loop");

    await page.goto(`/accounts/${closed.accountId}?tab=feedback`);
    await page.getByRole("link", { name: "You said, we did" }).click();
    await page.waitForURL(/\/feedback\/report$/);
    const entry = page.getByTestId("you-said-we-did").filter({ hasText: action });
    await entry.getByText(said).waitFor();
    await entry.getByText(`We told you: Phoned the buyer ${run}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "feedback-02-you-said-we-did");
  });
});
