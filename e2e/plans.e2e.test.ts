import { readFile } from "node:fs/promises";
import { inflateSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFromPage, launchBrowser, newContext, screenshot, signInAt } from "./support/browser";

interface Plan {
  id: string;
  status: string;
  version: number;
  approvedVersion: number | null;
  content: { objectives: Array<{ title: string; target: number }>; actions: Array<{ title: string; taskId: string | null; dueDate: string | null }> };
}
interface Task { id: string; title: string; source: { type: string; id: string } | null }

let browser: Browser;
let context: BrowserContext;
let page: Page;
const run = Date.now().toString(36);
const year = new Date().getFullYear();
const title = `${year} 增长计划 ${run}`;
let accountId: string;
let planId: string;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newContext(browser);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** The inflated streams of a PDF: enough to find its fonts and the Unicode maps of its text. */
function pdfStreams(pdf: Buffer): string {
  const text = pdf.toString("latin1");
  const out: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    try {
      out.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      out.push(pdf.subarray(start, end).toString("latin1"));
    }
    re.lastIndex = end;
  }
  return out.join("\n").toLowerCase();
}

describe("joint account plans", () => {
  it("creates a plan from a template on the account's plans tab", async () => {
    await signInAt(page, "/accounts");
    accountId = (await apiFromPage<{ id: string }>(page, "POST", "/api/accounts", { name: `Plan Works ${run}`, tier: "strategic", currency: "CNY" })).id;

    await page.goto(`/accounts/${accountId}?tab=plans`);
    await page.getByText("No account plans yet").waitFor();
    await page.getByRole("button", { name: "New plan" }).click();
    await page.getByRole("radio", { name: "Growth plan" }).check();
    await page.getByRole("textbox", { name: "Title" }).fill(title);
    await page.getByRole("button", { name: "Create plan" }).click();
    await page.waitForURL(new RegExp(`/accounts/${accountId}/plans/[0-9a-f-]+$`));
    planId = page.url().split("/").pop()!;
    await page.getByTestId("plan-status").getByText("Draft").waitFor();
    // The growth template pre-fills its objectives.
    await expect.poll(async () => page.getByRole("textbox", { name: "Objective" }).count()).toBe(2);
  });

  it("adds an objective and an action, and the action lands on the task board", async () => {
    await page.getByRole("button", { name: "Add objective" }).click();
    await page.getByRole("textbox", { name: "Objective" }).last().fill("提升客户满意度");
    await page.getByRole("textbox", { name: "Target" }).last().fill("60");
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByRole("textbox", { name: "Action" }).last().fill("安排季度业务回顾");
    await page.getByLabel("Due").last().fill(`${year - 1}-12-01`);
    await page.getByText("Due before the plan starts").waitFor();
    await page.getByLabel("Due").last().fill(`${year}-05-20`);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Plan saved as a new version").waitFor();

    const plan = await apiFromPage<Plan>(page, "GET", `/api/plans/${planId}`);
    expect(plan.version).toBe(2);
    expect(plan.content.objectives.at(-1)).toMatchObject({ title: "提升客户满意度", target: 60 });
    const action = plan.content.actions.find((a) => a.title === "安排季度业务回顾")!;
    expect(action.dueDate).toBe(`${year}-05-20`);
    const task = await apiFromPage<Task>(page, "GET", `/api/tasks/${action.taskId}`);
    expect(task.source).toEqual({ type: "plan", id: planId });
  });

  it("submits the plan and approves it as the demo admin, recording the version approved", async () => {
    await page.getByRole("button", { name: "Submit for approval" }).click();
    await page.getByTestId("plan-status").getByText("Submitted").waitFor();
    await page.getByRole("button", { name: "Approve" }).click();
    await page.getByTestId("plan-status").getByText("Approved").waitFor();
    await page.getByText("approved: v3").waitFor();
    const plan = await apiFromPage<Plan>(page, "GET", `/api/plans/${planId}`);
    expect(plan).toMatchObject({ status: "approved", approvedVersion: 3, version: 4 });
    await screenshot(page, "plan-approved");

    // The toasts sit over the header's buttons; a pointer resting on one keeps it open, so move away and let them go.
    await page.mouse.move(0, 0);
    await page.locator(".mantine-Notification-root").first().waitFor({ state: "detached", timeout: 15_000 });
    await page.getByRole("button", { name: "Versions" }).click();
    await page.getByRole("button", { name: "View version 1" }).click();
    await page.getByRole("heading", { name: new RegExp(`Version 1 · ${title}`) }).waitFor();
    await page.keyboard.press("Escape");
  });

  it("downloads the plan as a PDF with its Chinese title in an embedded CJK font", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    const streams = pdfStreams(pdf);
    for (const char of "增长计划提升客户满意度") expect(streams).toContain(`<${char.codePointAt(0)!.toString(16).padStart(4, "0")}>`);
  });
});
