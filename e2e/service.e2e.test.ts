import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, inEnglish, launchBrowser, newContext, screenshot, seriousViolations, signIn } from "./support/browser";

interface AccountLite { id: string; name: string }
interface CaseLite { id: string; status: string; sla: { state: string; firstResponse: { state: string }; resolution: { state: string } } }

let browser: Browser;
let context: BrowserContext;
let page: Page;
let account: AccountLite;
let caseId: string;
const title = `Line 3 stopped after the update (${Date.now().toString(36)})`;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const clock = (name: string) => page.getByTestId(`clock-${name}`);
const caseState = () => apiFromPage<CaseLite>(page, "GET", `/api/cases/${caseId}`);

describe("a support case and its SLA clocks", () => {
  it("opens the cases page from its deep link", async () => {
    await page.goto("/cases");
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page);
    await page.waitForURL(/\/cases$/);
    await inEnglish(page);
    await page.getByRole("heading", { name: "Cases", level: 1 }).waitFor();
    // Strategic P1 answers within two hours, around the clock, whether or not the organization set its own targets.
    const policies = await apiFromPage<{ items: { tier: string; priority: string; businessHours: boolean; firstResponseMinutes: number; version: number }[] }>(page, "GET", "/api/service/policies");
    const strategicP1 = policies.items.find((p) => p.tier === "strategic" && p.priority === "P1")!;
    if (strategicP1.businessHours || strategicP1.firstResponseMinutes < 60) {
      await apiFromPage(page, "PUT", "/api/service/policies/strategic/P1", { firstResponseMinutes: 120, resolutionMinutes: 1440, businessHours: false }, { "if-match": `"${strategicP1.version}"` });
    }
    account = (await apiFromPage<{ items: AccountLite[] }>(page, "GET", "/api/accounts?tier=strategic&limit=1&sort=name")).items[0]!;
  });

  it("opens a P1 case on a strategic account through the form, with both clocks on track", async () => {
    await page.getByRole("button", { name: "New case" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Account/).first().fill(account.name);
    await page.getByRole("option", { name: account.name }).first().click();
    await dialog.getByLabel(/^Title/).fill(title);
    await dialog.getByLabel("Priority").click();
    await page.getByRole("option", { name: "P1 – critical" }).click();
    await dialog.getByRole("button", { name: "Open case" }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split("/").pop()!;
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();
    await clock("First response").getByText("On track").waitFor();
    await clock("Resolution").getByText("On track").waitFor();
    await clock("First response").getByText(/left · due/).waitFor();
    expect((await caseState()).sla).toMatchObject({ state: "running", firstResponse: { state: "running" } });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "40-case-opened");
  });

  it("pauses the clocks while waiting on the customer and runs them again on their reply", async () => {
    await page.getByLabel("Message").fill("Could you send us the controller logs?");
    await page.getByRole("button", { name: "Wait on customer" }).click();
    await clock("First response").getByText("Paused", { exact: true }).waitFor();
    await clock("Resolution").getByText(/Paused while waiting on the customer/).waitFor();
    await page.getByText("Could you send us the controller logs?").waitFor();
    expect((await caseState()).sla.state).toBe("paused");

    await page.getByRole("button", { name: "Customer replied" }).click();
    await clock("Resolution").getByText("On track").waitFor();
    await page.getByRole("button", { name: "Respond", exact: true }).click();
    await clock("First response").getByText("Met", { exact: true }).waitFor();
    const state = await caseState();
    expect(state).toMatchObject({ status: "in_progress", sla: { firstResponse: { state: "met" }, resolution: { state: "running" } } });
    await screenshot(page, "41-case-responded");
  });

  it("lists the case with its SLA state, and shows it on the account's service tab", async () => {
    await page.getByRole("link", { name: "Cases", exact: true }).first().click();
    await page.waitForURL(/\/cases$/);
    const row = page.locator("tbody tr").filter({ hasText: title });
    await row.getByText("On track").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "42-cases");

    await row.getByRole("link", { name: account.name }).click();
    await page.waitForURL(new RegExp(`/accounts/${account.id}\\?tab=service$`));
    await page.getByRole("heading", { name: "Open cases" }).waitFor();
    await page.getByRole("link", { name: title }).waitFor();
    await page.getByRole("heading", { name: "Response times" }).waitFor();
    await screenshot(page, "43-account-service");
  });

  it("shows the targets per tier and priority and the service calendar in the settings", async () => {
    await page.goto("/settings/service");
    await page.getByRole("heading", { name: "Response and resolution targets" }).waitFor();
    const strategicP1 = page.locator("tbody tr").filter({ hasText: "Strategic" }).filter({ hasText: "P1" }).first();
    await strategicP1.getByText("around the clock (24x7)").waitFor();
    await page.getByRole("heading", { name: "Service calendar" }).waitFor();
    expect(await page.getByLabel("Monday").inputValue()).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "44-service-levels");
  });
});
