import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, seriousViolations, signInAt } from "./support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const run = Date.now().toString(36);
const name = `QBR Works ${run}`;
let accountId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("quarterly business review and programme dashboard", () => {
  it("opens an account's review from its page, shows every section and downloads the PDF", async () => {
    await signInAt(page, "/accounts");
    accountId = (await apiFromPage<{ id: string }>(page, "POST", "/api/accounts", { name, tier: "strategic", currency: "CNY" })).id;

    await page.goto(`/accounts/${accountId}`);
    await page.getByRole("link", { name: "Quarterly review" }).click();
    await page.waitForURL(new RegExp(`/accounts/${accountId}/qbr$`));
    for (const section of ["Key figures", "Account plan progress", "Value delivered", "You said, we did", "Customer voice", "Interactions and service"]) {
      await page.getByRole("heading", { name: new RegExp(section) }).waitFor();
    }
    await page.getByRole("heading", { name: /Plan for \d{4}-Q[1-4]/ }).waitFor();
    // A new account has nothing to show yet: each section says what to do instead.
    await page.getByText("No account plan covers this quarter").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "qbr");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
  });

  it("opens the programme dashboard, drills down from a tier to the account and on to its review", async () => {
    await page.goto("/programme/dashboard");
    await page.getByRole("heading", { name: "Programme dashboard" }).waitFor();
    await page.getByTestId("tile-nps").waitFor();
    await page.getByTestId("dashboard-accounts").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "programme-dashboard");
    await page.getByRole("button", { name: "Strategic" }).first().click();
    await page.waitForURL(/tier=strategic/);
    await page.getByRole("textbox", { name: "Search accounts or owners" }).fill(run);
    await page.getByTestId("dashboard-accounts").getByRole("link", { name }).click();
    await page.waitForURL(new RegExp(`/accounts/${accountId}/qbr\\?quarter=\\d{4}-Q[1-4]$`));
    await page.getByRole("heading", { name: new RegExp(`${name} · \\d{4}-Q[1-4]`) }).waitFor();
  });
});
