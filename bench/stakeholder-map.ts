// The stakeholder map of an account with 200 contacts in headless Chromium, against the real server on the embedded
// database: navigation → all 200 cards drawn, then the frames the map paints while it is panned and zoomed
// ("renders 200 contacts smoothly"), and the main-thread time each part costs.
// npm run bench (all scripts), or: node --import tsx bench/stakeholder-map.ts [--quick] [--runs N] [--contacts N]
import { createDatabase, migrate, newId } from "@openkam/db";
import { contacts as contactsTable, stakeholderRelationships } from "@openkam/db";
import { buildAccount, buildMembership, buildOrganization, buildUser } from "@openkam/db/testing/builders";
import { hashPassword } from "@openkam/server";
import { existsSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { chromium, type Page } from "playwright-core";
import { startServer } from "./lib/child";
import { waitForQuiet } from "./lib/load";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { BENCH_DATA } from "./lib/seeded";
import { signIn, snapshotWebBuild } from "./lib/web-app";

const CHROMIUM = "/usr/bin/chromium";
const LOGIN = { email: "map-bench@openkam.dev", password: "stakeholder-map-bench" };
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const options = parseBenchOptions(args);
const runs = Number(flag("--runs") ?? (options.quick ? 2 : 5));
const contactCount = Number(flag("--contacts") ?? 200);
const ROLES = ["decision_maker", "influencer", "champion", "user", "gatekeeper", "blocker"] as const;

/** An account whose people form a reporting tree 5 levels deep, each with one to three of our people in touch. */
async function buildDataDir(dataDir: string): Promise<string> {
  rmSync(dataDir, { recursive: true, force: true });
  const db = await createDatabase({ dataDir });
  try {
    await migrate(db);
    const org = await buildOrganization(db, { name: "Map bench" });
    const admin = await buildUser(db, { email: LOGIN.email, name: "Map Bench", passwordHash: await hashPassword(LOGIN.password) });
    await buildMembership(db, org.id, admin.id, "admin");
    const colleagues = [admin.id];
    for (let i = 0; i < 5; i++) {
      const user = await buildUser(db, { passwordHash: "unused" });
      await buildMembership(db, org.id, user.id, "account_manager");
      colleagues.push(user.id);
    }
    const account = await buildAccount(db, org.id, { name: "Map Bench Holdings" });
    const ids = Array.from({ length: contactCount }, () => newId());
    await db.orm.insert(contactsTable).values(ids.map((id, i) => ({
      orgId: org.id, id, accountId: account.id, name: `Contact ${i + 1}`, title: i === 0 ? "CEO" : `Manager ${i}`,
      buyingRole: ROLES[i % ROLES.length]!, influence: 1 + (i % 5), attitude: (i % 5) - 2,
      // Contact i reports to contact floor((i - 1) / 4): a tree with a fan-out of four.
      reportsToContactId: i === 0 ? null : ids[Math.floor((i - 1) / 4)]!,
    })));
    await db.orm.insert(stakeholderRelationships).values(ids.flatMap((contactId, i) =>
      colleagues.slice(0, 1 + (i % 3)).map((userId, k) => ({ orgId: org.id, contactId, userId: colleagues[(i + k) % colleagues.length] ?? userId, strength: 1 + ((i + k) % 5) }))));
    return account.id;
  } finally {
    await db.close();
  }
}

interface Sample { drawnMs: number; drawCpuMs: number; panFps: number; panWorstFrameMs: number; zoomWorstFrameMs: number; load: number }

/** Frames painted while `act` runs: their count per second and the longest gap between two. */
async function frames(page: Page, act: () => Promise<void>): Promise<{ fps: number; worst: number }> {
  // Strings, not functions: the bench is compiled without the DOM's types.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__counting = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  const times = (await page.evaluate("(() => { window.__counting = false; return window.__frames; })()")) as number[];
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const span = (times.at(-1)! - times[0]!) / 1000;
  return { fps: gaps.length / span, worst: Math.max(...gaps) };
}

async function measure(page: Page, url: string, accountId: string, mainThreadMs: () => Promise<number>): Promise<Sample> {
  const load = loadavg()[0]!;
  await page.goto(`${url}/accounts`, { waitUntil: "networkidle" });
  const start = Date.now();
  await page.goto(`${url}/accounts/${accountId}?tab=stakeholders`, { waitUntil: "commit" });
  await page.waitForFunction(`document.querySelectorAll(".react-flow__node").length >= ${contactCount}`, undefined, { polling: "raf", timeout: 60_000 });
  const drawnMs = Date.now() - start;
  // The counter starts again with each document: after the navigation it is this page load's own.
  const drawCpuMs = await mainThreadMs();
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no map pane");
  const cx = pane.x + pane.width / 2;
  const cy = pane.y + pane.height / 2;
  const pan = await frames(page, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(cx - i * 6, cy - i * 3);
    await page.mouse.up();
  });
  const zoom = await frames(page, async () => {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i < 10 ? -120 : 120);
    await page.waitForTimeout(300);
  });
  return { drawnMs, drawCpuMs, panFps: pan.fps, panWorstFrameMs: pan.worst, zoomWorstFrameMs: zoom.worst, load };
}

if (!existsSync(CHROMIUM)) {
  log(`stakeholder-map: ${CHROMIUM} is not installed; skipped`);
  process.exit(0);
}
if (!options.engines.includes("pglite")) {
  log("stakeholder-map: measures the embedded database only; skipped for --engine postgres");
  process.exit(0);
}
const web = await snapshotWebBuild();
const dataDir = resolve(BENCH_DATA, "stakeholder-map");
const accountId = await buildDataDir(dataDir);
log(`data: one account with ${contactCount} contacts in a reporting tree, 1-3 relationship owners each`);
const app = await startServer("serve-web.ts", { dataDir, webRoot: web.root });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const samples: Sample[] = [];
try {
  const session = await signIn(app.url, LOGIN);
  for (let i = 0; i <= runs; i++) {
    await waitForQuiet(options.waitQuiet);
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: "openkam_session", value: session, url: app.url }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    const mainThreadMs = async () => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
    const sample = await measure(page, app.url, accountId, mainThreadMs);
    await context.close();
    // The first run warms the server and the disk cache.
    if (i > 0) samples.push(sample);
    log(`  run ${i}${i === 0 ? " (warm-up)" : ""}: drawn ${fmt(sample.drawnMs)} ms (main thread ${fmt(sample.drawCpuMs)} ms), pan ${fmt(sample.panFps)} fps (worst frame ${fmt(sample.panWorstFrameMs)} ms), zoom worst frame ${fmt(sample.zoomWorstFrameMs)} ms, load ${fmt(sample.load, 1)}`);
  }
} finally {
  await browser.close();
  await app.stop();
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const col = (key: keyof Sample) => samples.map((s) => s[key]);
console.log(`\nStakeholder map, ${contactCount} contacts, Chromium headless 1440×900, ${samples.length} runs (median / worst):\n`);
console.log(table(["measure", "median", "worst"], [
  ["navigation → all cards drawn (ms)", fmt(median(col("drawnMs"))), fmt(Math.max(...col("drawnMs")))],
  ["main-thread time for it (ms)", fmt(median(col("drawCpuMs"))), fmt(Math.max(...col("drawCpuMs")))],
  ["frames per second while panning", fmt(median(col("panFps"))), fmt(Math.min(...col("panFps")))],
  ["longest frame while panning (ms)", fmt(median(col("panWorstFrameMs"))), fmt(Math.max(...col("panWorstFrameMs")))],
  ["longest frame while zooming (ms)", fmt(median(col("zoomWorstFrameMs"))), fmt(Math.max(...col("zoomWorstFrameMs")))],
  ["load average before", fmt(median(col("load")), 1), fmt(Math.max(...col("load")), 1)],
]));
