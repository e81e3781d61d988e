import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, seriousViolations, signInAt } from "./support/browser";

let browser: Browser;
let context: BrowserContext;
let page: Page;
const run = Date.now().toString(36);
const accountName = `Survey Works ${run}`;
const why = `Deliveries were late twice <b>${run}</b>`;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe("customer surveys", () => {
  it("a director builds a survey, sends it to an account, and the customer answers on a phone; the low score becomes feedback", async () => {
    await signInAt(page, "/surveys");
    const account = await apiFromPage<{ id: string }>(page, "POST", "/api/accounts", { name: accountName, tier: "strategic", currency: "CNY" });
    await apiFromPage(page, "POST", "/api/contacts", { accountId: account.id, name: `Buyer ${run}`, email: `buyer-${run}@customer.test` });

    await page.getByRole("button", { name: "New survey" }).click();
    await page.waitForURL(/\/surveys\/new$/);
    await page.getByRole("textbox", { name: "Title · English" }).fill(`Check-in ${run}`);
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]+$/);
    const surveyId = page.url().split("/").pop()!;

    await page.getByRole("button", { name: "Send now" }).click();
    const dialog = page.getByRole("dialog", { name: "Send the survey" });
    await dialog.getByRole("combobox", { name: "Account" }).fill(accountName);
    await page.getByRole("option", { name: accountName }).click();
    await dialog.getByRole("button", { name: "Send" }).click();
    await dialog.getByText("Survey sent").waitFor();
    await dialog.getByRole("button", { name: "Close" }).first().click();

    await page.getByRole("tab", { name: "Invitations" }).click();
    const row = page.getByTestId("survey-invitation").filter({ hasText: accountName });
    await row.getByRole("button", { name: "Copy link" }).click();
    const link = (await row.getByTestId("survey-link").innerText()).trim();
    expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    const path = new URL(link).pathname;

    // The customer: a phone, no session, nothing but the survey.
    const phone = await browser.newContext({ baseURL: inject("baseURL"), locale: "en-US", viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const customer = await phone.newPage();
    const called: string[] = [];
    customer.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/api/")) called.push(new URL(r.url()).pathname); });
    await customer.goto(path);
    await customer.getByRole("heading", { name: `Check-in ${run}` }).waitFor();
    expect(await customer.getByRole("navigation").count()).toBe(0);
    expect(await customer.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    expect(await seriousViolations(customer)).toEqual([]);
    await customer.getByRole("radiogroup", { name: "How likely are you to recommend us to a colleague?" }).getByRole("radio", { name: "3", exact: true }).click();
    await customer.getByRole("textbox", { name: "What is the main reason for your score?" }).fill(why);
    await screenshot(customer, "surveys-01-phone");
    await customer.getByRole("button", { name: "Send my answers" }).click();
    await customer.getByRole("heading", { name: "Thank you!" }).waitFor();
    await customer.reload();
    await customer.getByRole("heading", { name: "Already answered" }).waitFor();
    expect(called.every((p) => p.startsWith("/api/public/surveys/"))).toBe(true);
    await phone.close();

    const feedback = await apiFromPage<{ items: Array<{ source: string; description: string | null; title: string }> }>(page, "GET", `/api/feedback?accountId=${account.id}`);
    expect(feedback.items).toMatchObject([{ source: "survey", title: expect.stringContaining("NPS 3") }]);
    // The answer came from outside this tab: reload to see it.
    await page.reload();
    await page.getByTestId("verbatim").filter({ hasText: why }).waitFor();
    expect(await page.locator("b", { hasText: run }).count()).toBe(0);
    await screenshot(page, "surveys-02-results");
    const results = await apiFromPage<{ overall: { nps: number; responses: number } }>(page, "GET", `/api/survey-results?surveyId=${surveyId}`);
    expect(results.overall).toMatchObject({ nps: -100, responses: 1 });
  });
});
