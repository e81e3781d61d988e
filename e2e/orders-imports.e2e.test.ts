import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, seriousViolations, signIn, inEnglish } from "./support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const run = Date.now().toString(36).toUpperCase();

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Chinese headers (recognised by the server's guess), three good rows and one with a tier that does not exist. */
const CSV = [
  "编号,客户名称,行业,等级,币种",
  `E2E-${run}-1,华东精密机械 ${run},Machinery,growth,CNY`,
  `E2E-${run}-2,北方包装 ${run},Packaging,standard,CNY`,
  `E2E-${run}-3,南方电气 ${run},Electrical,platinum,CNY`,
  `E2E-${run}-4,西部物流 ${run},Logistics,growth,CNY`,
].join("\n");

describe("imports and orders", () => {
  it("imports a CSV with one bad row and reports the rejected line and reason", async () => {
    await page.goto("/imports");
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page);
    await page.waitForURL(/\/imports$/);
    await inEnglish(page);
    await page.getByRole("heading", { name: "Imports", level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('input[type="file"]').setInputFiles({ name: `accounts-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
    const mapping = page.getByTestId("column-mapping");
    await mapping.waitFor();
    // A required field says so in the picker.
    await expect.poll(() => page.getByLabel("Field for column “客户名称”").first().inputValue()).toBe("Name (name) · required");
    await expect.poll(() => page.getByLabel("Field for column “等级”").first().inputValue()).toBe("Tier (tier)");
    await screenshot(page, "30-import-mapping");
    await page.getByRole("button", { name: "Next" }).click();

    await page.getByLabel("Import the valid rows").check();
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForURL(/\/imports\/[0-9a-f-]{36}$/);
    await page.getByTestId("rejections").waitFor();
    expect(await page.getByTestId("rows-read").textContent()).toBe("4");
    expect(await page.getByTestId("rows-accepted").textContent()).toBe("3");
    expect(await page.getByTestId("rows-rejected").textContent()).toBe("1");
    const rejected = page.getByTestId("rejections").locator("tbody tr");
    expect(await rejected.count()).toBe(1);
    expect(await rejected.first().locator("td").first().textContent()).toBe("4");
    expect(await rejected.first().textContent()).toContain("tier");
    expect(await rejected.first().textContent()).toContain("use one of");
    expect(await page.getByRole("link", { name: "Download rejected rows (CSV)" }).getAttribute("href")).toMatch(/\/rejections\.csv$/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "31-import-results");
  });

  it("creates an order with lines and shows the exact total", async () => {
    const account = (await apiFromPage<{ items: Array<{ id: string; name: string }> }>(page, "GET", `/api/accounts?q=${encodeURIComponent(`华东精密机械 ${run}`)}&limit=1`)).items[0]!;
    const product = (await apiFromPage<{ items: Array<{ sku: string }> }>(page, "GET", "/api/products?isActive=true&limit=1")).items[0]!;

    await page.getByRole("link", { name: "Orders", exact: true }).click();
    await page.getByRole("heading", { name: "Orders", level: 1 }).waitFor();
    await page.getByRole("button", { name: "New order" }).click();
    const dialog = page.getByRole("dialog", { name: "New order" });
    await dialog.getByLabel(/^Account/).first().fill(account.name);
    await page.getByRole("option", { name: account.name }).click();
    await dialog.getByLabel("Product, line 1").first().fill(product.sku);
    await page.getByRole("option", { name: new RegExp(product.sku.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) }).first().click();
    await dialog.getByLabel("Quantity, line 1").fill("3");
    await dialog.getByLabel("Unit price, line 1").fill("19.99");
    await expect.poll(() => dialog.getByTestId("order-total").textContent()).toContain("59.97");
    await screenshot(page, "32-order-editor");
    await dialog.getByRole("button", { name: "Create" }).click();

    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    await page.getByText("Order created").waitFor();
    await expect.poll(() => page.getByTestId("order-amount").textContent()).toContain("59.97");
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "33-order");
  });
});
