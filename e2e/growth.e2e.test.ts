import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, inEnglish, launchBrowser, newContext, screenshot, seriousViolations, signIn } from "./support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const suffix = Date.now().toString(36);

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("growth planning", () => {
  it("adds an opportunity, marks a whitespace cell, and shows an initiative's ROI", async () => {
    await page.goto("/pipeline");
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page);
    await page.waitForURL(/\/pipeline$/);
    await inEnglish(page);
    const accounts = await apiFromPage<{ items: Array<{ id: string; name: string; currency: string }> }>(page, "GET", "/api/accounts?limit=1&sort=name");
    const account = accounts.items[0]!;
    const unit = `Plant ${suffix}`;
    await apiFromPage(page, "POST", `/api/accounts/${account.id}/business-units`, { name: unit, kind: "site" });
    await apiFromPage(page, "POST", `/api/accounts/${account.id}/initiatives`, {
      title: `Energy programme ${suffix}`, currency: account.currency, valuePromised: "300000", valueDelivered: "250000", investment: "100000",
    });

    await page.goto(`/accounts/${account.id}?tab=growth`);
    await page.getByRole("button", { name: "New opportunity" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Opportunity", { exact: false }).first().fill(`Line upgrade ${suffix}`);
    await dialog.getByLabel("Value", { exact: false }).first().fill("120000");
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.getByRole("cell", { name: `Line upgrade ${suffix}`, exact: true }).waitFor();
    // The closing dialog is still in the page while it fades out; judge the page once it is gone.
    await dialog.waitFor({ state: "detached" });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "40-growth-opportunities");

    await page.getByText("Whitespace", { exact: true }).click();
    const cell = page.getByRole("button", { name: new RegExp(`· ${unit}: White space$`) }).first();
    await cell.click();
    const cellDialog = page.getByRole("dialog");
    await cellDialog.getByText("Opportunity", { exact: true }).click();
    await cellDialog.getByLabel(/Estimated value/).fill("8000");
    await cellDialog.getByRole("button", { name: "Save" }).click();
    await page.getByRole("button", { name: new RegExp(`· ${unit}: Opportunity$`) }).first().waitFor();
    await screenshot(page, "41-growth-whitespace");

    await page.getByText("Value co-creation", { exact: true }).click();
    const card = page.getByTestId("initiative").filter({ hasText: `Energy programme ${suffix}` });
    await expect.poll(() => card.getByTestId("roi").textContent()).toBe("+150%");
    await screenshot(page, "42-growth-initiatives");
  });
});
