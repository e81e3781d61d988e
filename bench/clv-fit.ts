// node --import tsx bench/clv-fit.ts [--customers 100000] [--seed 1] [--quick] [--wait-quiet N]
//
// Draws customers from the BG/NBD generative process with known parameters (and spends from the
// Gamma-Gamma model), then fits BG/NBD and Gamma-Gamma with the domain functions the CLV run uses,
// and prints the fit times and the recovered parameters beside the true ones. --quick: 10,000 customers.
// Goal (identification issue): both fits on 100,000 customers in under 10 s.
import { type ClvSummaryRow, fitBgNbd, fitSpendModel, scoreClvPortfolio } from "@openkam/domain";
import { loadavg } from "node:os";
import { numberFlag } from "./lib/flags";
import { waitForQuiet } from "./lib/load";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { normal, seededRandom } from "./lib/synthetic-orders";

const options = parseBenchOptions();
const customers = numberFlag("customers", options.quick ? 10_000 : 100_000);
const seed = numberFlag("seed", 1);
const GOAL_SECONDS = 10;

/** CDNOW's published estimates (Fader, Hardie & Lee 2005; Fader & Hardie 2013), in weeks. */
const TRUE_BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const TRUE_GG = { p: 6.25, q: 3.74, gamma: 15.44 };
/** Customers are acquired over the first 12 weeks and observed to week 78, as in CDNOW's calibration period. */
const ACQUISITION_WEEKS = 12;
const END_WEEK = 78;

const random = seededRandom(seed);

/** Marsaglia and Tsang's method; a shape below 1 is boosted and scaled back. */
function gamma(shape: number, rate: number): number {
  if (shape < 1) return gamma(shape + 1, rate) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v / rate;
  }
}

const beta = (a: number, b: number) => {
  const x = gamma(a, 1);
  return x / (x + gamma(b, 1));
};

/** Times on a daily grid, as the CLV run's summary produces them (days / 7). */
const onDays = (weeks: number) => Math.floor(weeks * 7) / 7;

function simulate(n: number): ClvSummaryRow[] {
  const rows: ClvSummaryRow[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(TRUE_BGNBD.r, TRUE_BGNBD.alpha);
    const p = beta(TRUE_BGNBD.a, TRUE_BGNBD.b);
    const nu = gamma(TRUE_GG.q, TRUE_GG.gamma);
    const T = onDays(END_WEEK - random() * ACQUISITION_WEEKS);
    let t = 0;
    let x = 0;
    let last = 0;
    let spend = 0;
    // Alive from the first purchase (time 0); after each repeat purchase the customer drops out with probability p.
    for (;;) {
      t += -Math.log(1 - random()) / lambda;
      if (t > T) break;
      x++;
      last = t;
      spend += gamma(TRUE_GG.p, nu);
      if (random() < p) break;
    }
    rows.push({ customer: `C${i + 1}`, frequency: x, recency: x > 0 ? Math.min(onDays(last), T) : 0, T, monetaryValue: x > 0 ? spend / x : 0 });
  }
  return rows;
}

const started = performance.now();
const summary = simulate(customers);
log(`simulated ${fmt(customers)} customers in ${fmt((performance.now() - started) / 1000, 1)} s; ${fmt(summary.filter((s) => s.frequency > 0).length)} with repeat purchases`);

await waitForQuiet(options.waitQuiet);
const loadBefore = loadavg()[0]!;
/** Wall and CPU seconds: the fits are single-threaded, so on a busy machine the CPU time is the better guide to an idle one. */
function timed<T>(fn: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return { result, seconds: (performance.now() - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}
const bgnbdRun = timed(() => fitBgNbd(summary));
const ggRun = timed(() => fitSpendModel(summary));
const portfolioRun = timed(() => scoreClvPortfolio(summary, { horizon: 52, discountRate: 0.01 }));
const bgnbd = bgnbdRun.result;
const gg = ggRun.result;
const fitSeconds = bgnbdRun.seconds + ggRun.seconds;
const fitCpuSeconds = bgnbdRun.cpuSeconds + ggRun.cpuSeconds;

console.log(`\n${fmt(customers)} customers (load average before: ${fmt(loadBefore, 2)})\n`);
console.log(table(["step", "seconds", "CPU seconds", "goal"], [
  ["BG/NBD fit", fmt(bgnbdRun.seconds, 2), fmt(bgnbdRun.cpuSeconds, 2), ""],
  ["Gamma-Gamma fit", fmt(ggRun.seconds, 2), fmt(ggRun.cpuSeconds, 2), ""],
  ["both fits", fmt(fitSeconds, 2), fmt(fitCpuSeconds, 2), `< ${GOAL_SECONDS} s: ${fitSeconds < GOAL_SECONDS ? "met" : "missed"}`],
  ["fits + scoring every customer (scoreClvPortfolio)", fmt(portfolioRun.seconds, 2), fmt(portfolioRun.cpuSeconds, 2), ""],
]));
const row = (name: string, truth: number, fitted: number | undefined) =>
  [name, fmt(truth, 3), fitted === undefined ? "—" : fmt(fitted, 3), fitted === undefined ? "—" : `${fmt(((fitted - truth) / truth) * 100, 1)}%`];
console.log(`\nParameters (BG/NBD log-likelihood ${fmt(bgnbd.logLikelihood, 1)}, ${bgnbd.runs} Nelder-Mead runs; Gamma-Gamma on ${fmt(gg?.customers ?? 0)} repeat customers)\n`);
console.log(table(["parameter", "true", "fitted", "error"], [
  row("r", TRUE_BGNBD.r, bgnbd.params.r),
  row("alpha", TRUE_BGNBD.alpha, bgnbd.params.alpha),
  row("a", TRUE_BGNBD.a, bgnbd.params.a),
  row("b", TRUE_BGNBD.b, bgnbd.params.b),
  row("p", TRUE_GG.p, gg?.params.p),
  row("q", TRUE_GG.q, gg?.params.q),
  row("gamma", TRUE_GG.gamma, gg?.params.gamma),
]));
