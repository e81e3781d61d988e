import type {
  TClvParameters, TForecastParameters, TMatrixParameters, TParetoParameters, TRfmParameters, TSelectionParameters,
} from "@openkam/contracts";
import type { Db } from "@openkam/db";
import {
  ABC_CLASSES, backtestForecast, ClvModelError, ClvSummaryAccumulator, type ClvSummaryRow, compareIds, computePareto, computeRfm,
  computeSegmentationMatrix, type CustomerOrders, evaluateRule, fieldsOfRule, forecastSeries, formatDay, formatMonth,
  type GrowthComponents, MATRIX_QUADRANTS, type MatrixInput, monthIndexOf, OrderBookAggregation, parseDay, RFM_SEGMENTS, scoreClvPortfolio,
  type SelectionFacts, type SelectionField, TRAILING_MONTHS,
} from "@openkam/domain";
import { setImmediate as nextTick } from "node:timers/promises";
import { systemScope, type Scope } from "../../tenancy/scope";
import * as repo from "./analytics.repository";
import { ownAccountsScope } from "./analytics.policy";
import { orderBooks } from "./order-book-cache";

export const ANALYSIS_JOB_KIND = "analysis";
const MAX_ATTEMPTS = 5;

/** Fewer customers than this cannot carry the four BG/NBD parameters. */
export const MIN_CLV_CUSTOMERS = 10;
export const MIN_CLV_REPEAT_CUSTOMERS = 2;
/** Whole months of history the forecast reads at most. */
export const FORECAST_HISTORY_MONTHS = 48;

/** A problem with the data (not with the code): the run fails with this message, without retries. */
export class AnalysisDataError extends Error {}

interface RunOutput {
  summary: Record<string, unknown>;
  results: repo.NewResultRow[];
}

/** Seconds spent in each phase of a run, added up over the runs it is passed to (for the benchmarks). */
export interface RunPhases {
  /** Getting the organization's order book: a revision check when it is in memory, else reading the orders. */
  orderBook: number;
  /** Reading the analysed accounts and the pass over their orders (or, for CLV and the forecast, the grouped SQL read). */
  aggregate: number;
  /** Counting the orders the run leaves out. */
  excluded: number;
  /** Everything else before the write: the domain's scoring, and the small reads of pipeline and other runs. */
  score: number;
  /** Replacing the results and finishing the run. */
  write: number;
}

export const emptyRunPhases = (): RunPhases => ({ orderBook: 0, aggregate: 0, excluded: 0, score: 0, write: 0 });

interface RunContext {
  db: Db;
  /** The accounts the run covers. */
  scope: Scope;
  /** The organization (for reading other runs). */
  org: Scope;
  asOf: number;
  currency: string;
  heartbeat: () => Promise<void>;
  phases: RunPhases;
}

async function timed<T>(ctx: RunContext, phase: "orderBook" | "aggregate" | "excluded", fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    ctx.phases[phase] += (performance.now() - started) / 1000;
  }
}

// Analytics output is rounded for people: money to cents, ratios to 6 decimals. A figure that is not a
// finite number is a bug, and fails the run instead of storing NaN.
function finite(value: number, what: string): number {
  if (!Number.isFinite(value)) throw new Error(`the ${what} is not a finite number`);
  return value;
}
const money = (value: number, what = "amount") => Math.round(finite(value, what) * 100) / 100 + 0;
const ratio = (value: number, what = "ratio") => Math.round(finite(value, what) * 1e6) / 1e6 + 0;
const ratioOrNull = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? ratio(value) : null);

/** Accounts aggregated between two turns of the event loop: a few milliseconds of work at 100 orders an account. */
const ACCOUNTS_PER_TURN = 2_000;

/** Gives the event loop a turn during long loops, so a big run does not stall the HTTP server. */
async function breathe(i: number): Promise<void> {
  if (i > 0 && i % 200 === 0) await nextTick();
}

/**
 * Runs (or resumes) a stored analysis: reads the aggregates in SQL, scores in the domain functions,
 * then writes the results and the summary in one transaction. A data problem fails the run with its
 * message; an unexpected error is retried by the job queue, and fails the run on the last attempt.
 */
export async function executeRun(db: Db, orgId: string, runId: string, options: { attempt: number; heartbeat: () => Promise<void>; phases?: RunPhases }): Promise<void> {
  const org = systemScope(orgId);
  const run = await repo.findRun(db, org, runId);
  if (!run || !(await repo.markRunning(db, org, runId))) return;
  try {
    const scope = run.scope === "own_accounts" ? ownAccountsScope(orgId, run.createdBy) : org;
    const phases = options.phases ?? emptyRunPhases();
    const ctx: RunContext = { db, scope, org, asOf: parseDay(run.asOf)!, currency: run.currency, heartbeat: options.heartbeat, phases };
    const before = phases.orderBook + phases.aggregate + phases.excluded;
    let started = performance.now();
    const output = await compute(ctx, run);
    phases.score += (performance.now() - started) / 1000 - (phases.orderBook + phases.aggregate + phases.excluded - before);
    await options.heartbeat();
    started = performance.now();
    await db.transaction(async (tx) => {
      await repo.replaceResults(tx, org, runId, output.results);
      await repo.finishRun(tx, org, runId, { summary: output.summary, accountCount: output.results.length });
    });
    phases.write += (performance.now() - started) / 1000;
  } catch (error) {
    const expected = error instanceof AnalysisDataError || error instanceof ClvModelError;
    if (!expected && options.attempt < MAX_ATTEMPTS) throw error;
    const message = expected ? (error as Error).message : `The analysis stopped on an unexpected error: ${(error as Error).message}`;
    await repo.finishRun(db, org, runId, { error: message });
  }
}

function compute(ctx: RunContext, run: repo.RunRow): Promise<RunOutput> {
  switch (run.kind) {
    case "rfm": return computeRfmRun(ctx, run.parameters as TRfmParameters);
    case "pareto": return computeParetoRun(ctx, run.parameters as TParetoParameters);
    case "matrix": return computeMatrixRun(ctx, run.parameters as TMatrixParameters);
    case "clv": return computeClvRun(ctx, run.parameters as TClvParameters);
    case "forecast": return computeForecastRun(ctx, run.parameters as TForecastParameters);
    case "selection": return computeSelectionRun(ctx, run.parameters as TSelectionParameters);
  }
}

const dayBefore = (ctx: RunContext, days: number) => formatDay(ctx.asOf - days);

function excludedOrders(ctx: RunContext, from: string | null) {
  return timed(ctx, "excluded", () => repo.countExcludedOrders(ctx.db, ctx.scope, { asOf: formatDay(ctx.asOf), from, currency: ctx.currency }));
}

/** Ranks 1…n by a comparator. */
function rankBy<T>(items: readonly T[], compare: (a: T, b: T) => number): Map<T, number> {
  return new Map([...items].sort(compare).map((item, i) => [item, i + 1]));
}

// ---------------------------------------------------------------- RFM and Pareto

/**
 * Every analysed account (not deleted, visible to the run) with its order totals for a window ending on asOf (the
 * columns of AccountOrderTotals, by the accounts' positions), and the orders left out (another currency from
 * `excludedFrom`, or after asOf): one pass over the organization's order book in memory.
 */
async function analysedAccounts(ctx: RunContext, windowDays: number, excludedFrom: string | null) {
  const { book } = await timed(ctx, "orderBook", () => orderBooks.get(ctx.db, ctx.org));
  return timed(ctx, "aggregate", async () => {
    const accounts = await repo.analysedAccounts(ctx.db, ctx.scope);
    const from = excludedFrom === null ? null : parseDay(excludedFrom)!;
    const aggregation = new OrderBookAggregation(book, accounts.map((a) => a.id), { asOf: ctx.asOf, windowDays, currency: ctx.currency, excludedFrom: from });
    while (!aggregation.step(ACCOUNTS_PER_TURN)) await nextTick();
    return { accounts, ...aggregation.result };
  });
}

/** Accounts with at least one order (amount ≥ 0) in the window; credit notes only do not make a customer. */
async function customersInWindow(ctx: RunContext, lookbackDays: number) {
  const { accounts, totals: t, excluded } = await analysedAccounts(ctx, lookbackDays, dayBefore(ctx, lookbackDays - 1));
  const customers: CustomerOrders[] = [];
  accounts.forEach(({ id }, i) => {
    if (t.ordersWindow[i]! > 0) {
      customers.push({ customer: id, firstOrderDay: ctx.asOf - t.firstInWindow[i]!, lastOrderDay: ctx.asOf - t.lastInWindow[i]!, orders: t.ordersWindow[i]!, revenue: t.revenueWindow[i]! });
    }
  });
  return { customers, excluded };
}

async function computeRfmRun(ctx: RunContext, p: TRfmParameters): Promise<RunOutput> {
  const { customers, excluded } = await customersInWindow(ctx, p.lookbackDays!);
  const rows = computeRfm(customers, ctx.asOf, p.scoring ?? { kind: "quintiles" });
  const segmentCounts = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<string, number>;
  const cells = new Map<string, { r: number; f: number; accounts: number; monetary: number }>();
  for (let r = 5; r >= 1; r--) for (let f = 1; f <= 5; f++) cells.set(`${r}:${f}`, { r, f, accounts: 0, monetary: 0 });
  for (const row of rows) {
    segmentCounts[row.segment]!++;
    const cell = cells.get(`${row.r}:${row.f}`)!;
    cell.accounts++;
    cell.monetary += row.monetary;
  }
  const rank = rankBy(rows, (a, b) => b.monetary - a.monetary || compareIds(a.customer, b.customer));
  return {
    summary: {
      excludedOrders: excluded,
      segmentCounts,
      heatmap: [...cells.values()].map((c) => ({ ...c, monetary: money(c.monetary) })),
    },
    results: rows.map((row) => ({
      accountId: row.customer,
      grp: row.segment,
      rank: rank.get(row)!,
      values: { recency: row.recency, frequency: row.frequency, monetary: money(row.monetary), r: row.r, f: row.f, m: row.m },
    })),
  };
}

/** At most 101 points (0, 0) … (1, 1) of the cumulative revenue share against the share of customers, by rank. */
function paretoCurve(cumulativeShares: readonly number[]): Array<{ rankShare: number; cumulativeShare: number }> {
  const n = cumulativeShares.length;
  const steps = Math.min(n, 100);
  const curve = [{ rankShare: 0, cumulativeShare: 0 }];
  for (let i = 1; i <= steps; i++) {
    const k = Math.ceil((i / steps) * n);
    curve.push({ rankShare: ratio(k / n), cumulativeShare: ratio(cumulativeShares[k - 1]!) });
  }
  return curve;
}

async function computeParetoRun(ctx: RunContext, p: TParetoParameters): Promise<RunOutput> {
  const { customers, excluded } = await customersInWindow(ctx, p.lookbackDays!);
  const result = computePareto(customers.map((c) => ({ customer: c.customer, revenue: c.revenue })), { a: p.cutoffs!.a!, b: p.cutoffs!.b! });
  const { summary } = result;
  return {
    summary: {
      excludedOrders: excluded,
      customers: summary.customers,
      totalRevenue: money(summary.totalRevenue),
      top20Share: ratio(summary.top20Share),
      gini: ratio(summary.gini),
      classCounts: Object.fromEntries(ABC_CLASSES.map((c) => [c, summary.classCounts[c]])),
      curve: paretoCurve(result.customers.map((c) => c.cumulativeShare)),
    },
    results: result.customers.map((row, i) => ({
      accountId: row.customer,
      grp: row.class,
      rank: i + 1,
      values: { rank: i + 1, revenue: money(row.revenue), share: ratio(row.share), cumulativeShare: ratio(row.cumulativeShare) },
    })),
  };
}

// ---------------------------------------------------------------- matrix

/** A number kept in an account's custom fields (a number, or a numeric text). */
function customNumber(fields: Record<string, unknown>, key: string): number | undefined {
  const value = fields[key];
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The growth inputs an account's custom fields may hold: strategicImportance (1-5), estimatedTotalSpend (> 0), openPipeline (≥ 0). */
export function growthInputsOf(fields: Record<string, unknown>): Pick<MatrixInput, "strategicImportance" | "estimatedTotalSpend" | "openPipeline"> {
  const importance = customNumber(fields, "strategicImportance");
  const spend = customNumber(fields, "estimatedTotalSpend");
  const pipeline = customNumber(fields, "openPipeline");
  return {
    ...(importance !== undefined && importance >= 1 && importance <= 5 ? { strategicImportance: importance } : {}),
    ...(spend !== undefined && spend > 0 ? { estimatedTotalSpend: spend } : {}),
    ...(pipeline !== undefined && pipeline >= 0 ? { openPipeline: pipeline } : {}),
  };
}

const GROWTH_KEYS = ["yoyGrowth", "relativeSlope", "walletHeadroom", "pipelineRatio", "strategicImportance"] as const satisfies ReadonlyArray<keyof GrowthComponents>;

/** Each account's weighted open pipeline in the run's currency, whatever its expected close. */
async function openPipelineOf(ctx: RunContext): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const r of await repo.openPipelineByMonth(ctx.db, ctx.scope, { currency: ctx.currency })) {
    totals.set(r.account_id, (totals.get(r.account_id) ?? 0) + r.weighted);
  }
  return totals;
}

/**
 * The growth inputs of one account: its custom fields, with the open opportunities as its pipeline unless an
 * `openPipeline` custom field says otherwise (a figure entered by hand is a deliberate override).
 */
function matrixGrowthInputs(fields: Record<string, unknown>, pipeline: number | undefined) {
  const inputs = growthInputsOf(fields);
  if (inputs.openPipeline !== undefined) return { inputs, pipelineSource: "custom_field" as const };
  if (pipeline === undefined) return { inputs, pipelineSource: null };
  return { inputs: { ...inputs, openPipeline: money(pipeline) }, pipelineSource: "opportunities" as const };
}

async function computeMatrixRun(ctx: RunContext, p: TMatrixParameters): Promise<RunOutput> {
  const [{ accounts, totals, excluded }, pipelines] = await Promise.all([analysedAccounts(ctx, 365, dayBefore(ctx, 730)), openPipelineOf(ctx)]);
  const growth = new Map(accounts.map((a) => [a.id, matrixGrowthInputs(a.customFields, pipelines.get(a.id))]));
  const inputs: MatrixInput[] = [];
  accounts.forEach((a, i) => {
    if (totals.rows24m[i] === 0) return;
    // Oldest month first: trailing month 23 down to 0.
    const months = totals.months.subarray(i * TRAILING_MONTHS, (i + 1) * TRAILING_MONTHS);
    inputs.push({ customer: a.id, monthlyRevenue: Array.from({ length: TRAILING_MONTHS }, (_, k) => months[TRAILING_MONTHS - 1 - k]!), ...growth.get(a.id)!.inputs });
  });
  const result = computeSegmentationMatrix(inputs, p.thresholds ?? {});
  const rank = rankBy(result.customers, (a, b) => b.revenue - a.revenue || compareIds(a.customer, b.customer));
  return {
    summary: {
      excludedOrders: excluded,
      thresholds: { contribution: ratio(result.thresholds.contribution), growth: ratio(result.thresholds.growth) },
      counts: Object.fromEntries(MATRIX_QUADRANTS.map((q) => [q, result.counts[q]])),
    },
    results: result.customers.map((row, i) => ({
      accountId: row.customer,
      grp: row.quadrant,
      rank: rank.get(row)!,
      values: {
        revenue: money(row.revenue),
        revenuePrevious12m: money(inputs[i]!.monthlyRevenue.slice(0, 12).reduce((s, v) => s + v, 0)),
        monthlyRevenue: inputs[i]!.monthlyRevenue.map((v) => money(v)),
        contribution: ratio(row.contribution),
        growth: ratio(row.growth.score),
        components: Object.fromEntries(GROWTH_KEYS.map((k) => [k, ratioOrNull(row.growth.components[k])])),
        componentScores: Object.fromEntries(GROWTH_KEYS.map((k) => [k, ratioOrNull(row.growth.componentScores[k])])),
        openPipeline: inputs[i]!.openPipeline ?? null,
        pipelineSource: growth.get(row.customer)!.pipelineSource,
      },
    })),
  };
}

// ---------------------------------------------------------------- CLV

const CLV_BINS = 10;

function histogram(values: readonly number[]): Array<{ from: number; to: number; accounts: number }> {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (max - min < 0.01) return [{ from: money(min), to: money(max), accounts: values.length }];
  const width = (max - min) / CLV_BINS;
  const bins = Array.from({ length: CLV_BINS }, (_, i) => ({ from: money(min + i * width), to: money(i === CLV_BINS - 1 ? max : min + (i + 1) * width), accounts: 0 }));
  for (const v of values) bins[Math.min(CLV_BINS - 1, Math.floor((v - min) / width))]!.accounts++;
  return bins;
}

async function computeClvRun(ctx: RunContext, p: TClvParameters): Promise<RunOutput> {
  const end = parseDay(p.calibrationEnd!)!;
  const days = await repo.aggregatePurchaseDays(ctx.db, ctx.scope, { calibrationEnd: p.calibrationEnd!, currency: ctx.currency });
  const accumulator = new ClvSummaryAccumulator(end, p.timeUnit);
  const totals = new Map<string, { net: number; purchases: number }>();
  for (const day of days) {
    const total = totals.get(day.account_id) ?? { net: 0, purchases: 0 };
    total.net += day.net;
    total.purchases += day.purchases;
    totals.set(day.account_id, total);
    if (day.orders > 0) accumulator.add({ customer: day.account_id, day: end - day.d, amount: day.purchases });
  }
  const summary = accumulator.rows();
  const excluded = await excludedOrders(ctx, null);
  if (summary.length === 0) {
    return { summary: { excludedOrders: excluded, bgnbd: null, gammaGamma: null, totalClv: 0, distribution: [] }, results: [] };
  }
  const repeat = summary.filter((s) => s.frequency > 0).length;
  if (summary.length < MIN_CLV_CUSTOMERS || repeat < MIN_CLV_REPEAT_CUSTOMERS) {
    throw new AnalysisDataError(
      `CLV needs at least ${MIN_CLV_CUSTOMERS} customers, ${MIN_CLV_REPEAT_CUSTOMERS} of them with a repeat purchase, on or before ${p.calibrationEnd}; ` +
      `this book has ${summary.length} customers and ${repeat} with a repeat purchase`,
    );
  }
  await ctx.heartbeat();
  // Without a spend model, a customer's spend per purchase is the mean of all its purchase days.
  const fallbackSpend = (row: ClvSummaryRow) => totals.get(row.customer)!.purchases / (row.frequency + 1);
  const portfolio = scoreClvPortfolio(summary, { horizon: p.horizon!, discountRate: p.discountRate!, fallbackSpend });
  const { bgnbd, gammaGamma } = portfolio;
  const rank = rankBy(portfolio.customers, (a, b) => b.clv - a.clv || compareIds(a.customer, b.customer));
  const results: repo.NewResultRow[] = [];
  for (const [i, c] of portfolio.customers.entries()) {
    await breathe(i);
    results.push({
      accountId: c.customer,
      grp: null,
      rank: rank.get(c)!,
      values: {
        frequency: c.frequency,
        recency: ratio(c.recency),
        T: ratio(c.T),
        expectedPurchases: ratio(c.expectedPurchases),
        pAlive: ratio(c.pAlive),
        expectedAverageSpend: money(c.expectedAverageSpend),
        clv: money(c.clv),
        historicRevenue: money(totals.get(c.customer)!.net),
      },
    });
  }
  const clvs = results.map((r) => r.values.clv as number);
  return {
    summary: {
      excludedOrders: excluded,
      bgnbd: { r: finite(bgnbd.params.r, "r"), alpha: finite(bgnbd.params.alpha, "alpha"), a: finite(bgnbd.params.a, "a"), b: finite(bgnbd.params.b, "b"), logLikelihood: finite(bgnbd.logLikelihood, "log-likelihood") },
      gammaGamma: gammaGamma ? { ...gammaGamma.params } : null,
      totalClv: money(portfolio.customers.reduce((s, c) => s + c.clv, 0)),
      distribution: histogram(clvs),
    },
    results,
  };
}

// ---------------------------------------------------------------- forecast

/** The last whole calendar month on asOf: its own month when asOf is the month's last day, else the month before. */
export function lastWholeMonth(asOf: number): number {
  const month = monthIndexOf(asOf);
  return monthIndexOf(asOf + 1) !== month ? month : month - 1;
}

const firstDayOf = (month: number) => `${formatMonth(month)}-01`;
const lastDayOf = (month: number) => formatDay(parseDay(firstDayOf(month + 1))! - 1);

function forecastOf(series: readonly number[], horizon: number, holdout: number, firstFuture: number) {
  const fitted = forecastSeries(series, horizon);
  const backtest = holdout > 0 && series.length > holdout ? backtestForecast(series, holdout) : undefined;
  return {
    // Revenue is not forecast below zero.
    forecast: fitted.values.map((v, i) => ({ month: formatMonth(firstFuture + i), revenue: money(Math.max(0, v), "forecast") })),
    mape: ratioOrNull(backtest?.mape),
    method: fitted.method,
  };
}

/**
 * The weighted open pipeline expected to close in each forecast month, per account and in total: beside the
 * statistical forecast, what the sales team expects to win. Opportunities without an expected close, or
 * expected before the first forecast month, are not placed in a month.
 */
async function pipelineInHorizon(ctx: RunContext, firstMonth: number, horizon: number) {
  const months = (cells: ReadonlyMap<number, number> | undefined) =>
    Array.from({ length: horizon }, (_, i) => ({ month: formatMonth(firstMonth + i), revenue: money(cells?.get(firstMonth + i) ?? 0) }));
  const byAccount = new Map<string, Map<number, number>>();
  const total = new Map<number, number>();
  for (const r of await repo.openPipelineByMonth(ctx.db, ctx.scope, { currency: ctx.currency })) {
    if (r.month === null || r.month < firstMonth || r.month >= firstMonth + horizon) continue;
    const cells = byAccount.get(r.account_id) ?? new Map<number, number>();
    cells.set(r.month, (cells.get(r.month) ?? 0) + r.weighted);
    byAccount.set(r.account_id, cells);
    total.set(r.month, (total.get(r.month) ?? 0) + r.weighted);
  }
  return { total: months(total), monthsOf: (accountId: string) => months(byAccount.get(accountId)) };
}

async function computeForecastRun(ctx: RunContext, p: TForecastParameters): Promise<RunOutput> {
  const end = lastWholeMonth(ctx.asOf);
  const start = end - FORECAST_HISTORY_MONTHS + 1;
  const rows = await repo.aggregateMonths(ctx.db, ctx.scope, { from: firstDayOf(start), to: lastDayOf(end), currency: ctx.currency });
  const excluded = await excludedOrders(ctx, firstDayOf(start));
  const first = rows.reduce((m, r) => Math.min(m, r.month), end + 1);
  const length = end - first + 1;
  const byAccount = new Map<string, number[]>();
  const total = Array.from({ length }, () => 0);
  for (const r of rows) {
    let series = byAccount.get(r.account_id);
    if (!series) byAccount.set(r.account_id, (series = Array.from({ length }, () => 0)));
    series[r.month - first]! += r.revenue;
    total[r.month - first]! += r.revenue;
  }
  const history = (series: readonly number[]) => series.map((revenue, i) => ({ month: formatMonth(first + i), revenue: money(revenue) }));
  const pipeline = await pipelineInHorizon(ctx, end + 1, p.horizon!);
  const scored: Array<{ accountId: string; values: Record<string, unknown>; expected: number }> = [];
  for (const [i, [accountId, series]] of [...byAccount.entries()].entries()) {
    await breathe(i);
    const f = forecastOf(series, p.horizon!, p.holdout!, end + 1);
    const values = { history: history(series), forecast: f.forecast, mape: f.mape, pipeline: pipeline.monthsOf(accountId) };
    scored.push({ accountId, values, expected: f.forecast.reduce((s, x) => s + x.revenue, 0) });
  }
  const rank = rankBy(scored, (a, b) => b.expected - a.expected || compareIds(a.accountId, b.accountId));
  const totalForecast = forecastOf(total, p.horizon!, p.holdout!, end + 1);
  return {
    summary: {
      excludedOrders: excluded,
      total: { history: history(total), forecast: totalForecast.forecast, mape: totalForecast.mape, method: totalForecast.method, pipeline: pipeline.total },
    },
    results: scored.map((s) => ({ accountId: s.accountId, grp: null, rank: rank.get(s)!, values: s.values })),
  };
}

// ---------------------------------------------------------------- selection

const FACT_SOURCES = { quadrant: "matrix", rfmSegment: "rfm", abcClass: "pareto", clv: "clv" } as const satisfies Partial<Record<SelectionField, string>>;

/** Facts read from the latest succeeded run of another kind: the group, or (for clv) the account's CLV. */
async function factsFromRuns(ctx: RunContext, fields: Set<SelectionField>) {
  const sources: Record<keyof typeof FACT_SOURCES, string | null> = { quadrant: null, rfmSegment: null, abcClass: null, clv: null };
  const facts = new Map<string, SelectionFacts>();
  for (const [field, kind] of Object.entries(FACT_SOURCES) as Array<[keyof typeof FACT_SOURCES, (typeof FACT_SOURCES)[keyof typeof FACT_SOURCES]]>) {
    if (!fields.has(field)) continue;
    const run = await repo.latestSucceededRun(ctx.db, ctx.org, kind);
    if (!run) continue;
    sources[field] = run.id;
    for (const r of await repo.resultsOfRun(ctx.db, ctx.org, run.id)) {
      const entry = facts.get(r.accountId) ?? {};
      entry[field] = field === "clv" ? r.clv : r.grp;
      facts.set(r.accountId, entry);
    }
  }
  return { sources, facts };
}

async function computeSelectionRun(ctx: RunContext, p: TSelectionParameters): Promise<RunOutput> {
  const [{ accounts, totals: t, excluded }, { sources, facts: fromRuns }] = await Promise.all([analysedAccounts(ctx, 365, null), factsFromRuns(ctx, fieldsOfRule(p.rule))]);
  const evaluated = accounts.map((a, i) => {
    const [revenue, previousYear, firstEver, lastEver] = [t.revenueWindow[i]!, t.revenuePreviousYear[i]!, t.firstEver[i]!, t.lastEver[i]!];
    const facts: SelectionFacts = {
      revenue12m: money(revenue),
      revenueGrowthYoy: previousYear > 0 ? Math.round(((revenue - previousYear) / previousYear) * 1e4) / 1e4 : null,
      // Truncated, so "customer for at least 3 years" means three full years.
      customerYears: firstEver >= 0 ? Math.floor((firstEver / 365.25) * 100) / 100 : null,
      orders12m: t.ordersWindow[i]!,
      daysSinceLastOrder: lastEver >= 0 ? lastEver : null,
      tier: a.tier,
      industry: a.industry,
      region: a.region,
      quadrant: null,
      rfmSegment: null,
      abcClass: null,
      clv: null,
      ...fromRuns.get(a.id),
    };
    return { accountId: a.id, revenue, outcome: evaluateRule(p.rule, facts) };
  });
  const rank = rankBy(evaluated, (a, b) => Number(b.outcome.passed) - Number(a.outcome.passed) || b.revenue - a.revenue || compareIds(a.accountId, b.accountId));
  const selected = evaluated.filter((e) => e.outcome.passed).length;
  return {
    summary: { excludedOrders: excluded, rule: p.rule, selected, notSelected: evaluated.length - selected, sources },
    results: evaluated.map((e) => ({
      accountId: e.accountId,
      grp: e.outcome.passed ? "selected" : "not_selected",
      rank: rank.get(e)!,
      values: { passed: e.outcome.passed, conditions: e.outcome.conditions },
    })),
  };
}
