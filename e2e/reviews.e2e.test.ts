import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, seriousViolations, signInAt } from "./support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const run = Date.now().toString(36);
const accountName = `Review Works ${run}`;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("360° reviews and effort", () => {
  it("a director starts a review, the customer answers on a phone through the link, and the gap between views is highlighted", async () => {
    await signInAt(page, "/accounts");
    const account = await apiFromPage<{ id: string }>(page, "POST", "/api/accounts", { name: accountName, tier: "strategic", currency: "CNY" });

    await page.goto(`/accounts/${account.id}?tab=reviews`);
    await page.getByText("No reviews yet").waitFor();
    await page.getByRole("button", { name: "Start a review" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Start a review" });
    await dialog.getByRole("switch", { name: "E-mail the link to the customer" }).uncheck({ force: true });
    await dialog.getByRole("button", { name: "Start and invite" }).click();
    const link = await page.getByTestId("customer-link").inputValue();
    expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Done" }).click();
    await page.waitForURL(/\/reviews\/[0-9a-f-]+$/);

    // The account's creator leads it, so the review asks for their self-assessment: top marks everywhere.
    const answer = page.getByTestId("answer-card");
    await expect.poll(() => answer.getByRole("radiogroup").count()).toBe(5);
    for (const group of await answer.getByRole("radiogroup").all()) await group.getByRole("radio", { name: "5", exact: true }).click();
    await answer.getByRole("button", { name: "Send my answer" }).click();
    await page.getByText("Thank you, your answer is in").waitFor();

    // The customer: a phone, no session, only the review, in Chinese first.
    const phone = await browser.newContext({ baseURL: inject("baseURL"), locale: "zh-CN", viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const customer = await phone.newPage();
    const called: string[] = [];
    customer.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/api/")) called.push(new URL(r.url()).pathname); });
    await customer.goto(new URL(link).pathname);
    await customer.getByText("1. 对客户业务的理解").waitFor();
    expect(await customer.getByRole("navigation").count()).toBe(0);
    expect(await customer.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    expect(await seriousViolations(customer)).toEqual([]);
    await customer.locator("label", { hasText: "English" }).click();
    await customer.getByText("1. Understanding of the customer's business").waitFor();
    for (const group of await customer.getByRole("radiogroup").filter({ hasNot: customer.getByRole("radio", { name: "English" }) }).all()) {
      await group.getByRole("radio", { name: "2", exact: true }).click();
    }
    await customer.getByRole("textbox", { name: /Anything you would like to add/ }).fill(`<b>Answers come slowly ${run}</b>`);
    await screenshot(customer, "reviews-01-phone");
    await customer.getByRole("button", { name: "Send" }).click();
    await customer.getByRole("heading", { name: "Thank you!" }).waitFor();
    await customer.reload();
    await customer.getByRole("heading", { name: "已经回答过了" }).waitFor();
    expect(called.filter((p) => !p.startsWith("/api/public/reviews/"))).toEqual([]);
    await phone.close();

    await page.reload();
    const gaps = page.getByTestId("review-gaps");
    await gaps.getByText("Responsiveness: Self-assessment rates higher than Customer").waitFor();
    expect(await gaps.getByText("3.00").count()).toBeGreaterThan(0);
    await page.getByText(`<b>Answers come slowly ${run}</b>`).waitFor();
    expect(await page.locator("b", { hasText: run }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "reviews-02-results");
  });

  it("a director sees where the demo team's time goes against the value of the accounts", async () => {
    await page.goto("/effort");
    await page.getByText("Key accounts against growth accounts").waitFor();
    await page.getByTestId("over-served").getByRole("link").first().waitFor();
    // The chart module loads lazily after the tables; wait for it rather than count at once.
    await page.getByRole("img", { name: "Effort against value" }).waitFor();
    expect(await page.getByRole("img", { name: "Effort against value" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "effort-01-allocation");
  });
});
