import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";

export const OUTPUT_DIR = join(import.meta.dirname, "..", "output");

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A fresh browser profile: English by default, or another language to test detection. */
export async function newContext(browser: Browser, locale = "en-US"): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: inject("baseURL"), locale, viewport: { width: 1440, height: 900 }, colorScheme: "light" });
  context.setDefaultTimeout(20_000);
  return context;
}

export async function signIn(page: Page): Promise<void> {
  await page.getByLabel("E-mail").fill(inject("demoEmail"));
  await page.locator('input[autocomplete="current-password"]').fill(inject("demoPassword"));
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Opens `path` signed out, signs in on the page it redirects to, and waits to be back on `path` (the deep link);
 * then, unless told otherwise, switches the demo user to English (earlier flows may leave it in Chinese).
 */
export async function signInAt(page: Page, path: string, { english = true } = {}): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/sign-in/);
  await signIn(page);
  const pathname = new URL(path, "http://localhost").pathname;
  await page.waitForURL((url) => url.pathname === pathname);
  if (english) await inEnglish(page);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  // Let charts and fades settle so the picture shows the page as a person sees it.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`) });
}

/** Serious and critical accessibility violations on the page as it is now (axe-core). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Toasts fade out: half-transparent text would be judged on its passing opacity, not on its colors.
  await page.locator(".mantine-Notification-root").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** Calls the API from inside the page, with its session cookie and CSRF token, like another tab would. */
export async function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return page.evaluate(async ({ method, path, body, headers }) => {
    const me = await (await fetch("/api/auth/me")).json() as { csrfToken: string };
    const response = await fetch(path, {
      method,
      headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<T>;
  }, { method, path, body, headers });
}

/** Earlier flows may leave the demo user in Chinese; flows that read English labels switch back first. */
export async function inEnglish(page: Page): Promise<void> {
  await apiFromPage(page, "PATCH", "/api/profile", { locale: "en" });
  await page.reload();
}
