import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, inEnglish, launchBrowser, newContext, screenshot, seriousViolations, signIn } from "./support/browser";

let browser: Browser;
let writer: BrowserContext;
let reader: BrowserContext;
let page: Page;
const run = Date.now().toString(36);
const colleague = { email: `mention-${run}@example.com`, name: `Mei Colleague ${run}`, password: "mention-me-please" };
let account: { id: string; name: string };

beforeAll(async () => {
  browser = await launchBrowser();
  writer = await newContext(browser);
  reader = await newContext(browser);
  page = await writer.newPage();
});
afterAll(async () => {
  await writer?.close();
  await reader?.close();
  await browser?.close();
});

/** A comment mentioning a colleague reaches them through the bell in the header. */
describe("comments with mentions and notifications", () => {
  it("mentions a colleague picked from the autocomplete on an account's activity tab", async () => {
    await page.goto("/");
    await signIn(page);
    await page.getByRole("heading", { name: /Dashboard|工作台/ }).waitFor();
    await inEnglish(page);
    const accounts = await apiFromPage<{ items: Array<{ id: string; name: string }> }>(page, "GET", "/api/accounts?tier=key&limit=1&sort=name");
    account = accounts.items[0]!;
    const user = await apiFromPage<{ id: string }>(page, "POST", "/api/users", { email: colleague.email, name: colleague.name, password: colleague.password, role: "member" });
    await apiFromPage(page, "PUT", `/api/accounts/${account.id}/team/${user.id}`, { teamRole: "sales", allocationPct: 10 });

    await page.goto(`/accounts/${account.id}`);
    await page.getByRole("tab", { name: "Activity" }).click();
    const box = page.getByRole("textbox", { name: "Add a comment" });
    await box.click();
    await box.pressSequentially(`<b>Not bold</b> please check the pricing, @mention-${run}`);
    await page.getByRole("option", { name: new RegExp(colleague.name) }).click();
    await expect.poll(() => box.inputValue()).toBe(`<b>Not bold</b> please check the pricing, @${colleague.name} `);
    await page.getByRole("button", { name: "Post comment" }).click();
    await page.getByText("<b>Not bold</b> please check the pricing,").waitFor();
    expect(await page.locator("b", { hasText: "Not bold" }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "notifications-01-comment");
  });

  it("shows the colleague an unread badge that leads back to the account", async () => {
    const theirs = await reader.newPage();
    await theirs.goto("/sign-in");
    await theirs.getByLabel("E-mail").fill(colleague.email);
    await theirs.locator('input[autocomplete="current-password"]').fill(colleague.password);
    await theirs.getByRole("button", { name: "Sign in" }).click();
    await theirs.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await inEnglish(theirs);
    // A cadence reminder may have arrived too: the mention is at least one of the unread.
    const bell = theirs.getByRole("button", { name: /^Notifications: \d+ unread$/ });
    await bell.click();
    await theirs.getByText(new RegExp(`mentioned you on ${account.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`)).click();
    await theirs.waitForURL(`**/accounts/${account.id}**`);
    await theirs.getByRole("heading", { name: account.name, level: 1 }).waitFor();

    await theirs.goto("/notifications");
    await theirs.getByRole("heading", { name: "Notifications", level: 1 }).waitFor();
    await theirs.getByLabel("E-mail me a daily cadence reminder").waitFor();
    expect(await seriousViolations(theirs)).toEqual([]);
    await screenshot(theirs, "notifications-02-page");
  });
});
