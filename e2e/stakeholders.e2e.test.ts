import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, signInAt } from "./support/browser";

interface Contact { id: string; name: string; reportsToContactId: string | null; version: number }

let browser: Browser;
let context: BrowserContext;
let page: Page;
const run = Date.now().toString(36);
let accountId: string;
let boss: Contact;
let lead: Contact;
let analyst: Contact;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const MAP_LABEL = "Stakeholder map";
const node = (c: Contact) => page.getByTestId(`stakeholder-node-${c.id}`);
const contactOf = (c: Contact) => apiFromPage<Contact>(page, "GET", `/api/contacts/${c.id}`);

/** Drags one card onto another in small steps, as a hand would. */
async function dragOnto(from: Contact, to: Contact) {
  // The whole map in the window first: the account page's header and tabs can push its lower cards below the fold.
  await page.getByRole("region", { name: MAP_LABEL }).evaluate((map) => map.scrollIntoView({ block: "center" }));
  const a = await node(from).boundingBox();
  const b = await node(to).boundingBox();
  if (!a || !b) throw new Error("a card is not visible");
  // Grab the card near its top-left corner: the minimap sits over the map's bottom-right and may cover the rest.
  await page.mouse.move(a.x + 16, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + 24, a.y + 18, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
  // Hover over the target a moment before letting go, as a hand does: the map finds the card under the pointer on its
  // next frame, and a release in the same instant can land before it has.
  await page.waitForTimeout(300);
  await page.mouse.up();
}

describe("the stakeholder map", () => {
  it("shows an account's contacts as a map with coverage warnings", async () => {
    await signInAt(page, "/accounts");
    accountId = (await apiFromPage<{ id: string }>(page, "POST", "/api/accounts", { name: `Stakeholder Works ${run}`, tier: "strategic", currency: "CNY" })).id;
    boss = await apiFromPage<Contact>(page, "POST", "/api/contacts", { accountId, name: "Chen Boss", title: "CEO", buyingRole: "decision_maker", influence: 5 });
    lead = await apiFromPage<Contact>(page, "POST", "/api/contacts", { accountId, name: "Li Lead", title: "Head of purchasing", reportsToContactId: boss.id });
    analyst = await apiFromPage<Contact>(page, "POST", "/api/contacts", { accountId, name: "Wang Analyst", title: "Analyst", buyingRole: "user" });

    await page.goto(`/accounts/${accountId}?tab=stakeholders`);
    await node(analyst).waitFor();
    await node(lead).waitFor();
    await page.getByTestId("coverage-no_champion").waitFor();
    await page.getByTestId("coverage-single_threaded").waitFor();
    await page.getByText("Legend").waitFor();
  });

  it("sets a reporting line by dragging a card onto the manager, and names the cycle when a line would close one", async () => {
    await dragOnto(analyst, lead);
    await page.getByText("Wang Analyst now reports to Li Lead").waitFor();
    await expect.poll(async () => (await contactOf(analyst)).reportsToContactId).toBe(lead.id);

    await dragOnto(lead, analyst);
    await page.getByText("This reporting line cannot be set").waitFor();
    await page.getByText(/Li Lead → Wang Analyst → Li Lead/).waitFor();
    expect((await contactOf(lead)).reportsToContactId).toBe(boss.id);
  });

  it("edits attitude and buying role and adds relationship owners in the side panel, and the warnings go away", async () => {
    await node(lead).click();
    const panel = page.getByRole("complementary", { name: "Details of Li Lead" });
    await panel.waitFor();
    await panel.getByRole("combobox", { name: "Buying role" }).click();
    await page.getByRole("option", { name: "Champion" }).click();
    await panel.getByRole("combobox", { name: "Attitude" }).click();
    await page.getByRole("option", { name: "Advocate" }).click();
    await panel.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("coverage-no_champion").waitFor({ state: "detached" });
    await expect.poll(async () => (await apiFromPage<{ attitude: number }>(page, "GET", `/api/contacts/${lead.id}`)).attitude).toBe(2);

    for (let i = 0; i < 2; i++) {
      await panel.getByRole("combobox", { name: "Add a relationship owner" }).click();
      await page.getByRole("option").first().click();
      await panel.getByRole("button", { name: "Add", exact: true }).click();
      await panel.getByRole("button", { name: /^Remove .* as owner$/ }).nth(i).waitFor();
    }
    await page.getByTestId("coverage-single_threaded").waitFor({ state: "detached" });
    await screenshot(page, "30-stakeholder-map");

    await page.getByText("List", { exact: true }).click();
    const table = page.getByRole("table", { name: "Stakeholders as a list" });
    await table.getByRole("button", { name: "Wang Analyst" }).waitFor();
    expect(await table.getByRole("row").count()).toBe(4);
  });

  it("renders an account of 200 contacts", async () => {
    const big = (await apiFromPage<{ id: string }>(page, "POST", "/api/accounts", { name: `Big Org ${run}`, tier: "key", currency: "CNY" })).id;
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      const batch = await page.evaluate(async ({ big, start, managers }) => {
        const me = await (await fetch("/api/auth/me")).json() as { csrfToken: string };
        return Promise.all(Array.from({ length: 20 }, async (_, k) => {
          const n = start + k;
          const body = { accountId: big, name: `Person ${String(n).padStart(3, "0")}`, influence: (n % 5) + 1, attitude: (n % 5) - 2,
            reportsToContactId: n === 0 || managers.length === 0 ? null : managers[Math.floor((n - 1) / 4)] ?? null };
          const res = await fetch("/api/contacts", { method: "POST", headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken }, body: JSON.stringify(body) });
          return ((await res.json()) as { id: string }).id;
        }));
      }, { big, start: i, managers: ids });
      ids.push(...batch);
    }
    expect(ids.filter(Boolean)).toHaveLength(200);
    const started = Date.now();
    await page.goto(`/accounts/${big}?tab=stakeholders`);
    await page.locator(".react-flow__node").first().waitFor();
    const elapsed = Date.now() - started;
    console.log(`[e2e] 200-contact stakeholder map: nodes visible ${elapsed} ms after navigation`);
    expect(elapsed).toBeLessThan(10_000);
    await page.getByText("Contacts: 200").waitFor();
  });
});

describe("a meeting that creates a task", () => {
  it("logs a meeting with a next step, turns it into a task in one click, and shows it on the account's tasks", async () => {
    const subject = `Pilot kick-off ${run}`;
    const nextStep = `Send the pilot proposal ${run}`;
    if (!accountId) {
      await signInAt(page, "/accounts", { english: false });
      accountId = (await apiFromPage<{ id: string }>(page, "POST", "/api/accounts", { name: `Meeting Works ${run}`, currency: "CNY" })).id;
    }
    await page.goto(`/interactions?account=${accountId}`);
    await page.getByRole("button", { name: "Log interaction" }).click();
    const dialog = page.getByRole("dialog", { name: "Log interaction" });
    await dialog.getByLabel("Subject").fill(subject);
    await dialog.getByLabel("Next step").fill(nextStep);
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.waitForURL(/\/interactions\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Turn into a task" }).click();
    // The confirmation toast links to the board; the task itself is what this flow is about.
    await expect.poll(async () => (await apiFromPage<{ items: Array<{ title: string }> }>(page, "GET", `/api/tasks?accountId=${accountId}`)).items.map((t) => t.title), { timeout: 15_000 })
      .toContain(nextStep);

    await page.goto(`/accounts/${accountId}?tab=tasks`);
    await page.getByText(nextStep).first().waitFor();
  });
});
