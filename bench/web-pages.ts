// The web app's speed in headless Chromium against the real server (as `openkam serve --data-dir` runs it) on the
// embedded database with 10,000 accounts:
// navigation → accounts list interactive (goal < 1.0 s), navigation → account 360 chart drawn (goal < 1.5 s),
// next page and sort on the list with the long tasks they cause, and the initial JavaScript (goal ≤ 350 KB gzip).
// npm run bench (all scripts), or: node --import tsx bench/web-pages.ts [--quick] [--accounts N] [--runs N] [--fresh] [--wait-quiet N]
import { WEB_DIR } from "@openkam/cli/web-build";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startServer, type RunningServer } from "./lib/child";
import { waitForQuiet } from "./lib/load";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { BENCH_DATA } from "./lib/seeded";
import { seededWebDir } from "./lib/seeded-web";
import { signIn, snapshotWebBuild } from "./lib/web-app";

const CHROMIUM = "/usr/bin/chromium";
const GOALS = { accountsMs: 1000, account360Ms: 1500, initialKb: 350 };
/** Longest wait for one page state; a busy machine can be slow, but not this slow. */
const WAIT_MS = 60_000;
/** The revenue chart's bar colour (revenueChartOption in packages/web/src/features/account360/revenue-chart.ts). */
const BAR_RGB = [0x22, 0x8b, 0xe6];
/** Sampled bar pixels that mean "bars are drawn": a 1,440 px wide page draws thousands once the bars have grown. */
const MIN_BAR_PIXELS = 50;
/** Typed into the accounts search box to check that the page takes input. */
const TYPED = "a";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const options = parseBenchOptions(args);
const accountsWanted = Number(flag("--accounts") ?? 10_000);
const runs = Number(flag("--runs") ?? (options.quick ? 3 : 10));

interface Labels {
  search: string;
  next: string;
  updatedColumn: string;
}

/** The English labels the app shows, from its own message files, so a renamed label does not break the bench. */
function readLabels(): Labels {
  const messages = (file: string) => JSON.parse(readFileSync(join(WEB_DIR, "src/locales/en", file), "utf8")) as Record<string, unknown>;
  const accounts = messages("accounts.json") as { searchLabel: string; columns: { updatedAt: string } };
  const common = messages("common.json") as { next: string };
  return { search: accounts.searchLabel, next: common.next, updatedColumn: accounts.columns.updatedAt };
}

interface Probe {
  at: number;
  href?: string;
  pixels?: number;
}

/** Polls a probe from bench/lib/web-probes.js on every animation frame until it answers. */
async function probe<T = Probe>(page: Page, name: string, ...probeArgs: unknown[]): Promise<T> {
  const call = `window.__okBench.${name}(...${JSON.stringify(probeArgs)})`;
  const handle = await page.waitForFunction(call, undefined, { polling: "raf", timeout: WAIT_MS });
  return (await handle.jsonValue()) as T;
}

const evaluate = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

type Series = "rowCold" | "accountsCold" | "accountsWarm" | "account360Cold" | "account360Warm" | "nextPage" | "sort" | "longTasks" | "longestTask";
interface Sample {
  ms: number;
  /** The machine's 1-minute load average just before. */
  load: number;
  /** CPU time of the page's main thread and of the server process meanwhile, in ms: the figures a busy machine barely moves. */
  mainCpu?: number;
  serverCpu?: number;
}
const samples = new Map<Series, Sample[]>();
const record = (series: Series, sample: Sample) => samples.set(series, [...(samples.get(series) ?? []), sample]);
let coldScripts: { files: number; bytes: number } | undefined;

/** Step ends of a cold load (ms since navigation start), from the page's navigation and resource timing. */
type Milestones = Record<"html" | "domContentLoaded" | "me" | "pageCode" | "list" | "account" | "summary" | "chartCode", number | null>;
const milestones = { accounts: [] as Array<Milestones & { row: number; done: number }>, account360: [] as Array<Milestones & { done: number }> };
const readMilestones = (page: Page) => evaluate<Milestones>(page, "window.__okBench.milestones()");

/**
 * A page with CPU meters: the main-thread time of its document (CDP Performance metrics in thread time; the counter
 * starts again with each document, so after a navigation it is that page load's own) and the server process's CPU.
 */
interface MeteredPage {
  page: Page;
  mainThreadMs(): Promise<number>;
  serverMs(): Promise<number>;
}

async function meteredPage(context: BrowserContext, server: RunningServer): Promise<MeteredPage> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
  return {
    page,
    mainThreadMs: async () => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000,
    serverMs: async () => (await server.cpuMicros()) / 1000,
  };
}

/** Navigation start → first data row visible, then → a typed letter shows in the search box. */
async function accountsInteractive({ page, mainThreadMs, serverMs }: MeteredPage, url: string, labels: Labels): Promise<{ row: number; sample: Sample }> {
  const load = loadavg()[0]!;
  const server = await serverMs();
  await page.goto(`${url}/accounts`, { waitUntil: "commit" });
  const row = await probe(page, "firstRow");
  await page.getByRole("textbox", { name: labels.search, exact: true }).click();
  await page.keyboard.type(TYPED);
  const typed = await probe(page, "inputHolds", labels.search, TYPED);
  return { row: row.at, sample: { ms: typed.at, load, mainCpu: await mainThreadMs(), serverCpu: (await serverMs()) - server } };
}

/** Navigation start → the revenue chart's bars drawn on its canvas. */
async function account360Chart({ page, mainThreadMs, serverMs }: MeteredPage, url: string, accountId: string): Promise<Sample> {
  const load = loadavg()[0]!;
  const server = await serverMs();
  await page.goto(`${url}/accounts/${accountId}`, { waitUntil: "commit" });
  const chart = await probe(page, "chart", BAR_RGB, MIN_BAR_PIXELS);
  return { ms: chart.at, load, mainCpu: await mainThreadMs(), serverCpu: (await serverMs()) - server };
}

/** On a loaded list: click Next, then sort by the Updated column; each timed from the click to the new rows on screen. */
async function listInteractions({ page, mainThreadMs, serverMs }: MeteredPage, url: string, labels: Labels): Promise<Record<"next" | "sort" | "longTasks" | "longest", Sample>> {
  await page.goto(`${url}/accounts`, { waitUntil: "commit" });
  const first = await probe(page, "firstRow");
  await page.waitForLoadState("networkidle");

  const load = loadavg()[0]!;
  const lap = async (since: [number, number]): Promise<[number, number]> => [(await mainThreadMs()) - since[0], (await serverMs()) - since[1]];
  const now = async (): Promise<[number, number]> => [await mainThreadMs(), await serverMs()];
  let before = await now();
  await page.getByRole("button", { name: labels.next, exact: true }).click();
  const paged = await probe(page, "listChanged", first.href, "");
  const nextCpu = await lap(before);
  const nextClick = await evaluate<number>(page, "window.__okBench.lastClick()");

  before = await now();
  await page.getByRole("button", { name: labels.updatedColumn, exact: true }).click();
  const sorted = await probe(page, "listChanged", paged.href, "sort=updatedAt");
  const sortCpu = await lap(before);
  const sortClick = await evaluate<number>(page, "window.__okBench.lastClick()");

  // Long-task entries arrive after the task ends.
  await page.waitForTimeout(100);
  const during = (from: number, to: number) => evaluate<{ total: number; longest: number }>(page, `window.__okBench.longTasks(${from}, ${to})`);
  const [a, b] = [await during(nextClick, paged.at), await during(sortClick, sorted.at)];
  return {
    next: { ms: paged.at - nextClick, load, mainCpu: nextCpu[0], serverCpu: nextCpu[1] },
    sort: { ms: sorted.at - sortClick, load, mainCpu: sortCpu[0], serverCpu: sortCpu[1] },
    longTasks: { ms: a.total + b.total, load },
    longest: { ms: Math.max(a.longest, b.longest), load },
  };
}

async function newContext(browser: Browser, url: string, session: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 }, colorScheme: "light" });
  await context.addCookies([{ name: "openkam_session", value: session, url }]);
  await context.addInitScript({ path: resolve(import.meta.dirname, "lib/web-probes.js") });
  context.setDefaultTimeout(WAIT_MS);
  return context;
}

interface Target {
  browser: Browser;
  server: RunningServer;
  session: string;
  labels: Labels;
  accountId: string;
}

/** One repetition: fresh contexts (empty cache) for the cold loads, a second navigation in each for the warm ones. */
async function repetition({ browser, server, session, labels, accountId }: Target, keep: boolean): Promise<void> {
  const lists = await newContext(browser, server.url, session);
  try {
    const metered = await meteredPage(lists, server);
    const cold = await accountsInteractive(metered, server.url, labels);
    if (keep) {
      record("rowCold", { ms: cold.row, load: cold.sample.load });
      record("accountsCold", cold.sample);
      milestones.accounts.push({ ...(await readMilestones(metered.page)), row: cold.row, done: cold.sample.ms });
      coldScripts ??= await evaluate(metered.page, "window.__okBench.scripts()");
    }
    const warm = await accountsInteractive(metered, server.url, labels);
    if (keep) record("accountsWarm", warm.sample);
    const moves = await listInteractions(metered, server.url, labels);
    if (keep) {
      record("nextPage", moves.next);
      record("sort", moves.sort);
      record("longTasks", moves.longTasks);
      record("longestTask", moves.longest);
    }
  } finally {
    await lists.close();
  }

  const account = await newContext(browser, server.url, session);
  try {
    const metered = await meteredPage(account, server);
    const cold = await account360Chart(metered, server.url, accountId);
    if (keep) {
      record("account360Cold", cold);
      milestones.account360.push({ ...(await readMilestones(metered.page)), done: cold.ms });
    }
    const warm = await account360Chart(metered, server.url, accountId);
    if (keep) record("account360Warm", warm);
  } finally {
    await account.close();
  }
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function verdict(median: number, p95: number, goal: number | undefined): string {
  if (goal === undefined) return "";
  if (median >= goal) return "MISSED";
  return p95 < goal ? "met" : "met (median; p95 over)";
}

// ---------------------------------------------------------------------------------------------------------------

if (!existsSync(CHROMIUM)) {
  log(`web-pages: ${CHROMIUM} is not installed; skipped`);
  process.exit(0);
}
if (!options.engines.includes("pglite")) {
  log("web-pages: measures the embedded database only; skipped for --engine postgres");
  process.exit(0);
}

const web = await snapshotWebBuild();
const bundle = web.bundle;
log(bundle.line);

const { dataDir, info } = await seededWebDir(accountsWanted, options.fresh);
log(`data: ${fmt(info.accounts)} accounts (${fmt(info.demoAccounts)} demo at scale ${info.scale}, ${fmt(info.syntheticAccounts)} synthetic), ${fmt(info.orders)} orders; account 360 on "${info.largest.name}" (${info.largest.id})`);
const labels = readLabels();

const app = await startServer("serve-web.ts", { dataDir, webRoot: web.root });
let browser: Browser | undefined;
const loads: number[] = [];
try {
  const session = await signIn(app.url);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  log(`Chromium ${browser.version()}, ${app.url}, ${runs} runs after one warm-up`);
  const target: Target = { browser, server: app, session, labels, accountId: info.largest.id };
  await repetition(target, false);
  for (let i = 0; i < runs; i++) {
    await waitForQuiet(options.waitQuiet);
    loads.push(loadavg()[0]!);
    await repetition(target, true);
    const last = (key: Series) => fmt(samples.get(key)!.at(-1)!.ms);
    log(`  run ${i + 1}/${runs} (load ${fmt(loads.at(-1)!, 1)}): accounts ${last("accountsCold")} / ${last("accountsWarm")} ms, 360 ${last("account360Cold")} / ${last("account360Warm")} ms, `
      + `next ${last("nextPage")} ms, sort ${last("sort")} ms, long tasks ${last("longTasks")} ms`);
  }
} finally {
  await browser?.close();
  await app.stop();
}

const rows: Array<Array<string | number>> = [];
const series: Array<[Series, string, number | undefined]> = [
  ["rowCold", "/accounts, cold: first row visible", undefined],
  ["accountsCold", "/accounts, cold: interactive", GOALS.accountsMs],
  ["accountsWarm", "/accounts, warm: interactive", GOALS.accountsMs],
  ["account360Cold", "/accounts/{id}, cold: chart drawn", GOALS.account360Ms],
  ["account360Warm", "/accounts/{id}, warm: chart drawn", GOALS.account360Ms],
  ["nextPage", "list: Next → new rows", undefined],
  ["sort", "list: sort by Updated → new rows", undefined],
  ["longTasks", "list: long tasks in next + sort", undefined],
  ["longestTask", "list: longest task in next + sort", undefined],
];
for (const [key, label, goal] of series) {
  const list = samples.get(key) ?? [];
  if (list.length === 0) continue;
  const ms = list.map((s) => s.ms);
  const median = percentile(ms, 50);
  const p95 = percentile(ms, 95);
  const load = list.map((s) => s.load);
  const cpu = (pick: (s: Sample) => number | undefined) => {
    const values = list.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? fmt(percentile(values, 50)) : "";
  };
  rows.push([label, list.length, fmt(median), fmt(p95), fmt(Math.max(...ms)), cpu((s) => s.mainCpu), cpu((s) => s.serverCpu),
    goal ? `< ${fmt(goal)}` : "", verdict(median, p95, goal), `${fmt(Math.min(...load), 1)}–${fmt(Math.max(...load), 1)}`]);
}
const bundleOk = bundle.gzipKb <= GOALS.initialKb;
console.log(`\nWeb app, ${fmt(info.accounts)} accounts, embedded database, headless Chromium (ms since navigation start / since the click)\n${table(
  ["measurement", "runs", "median ms", "p95 ms", "max ms", "page CPU ms", "server CPU ms", "goal ms", "result", "load before"], rows)}`);
console.log("page CPU: the renderer's main thread (thread time), server CPU: the server process; medians over the same interval.");
const medianOf = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? fmt(percentile(known, 50)) : "-";
};
const steps: Array<[string, (m: Milestones & { done: number; row?: number }) => number | null]> = [
  ["index.html received", (m) => m.html],
  ["initial JavaScript run (DOMContentLoaded)", (m) => m.domContentLoaded],
  ["/api/auth/me answered", (m) => m.me],
  ["page chunk loaded", (m) => m.pageCode],
  ["/api/accounts answered", (m) => m.list],
  ["/api/accounts/{id} answered", (m) => m.account],
  ["/api/accounts/{id}/summary answered", (m) => m.summary],
  ["echarts chunk loaded", (m) => m.chartCode],
  ["first row visible", (m) => m.row ?? null],
  ["interactive / chart drawn", (m) => m.done],
];
console.log(`\nWhere the time goes, cold loads (medians, ms since navigation start)\n${table(["step", "/accounts", "/accounts/{id}"],
  steps.map(([label, pick]) => [label, medianOf(milestones.accounts.map(pick)), medianOf(milestones.account360.map(pick))]))}`);
console.log(`\ninitial JavaScript (${web.state} build): ${bundle.files} files, ${fmt(bundle.rawKb, 1)} KB raw, ${fmt(bundle.gzipKb, 1)} KB gzip (goal ≤ ${GOALS.initialKb} KB): ${bundleOk ? "met" : "MISSED"}`);
if (coldScripts) console.log(`cold /accounts load fetched ${coldScripts.files} JavaScript files, ${fmt(coldScripts.bytes / 1024, 1)} KB as sent (encoded body size)`);
console.log(`1-minute load average before each run: ${loads.map((l) => fmt(l, 1)).join(", ")}; ${fmt(loadavg()[0]!, 1)} at the end\n`);
const raw = resolve(BENCH_DATA, "web-pages-last.json");
writeFileSync(raw, JSON.stringify({ at: new Date().toISOString(), runs, accounts: info.accounts, bundle, samples: Object.fromEntries(samples), milestones, loads }, null, 2));
log(`raw figures in ${raw}`);
