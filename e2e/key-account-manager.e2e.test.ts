import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, seriousViolations, signIn } from "./support/browser";

interface AccountLite { id: string; name: string; version: number; region: string | null }

let browser: Browser;
let context: BrowserContext;
let page: Page;
let account: AccountLite;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** A key account manager's day, in order: each step starts where the previous one ended. */
describe("a key account manager's day", () => {
  it("returns to the deep link after signing in", async () => {
    await page.goto("/accounts?tier=strategic");
    await page.waitForURL(/\/sign-in\?next=/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "01-sign-in");
    await signIn(page);
    await page.waitForURL(/\/accounts\?tier=strategic$/);
    await expect.poll(() => page.getByRole("heading", { name: "Accounts", level: 1 }).isVisible()).toBe(true);
    await page.locator("tbody tr").first().waitFor();
    const page1 = await apiFromPage<{ items: AccountLite[] }>(page, "GET", "/api/accounts?tier=strategic&limit=1&sort=name");
    account = page1.items[0]!;
  });

  it("shows the dashboard and the accounts list without accessibility problems", async () => {
    await page.getByRole("link", { name: "Dashboard", exact: true }).click();
    await page.getByRole("heading", { name: "My open tasks" }).waitFor();
    await page.getByRole("heading", { name: "Strategic and key accounts" }).locator("xpath=../..").getByRole("link").nth(1).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "02-dashboard");

    await page.getByRole("link", { name: "Accounts", exact: true }).click();
    await page.locator("tbody tr").nth(5).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "03-accounts");

    // The search box and the sort order drive the list and its URL.
    const first = await page.locator("tbody tr a").first().innerText();
    await page.getByRole("textbox", { name: "Search accounts by name" }).fill(first);
    await page.waitForURL((url) => url.searchParams.get("q") === first);
    await page.locator("tbody tr").first().getByText(first, { exact: true }).waitFor();
    await page.getByRole("combobox", { name: "Sort order" }).selectOption({ label: "Name Z–A" });
    await page.waitForURL((url) => url.searchParams.get("sort") === "-name");
    await page.getByRole("textbox", { name: "Search accounts by name" }).fill("");
    await page.waitForURL((url) => !url.searchParams.has("q"));
    // Shortcuts such as Ctrl+K (the next step) are not taken from inside a text box.
    await page.getByRole("textbox", { name: "Search accounts by name" }).blur();
  });

  it("finds an account by global search and opens its 360 page with the revenue chart", async () => {
    await page.keyboard.press("Control+K");
    const search = page.getByPlaceholder("Search accounts and contacts…");
    await search.waitFor();
    await search.fill(account.name.slice(0, Math.min(4, account.name.length)));
    const option = page.getByRole("button", { name: new RegExp(account.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first();
    await option.waitFor();
    await option.click();
    await page.waitForURL(`**/accounts/${account.id}`);
    await page.getByRole("heading", { name: account.name, level: 1 }).waitFor();
    await page.locator('[role="img"][aria-label="Revenue by month"] canvas').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "04-account-360");
  });

  it("edits the account in place", async () => {
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Industry").fill("Precision machinery");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved").first().waitFor();
    await page.getByText("Precision machinery").first().waitFor();
  });

  it("shows a conflicting edit and keeps my change when I choose so", async () => {
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Region").fill("My region");
    // Meanwhile, a colleague saves the same account.
    const current = await apiFromPage<AccountLite>(page, "GET", `/api/accounts/${account.id}`);
    await apiFromPage(page, "PATCH", `/api/accounts/${account.id}`, { region: "Their region", legalName: "Colleague Legal Name" }, { "if-match": `"${current.version}"` });
    await dialog.getByRole("button", { name: "Save" }).click();

    const conflict = page.getByRole("dialog", { name: "Someone else changed this record" });
    await conflict.waitFor();
    await expect.poll(() => conflict.getByRole("row").filter({ hasText: "Region" }).innerText()).toMatch(/My region[\s\S]*Their region/);
    await screenshot(page, "05-conflict");
    await conflict.getByRole("button", { name: "Keep my changes" }).click();
    await conflict.waitFor({ state: "hidden" });
    const saved = await apiFromPage<AccountLite & { legalName: string }>(page, "GET", `/api/accounts/${account.id}`);
    expect(saved).toMatchObject({ region: "My region", legalName: "Colleague Legal Name" });
  });

  it("adds a contact and a task to the account", async () => {
    await page.getByRole("tab", { name: "Contacts" }).click();
    await page.getByRole("button", { name: "New contact" }).first().click();
    const contactDialog = page.getByRole("dialog", { name: "New contact" });
    await contactDialog.getByLabel("Name").fill("Zhang Wei (E2E)");
    await contactDialog.getByLabel("Job title").fill("Head of Procurement");
    await contactDialog.getByRole("button", { name: "Create" }).click();
    await page.getByRole("link", { name: "Zhang Wei (E2E)" }).waitFor();

    await page.getByRole("tab", { name: "Tasks" }).click();
    await page.getByRole("button", { name: "New task" }).first().click();
    const taskDialog = page.getByRole("dialog", { name: "New task" });
    await taskDialog.getByLabel("Title").fill("Prepare the QBR deck (E2E)");
    await taskDialog.getByRole("button", { name: "Create" }).click();
    await page.getByText("Prepare the QBR deck (E2E)", { exact: true }).waitFor();
  });

  it("lists contacts and settings without accessibility problems", async () => {
    await page.getByRole("link", { name: "Contacts", exact: true }).click();
    await page.locator("tbody tr").nth(3).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "06-contacts");

    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("tab", { name: "Users and roles" }).click();
    await page.locator("tbody tr").first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "07-settings-users");
  });

  it("switches to Chinese, keeps it after a reload, and signs out", async () => {
    await page.goto(`/accounts/${account.id}`);
    await page.getByRole("button", { name: "Language" }).click();
    await page.getByRole("menuitem", { name: "简体中文" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "客户", exact: true }).waitFor();
    await page.getByRole("tab", { name: "概览" }).waitFor();
    await page.reload();
    await page.getByRole("navigation").getByRole("link", { name: "联系人", exact: true }).waitFor();
    await page.locator('[role="img"][aria-label="月度收入"] canvas').waitFor();
    await screenshot(page, "08-account-360-zh");

    await page.getByRole("button", { name: /的账户菜单$/ }).click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByRole("heading", { name: "登录" }).waitFor();
    const me = await page.evaluate(async () => (await fetch("/api/auth/me")).status);
    expect(me).toBe(401);
  });
});
