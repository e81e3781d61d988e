// Where a cold load of the accounts list (or the account 360 page) spends the page's main thread: a Chromium trace of
// one load, from navigation to the first row (or the chart) on screen, summed by kind of work (script evaluation and
// compilation, style, layout, paint, parsing, garbage collection) and, for script, by file. A tool for deciding what to
// make lighter, not a measurement with a goal: bench/web-pages.ts times the loads.
// node --import tsx bench/web-profile.ts [--page accounts|account360] [--accounts N] [--runs N] [--stack <function name>]
// (function names are readable in a build without minification: `vite build --minify false` in packages/web)
import { loadavg } from "node:os";
import { chromium, type Page } from "playwright-core";
import { startServer } from "./lib/child";
import { fmt, log, table } from "./lib/report";
import { seededWebDir } from "./lib/seeded-web";
import { signIn, snapshotWebBuild } from "./lib/web-app";

const CHROMIUM = "/usr/bin/chromium";
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const which = flag("--page") ?? "accounts";
const accountsWanted = Number(flag("--accounts") ?? 10_000);
const runs = Number(flag("--runs") ?? 3);
/** Also print the commonest call stacks (sampled) that end in this function, to find who calls it. */
const stackOf = flag("--stack");
const BAR_RGB = [0x22, 0x8b, 0xe6];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; frame?: string; stackTrace?: Array<{ url: string }> }; name?: string };
}

/** Trace events that are a kind of main-thread work; nested ones are attributed to the innermost (self time). */
const KINDS: Record<string, string> = {
  EvaluateScript: "script: evaluate",
  "v8.compile": "script: compile",
  "v8.compileModule": "script: compile",
  "v8.evaluateModule": "script: evaluate",
  FunctionCall: "script: run (callbacks, tasks)",
  TimerFire: "script: run (callbacks, tasks)",
  FireAnimationFrame: "script: run (callbacks, tasks)",
  EventDispatch: "script: run (callbacks, tasks)",
  "v8.run": "script: run (callbacks, tasks)",
  RunMicrotasks: "script: run (callbacks, tasks)",
  MajorGC: "garbage collection",
  MinorGC: "garbage collection",
  "V8.GC_SCAVENGER": "garbage collection",
  UpdateLayoutTree: "style",
  ParseAuthorStyleSheet: "style: parse CSS",
  Layout: "layout",
  PrePaint: "paint",
  Paint: "paint",
  Layerize: "paint",
  ParseHTML: "parse HTML",
};

function summarize(events: TraceEvent[], until: number): { kinds: Map<string, number>; scripts: Map<string, number>; total: number; timeline: string[] } {
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const start = events.find((e) => e.name === "navigationStart" || e.name === "NavigationStartToLoadEventEnd")?.ts
    ?? Math.min(...events.filter((e) => e.ph === "X").map((e) => e.ts));
  const onMain = events
    .filter((e) => e.ph === "X" && e.dur !== undefined && e.tid === main?.tid && e.pid === main?.pid && e.ts >= start && e.ts <= start + until * 1000)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = onMain.filter((e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask");
  const total = tasks.reduce((sum, e) => sum + e.dur!, 0) / 1000;
  // Self time of the innermost event of a known kind: the events nest as intervals, walked with a stack.
  interface Frame { end: number; dur: number; kind?: string; url?: string; child: number }
  const counted: Frame[] = [];
  const stack: Frame[] = [];
  for (const e of onMain) {
    while (stack.length > 0 && stack.at(-1)!.end <= e.ts) stack.pop();
    const kind = KINDS[e.name];
    const parent = stack.findLast((f) => f.kind !== undefined);
    const frame: Frame = { end: e.ts + e.dur!, dur: e.dur!, kind, url: e.args?.data?.url || e.args?.data?.stackTrace?.[0]?.url || parent?.url, child: 0 };
    if (kind) {
      if (parent) parent.child += e.dur!;
      counted.push(frame);
    }
    stack.push(frame);
  }
  const kinds = new Map<string, number>();
  const scripts = new Map<string, number>();
  for (const frame of counted) {
    const self = (frame.dur - frame.child) / 1000;
    kinds.set(frame.kind!, (kinds.get(frame.kind!) ?? 0) + self);
    if (!frame.kind!.startsWith("script")) continue;
    const file = frame.url ? new URL(frame.url, "http://x").pathname.replace(/-[A-Za-z0-9_-]{8}\.js$/, ".js") : "(unknown)";
    scripts.set(file, (scripts.get(file) ?? 0) + self);
  }
  // The long main-thread tasks in order, each with the kind of work that took most of it: the load's timeline.
  const timeline = tasks.filter((t) => t.dur! >= 20_000).map((t) => {
    const inside = counted.filter((f) => f.end > t.ts && f.end <= t.ts + t.dur!);
    const byKind = new Map<string, number>();
    for (const f of inside) byKind.set(f.kind!, (byKind.get(f.kind!) ?? 0) + (f.dur - f.child) / 1000);
    const [kind] = [...byKind].sort((a, b) => b[1] - a[1])[0] ?? ["?"];
    return `${Math.round((t.ts - start) / 1000)}+${Math.round(t.dur! / 1000)} ms ${kind}`;
  });
  return { kinds, scripts, total, timeline };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampled self time per function (name, file and line), in ms. */
function selfTimeByFunction(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i]!)?.callFrame;
    if (!frame || frame.functionName === "(idle)") continue;
    const file = frame.url ? new URL(frame.url, "http://x").pathname.replace(/-[A-Za-z0-9_-]{8}\.js$/, ".js") : "";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
    out.set(key, (out.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return out;
}

/** The sampled call stacks (innermost last) that end in a function of this name, with their time in ms. */
function stacksInto(profile: CpuProfile, name: string): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i++) {
    if (byId.get(samples[i]!)?.callFrame.functionName !== name) continue;
    const frames: string[] = [];
    for (let id: number | undefined = samples[i]; id !== undefined && frames.length < 14; id = parent.get(id)) {
      frames.unshift(byId.get(id)!.callFrame.functionName || "(anonymous)");
    }
    const key = frames.join(" > ");
    out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas?.[i + 1] ?? 0) / 1000);
  }
  return out;
}

async function visible(page: Page): Promise<number> {
  const probe = which === "accounts"
    ? `(() => { const a = document.querySelector('table tbody tr a[href^="/accounts/"]'); return a && a.getBoundingClientRect().width > 0 ? performance.now() : null; })()`
    : `(() => { const c = document.querySelector("[_echarts_instance_] canvas"); if (!c || !c.width) return null;
        const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data; let n = 0;
        for (let i = 0; i < d.length; i += 32) if (d[i + 3] > 200 && Math.abs(d[i] - ${BAR_RGB[0]}) < 16 && Math.abs(d[i + 1] - ${BAR_RGB[1]}) < 16 && Math.abs(d[i + 2] - ${BAR_RGB[2]}) < 16) n++;
        return n >= 50 ? performance.now() : null; })()`;
  const handle = await page.waitForFunction(probe, undefined, { polling: "raf", timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}

const web = await snapshotWebBuild();
const { dataDir, info } = await seededWebDir(accountsWanted, false);
const app = await startServer("serve-web.ts", { dataDir, webRoot: web.root });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const session = await signIn(app.url);
  const path = which === "accounts" ? "/accounts" : `/accounts/${info.largest.id}`;
  const totals = { kinds: new Map<string, number>(), scripts: new Map<string, number>(), functions: new Map<string, number>(), stacks: new Map<string, number>(), total: 0, at: 0 };
  for (let run = 0; run <= runs; run++) {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1440, height: 900 } });
    await context.addCookies([{ name: "openkam_session", value: session, url: app.url }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on("Tracing.dataCollected", (m) => void events.push(...(m.value as unknown as TraceEvent[])));
    const finished = new Promise<void>((done) => cdp.once("Tracing.tracingComplete", () => done()));
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    await cdp.send("Tracing.start", { categories: "devtools.timeline,v8,disabled-by-default-devtools.timeline,blink.user_timing,loading", transferMode: "ReportEvents" });
    const load = loadavg()[0]!;
    await page.goto(`${app.url}${path}`, { waitUntil: "commit" });
    let at = await visible(page);
    if (which === "accounts") {
      // Interactive: a letter typed into the search box shows there (as bench/web-pages.ts measures it).
      await page.getByRole("textbox", { name: "Search accounts by name", exact: true }).click();
      await page.keyboard.type("a");
      const typed = await page.waitForFunction(`(() => { const i = document.querySelector('input[aria-label="Search accounts by name"]'); return i && i.value === "a" ? performance.now() : null; })()`, undefined, { polling: "raf" });
      log(`  first row at ${fmt(at)} ms, typed letter at ${fmt((await typed.jsonValue()) as number)} ms`);
      at = (await typed.jsonValue()) as number;
    }
    await cdp.send("Tracing.end");
    await finished;
    const { profile } = await cdp.send("Profiler.stop");
    await context.close();
    if (run === 0) continue; // warm-up: the server's and the disk's caches
    const s = summarize(events, at);
    log(`run ${run}/${runs} (load ${fmt(load, 1)}): visible at ${fmt(at)} ms, main-thread tasks ${fmt(s.total)} ms`);
    log(`  tasks of 20 ms or more (start+duration since navigation): ${s.timeline.join("; ")}`);
    totals.total += s.total / runs;
    totals.at += at / runs;
    for (const [k, v] of s.kinds) totals.kinds.set(k, (totals.kinds.get(k) ?? 0) + v / runs);
    for (const [k, v] of s.scripts) totals.scripts.set(k, (totals.scripts.get(k) ?? 0) + v / runs);
    for (const [k, v] of selfTimeByFunction(profile)) totals.functions.set(k, (totals.functions.get(k) ?? 0) + v / runs);
    if (stackOf) for (const [k, v] of stacksInto(profile, stackOf)) totals.stacks.set(k, (totals.stacks.get(k) ?? 0) + v / runs);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 1);
  console.log(`\n${path} cold, ${fmt(info.accounts)} accounts: visible at ${fmt(totals.at)} ms (mean of ${runs}); main-thread tasks ${fmt(totals.total)} ms\n`);
  console.log(table(["kind of work", "ms (self)"], sorted(totals.kinds).map(([k, v]) => [k, fmt(v)])));
  console.log(`\n${table(["script file", "ms (self)"], sorted(totals.scripts).slice(0, 15).map(([k, v]) => [k, fmt(v)]))}`);
  if (stackOf) console.log(`\n${table([`call stacks into ${stackOf}`, "ms"], sorted(totals.stacks).slice(0, 8).map(([k, v]) => [k, fmt(v)]))}`);
  console.log(`\n${table(["function (sampled JavaScript profile)", "ms (self)"], sorted(totals.functions).slice(0, 30).map(([k, v]) => [k, fmt(v)]))}`);
} finally {
  await browser.close();
  await app.stop();
}
