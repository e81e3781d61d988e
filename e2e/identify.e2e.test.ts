import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, inEnglish, launchBrowser, newContext, screenshot, seriousViolations, signIn } from "./support/browser";

const QUADRANTS = ["strategic_partner", "cash_cow", "problem_account", "dog"] as const;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let promoted: { id: string; name: string; tier: string };

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** A sales director finds the key accounts: the matrix, a rule of their own, and a promotion with its reason. */
describe("identifying key accounts", () => {
  it("runs a segmentation matrix and shows the bubble chart with the accounts per quadrant", async () => {
    await page.goto("/identify");
    await page.waitForURL(/\/sign-in\?next=/);
    await signIn(page);
    await page.waitForURL(/\/identify$/);
    await inEnglish(page);
    await page.getByRole("heading", { name: "Identify key accounts", level: 1 }).waitFor();
    await page.getByTestId("overview-matrix").waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "New analysis" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New analysis" });
    await dialog.getByText("Places each account by its share of revenue").waitFor();
    await dialog.getByRole("button", { name: "Start the analysis" }).click();
    await page.waitForURL(/\/identify\/runs\/[0-9a-f-]{36}$/);

    // The run executes in the background; the page follows its status until the summary arrives.
    await page.getByTestId("quadrant-count-strategic_partner").waitFor({ timeout: 60_000 });
    await page.locator('[role="img"][aria-label^="Bubble chart of"] canvas').waitFor();
    const runId = page.url().split("/").pop()!;
    const detail = await apiFromPage<{ run: { status: string; accountCount: number; summary: { counts: Record<string, number> } } }>(page, "GET", `/api/analytics/runs/${runId}?limit=1`);
    expect(detail.run.status).toBe("succeeded");
    const shown = await Promise.all(QUADRANTS.map(async (q) => Number((await page.getByTestId(`quadrant-count-${q}`).innerText()).replace(/\D/g, ""))));
    expect(shown).toEqual(QUADRANTS.map((q) => detail.run.summary.counts[q]));
    expect(shown.reduce((s, n) => s + n, 0)).toBe(detail.run.accountCount);
    expect(detail.run.summary.counts.strategic_partner).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "identify-01-matrix");
  });

  it("drills into the strategic partners and shows the inputs behind a growth score", async () => {
    await page.getByRole("button", { name: /in Strategic partners$/ }).click();
    await page.waitForURL(/group=strategic_partner/);
    await page.getByRole("heading", { name: "Accounts: Strategic partners" }).waitFor();
    // The rows of the whole run stay on screen, dimmed and busy, until the group's arrive.
    await page.locator('[aria-busy="false"] [data-testid="run-results"]').waitFor();
    const rows = page.getByTestId("run-results").locator("tbody tr");
    await rows.first().waitFor();
    const quadrants = await rows.locator("td:nth-child(5)").allInnerTexts();
    expect(quadrants.length).toBeGreaterThan(0);
    expect(new Set(quadrants)).toEqual(new Set(["Strategic partners"]));

    // The export follows the drill-down: the same accounts, with the figures behind each.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export this group (CSV)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^openkam-matrix-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-strategic_partner\.csv$/);
    const lines = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toMatch(/^rank,account_id,external_id,account,tier,owner,quadrant,currency,revenue,/);
    expect(lines.slice(1).every((line) => line.includes(",strategic_partner,"))).toBe(true);
    const counted = Number((await page.getByTestId("quadrant-count-strategic_partner").innerText()).replace(/\D/g, ""));
    expect(lines.length - 1).toBe(counted);

    await rows.first().getByRole("button", { name: /^Show the inputs behind the score of / }).click();
    const explanation = page.getByRole("table", { name: /^Growth potential of / });
    await explanation.waitFor();
    await explanation.getByRole("cell", { name: "Growth on last year" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "identify-02-strategic-partners");
  });

  it("builds “revenue ≥ X OR quadrant = strategic partner”, evaluates it and promotes an account with a reason", async () => {
    await page.getByRole("tab", { name: "Selection rules" }).click();
    await page.waitForURL(/\/identify\/rules$/);
    await page.getByRole("textbox", { name: "Value" }).fill("2,000,000");
    await page.locator("label", { hasText: "Any of (OR)" }).click();
    await page.getByRole("button", { name: "Condition", exact: true }).click();
    await page.getByRole("combobox", { name: "Field" }).nth(1).click();
    await page.getByRole("option", { name: "Matrix quadrant" }).click();
    await page.getByRole("combobox", { name: "Value" }).click();
    await page.getByRole("option", { name: "Strategic partners" }).click();
    await page.getByText(/Revenue \(12 months\) ≥ .*2,000,000.* OR Matrix quadrant = Strategic partners/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Evaluate" }).click();
    await page.waitForURL(/\/identify\/rules\?run=/);
    const table = page.getByTestId("selection-results");
    await table.waitFor({ timeout: 60_000 });
    await table.getByLabel(/^Met: /).first().waitFor();

    // Selected accounts come first; take one that is not in the key tiers yet.
    const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => ({
      name: tr.querySelector("td:nth-child(2) a")?.textContent ?? "",
      href: tr.querySelector("td:nth-child(2) a")?.getAttribute("href") ?? "",
      tier: tr.querySelector("td:nth-child(3)")?.textContent ?? "",
      outcome: tr.querySelector("td:nth-child(4)")?.textContent ?? "",
    })));
    const selected = rows.filter((r) => r.outcome === "Selected");
    expect(selected.length).toBeGreaterThan(0);
    const pick = selected.find((r) => r.tier !== "Key" && r.tier !== "Strategic") ?? selected.find((r) => r.tier === "Key") ?? selected[0]!;
    const newTier = pick.tier === "Key" ? "Strategic" : "Key";
    promoted = { id: pick.href.split("/").pop()!, name: pick.name, tier: newTier };
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, "identify-03-rule-results");

    await table.getByRole("checkbox", { name: `Select ${pick.name}` }).check();
    await page.getByRole("button", { name: "Promote to key/strategic (1)" }).click();
    const dialog = page.getByRole("dialog", { name: "Promote the selected accounts (1)" });
    await dialog.waitFor();
    if (newTier !== "Key") {
      await dialog.getByRole("combobox", { name: "New tier" }).click();
      await page.getByRole("option", { name: newTier }).click();
    }
    await dialog.getByRole("textbox", { name: "Reason" }).fill("Selected by the key account rule: top revenue or strategic partner (E2E)");
    await screenshot(page, "identify-04-promote");
    await dialog.getByRole("button", { name: "Promote" }).click();
    await page.getByText(`1 promoted to ${newTier}, 0 already there.`).waitFor();

    const history = await apiFromPage<{ items: Array<{ toTier: string; reason: string; runId: string | null }> }>(page, "GET", `/api/accounts/${promoted.id}/tier-history`);
    expect(history.items[0]).toMatchObject({ toTier: newTier.toLowerCase(), reason: "Selected by the key account rule: top revenue or strategic partner (E2E)" });
    expect(history.items[0]!.runId).toBe(new URL(page.url()).searchParams.get("run"));
  });

  it("shows the new tier on the account's 360 page", async () => {
    await page.getByTestId("selection-results").getByRole("link", { name: promoted.name, exact: true }).click();
    await page.waitForURL(`**/accounts/${promoted.id}`);
    const heading = page.getByRole("heading", { name: promoted.name, level: 1 });
    await heading.waitFor();
    await heading.locator("xpath=..").getByText(promoted.tier, { exact: true }).waitFor();
    await screenshot(page, "identify-05-account-360");
  });

  it("runs a full identification: four analyses as of one date, the selection reading the other three", async () => {
    await page.goto("/identify");
    await page.getByRole("button", { name: "Run identification" }).click();
    const dialog = page.getByRole("dialog", { name: "Run a full identification" });
    // The rule of the selection made above.
    await dialog.getByTestId("identification-rule").getByText(/^with the latest selection’s rule .*Strategic partners/).waitFor();
    // Judged once the dialog has faded in: its text is otherwise judged on a passing opacity.
    await page.waitForFunction('[...document.querySelectorAll(".mantine-Modal-content")].every((e) => getComputedStyle(e).opacity === "1")');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Run identification" }).click();
    await page.getByText("Identification started: 4 analyses queued").waitFor();
    await page.waitForURL(/\/identify$/);

    type Run = { id: string; kind: string; status: string; asOf: string; summary: { sources?: Record<string, string | null> } | null };
    let runs: Run[] = [];
    await expect.poll(async () => {
      runs = (await apiFromPage<{ items: Run[] }>(page, "GET", "/api/analytics/runs?limit=4")).items;
      return runs.map((r) => r.status).join(",");
    }, { timeout: 90_000, interval: 500 }).toBe("succeeded,succeeded,succeeded,succeeded");
    const byKind = Object.fromEntries(runs.map((r) => [r.kind, r]));
    expect(Object.keys(byKind).sort()).toEqual(["matrix", "pareto", "rfm", "selection"]);
    expect(new Set(runs.map((r) => r.asOf)).size).toBe(1);
    expect(byKind.selection!.summary!.sources).toMatchObject({ quadrant: byKind.matrix!.id });
    // The overview's cards follow the new runs.
    for (const kind of ["matrix", "rfm", "pareto"]) await page.getByTestId(`overview-${kind}`).locator(`a[href="/identify/runs/${byKind[kind]!.id}"]`).waitFor({ timeout: 15_000 });
    await screenshot(page, "identify-06-identification");
  });
});
