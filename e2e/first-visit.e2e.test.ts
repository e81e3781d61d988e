import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe("a first visit", () => {
  it("follows a Chinese browser", async () => {
    const context = await newContext(browser, "zh-CN");
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("heading", { name: "登录" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    await context.close();
  });

  it("uses English for any other browser language", async () => {
    const context = await newContext(browser, "de-DE");
    const page = await context.newPage();
    await page.goto("/contacts");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(page.url()).toContain("/sign-in?next=%2Fcontacts");
    await context.close();
  });
});
