import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext } from "./support/browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** The language message chunks (assets/en-….js, assets/zh-CN-….js) a page downloaded. */
function messageChunks(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on("request", (request) => {
    const match = /\/assets\/(en|zh-CN)-[^/]+\.js$/.exec(new URL(request.url()).pathname);
    if (match) seen.add(match[1]!);
  });
  return seen;
}

describe("a first visit", () => {
  it("follows a Chinese browser, and downloads the Chinese messages only", async () => {
    const context = await newContext(browser, "zh-CN");
    const page = await context.newPage();
    const chunks = messageChunks(page);
    await page.goto("/");
    await page.getByRole("heading", { name: "登录" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect([...chunks]).toEqual(["zh-CN"]);
    await context.close();
  });

  it("uses English for any other browser language, and fetches Chinese when the visitor switches", async () => {
    const context = await newContext(browser, "de-DE");
    const page = await context.newPage();
    const chunks = messageChunks(page);
    await page.goto("/contacts");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(page.url()).toContain("/sign-in?next=%2Fcontacts");
    expect([...chunks]).toEqual(["en"]);
    await page.getByRole("button", { name: "Language" }).click();
    await page.getByRole("menuitem", { name: "简体中文" }).click();
    await page.getByRole("heading", { name: "登录" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect([...chunks].sort()).toEqual(["en", "zh-CN"]);
    await context.close();
  });
});
