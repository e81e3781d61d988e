import type { TMatrixParameters, TParetoParameters, TRfmParameters, TSelectionParameters } from "@openkam/contracts";
import {
  ABC_CLASSES, type AccountOrderTotals, compareIds, computePareto, computeRfm, computeSegmentationMatrix, type ConditionOutcomes, type CustomerOrders, evaluateRuleInto, excludedOrders, fieldsOfRule,
  type GrowthComponents, MATRIX_QUADRANTS, type MatrixInput, type OrderBook, OrderBookAggregation, parseDay, RFM_SEGMENTS, type SelectionFacts,
  type SelectionField, TRAILING_MONTHS,
} from "@openkam/domain";
import { setImmediate as nextTick } from "node:timers/promises";
import * as repo from "./analytics.repository";
import { orderBooks } from "./order-book-cache";
import type { NewResult } from "./result-blocks";
import { figureArray, writeMatrixFigures, writeParetoFigures, writeRfmFigures } from "./result-figures";
import { runFacts, type RunFacts } from "./run-facts-cache";
import { dayBefore, money, ranksBy, ratio, ratioOrNull, type RunContext, type RunOutput, timed } from "./run-context";

// The account-level runs (RFM, Pareto, matrix, selection): a pass over the organization's order book, one for the runs
// of an identification.

// ---------------------------------------------------------------- RFM and Pareto

/** Accounts aggregated between two turns of the event loop: a few milliseconds of work at 100 orders an account. */
const ACCOUNTS_PER_TURN = 2_000;

/** The last totals of a book's pass, with what they were computed for. */
interface KeptTotals {
  accounts: readonly string[];
  asOf: number;
  windowDays: number;
  currency: string;
  totals: AccountOrderTotals;
}

/**
 * The totals of the last pass over each order book (dropped with the book), for the next run over the same accounts,
 * date, window and currency: the four runs of an identification make one pass instead of four. About 3 MB per
 * 10,000 accounts.
 */
const keptTotals = new WeakMap<OrderBook, KeptTotals>();

function sameAccounts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Every analysed account (not deleted, visible to the run), with the facts named, and its order totals for a window ending on asOf (the
 * columns of AccountOrderTotals, by the accounts' positions), and the orders left out (another currency from
 * `excludedFrom`, or after asOf): one pass over the organization's order book in memory, or none when the run
 * before asked for the same totals.
 */
async function accountsWithTotals<F extends repo.AnalysedAccountFact>(ctx: RunContext, facts: readonly F[], windowDays: number, excludedFrom: string | null) {
  const { book } = await timed(ctx, "orderBook", () => orderBooks.get(ctx.db, ctx.org));
  return timed(ctx, "aggregate", async () => {
    const accounts = await repo.analysedAccounts(ctx.db, ctx.scope, facts);
    const ids = accounts.map((a) => a.id);
    const query = { asOf: ctx.asOf, windowDays, currency: ctx.currency, excludedFrom: excludedFrom === null ? null : parseDay(excludedFrom)! };
    const kept = keptTotals.get(book);
    if (kept && kept.asOf === query.asOf && kept.windowDays === windowDays && kept.currency === query.currency && sameAccounts(kept.accounts, ids)) {
      return { accounts, totals: kept.totals, excluded: excludedOrders(book, ids, query) };
    }
    const aggregation = new OrderBookAggregation(book, ids, query);
    while (!aggregation.step(ACCOUNTS_PER_TURN)) await nextTick();
    keptTotals.set(book, { accounts: ids, asOf: query.asOf, windowDays, currency: query.currency, totals: aggregation.result.totals });
    return { accounts, ...aggregation.result };
  });
}

/** Accounts with at least one order (amount ≥ 0) in the window; credit notes only do not make a customer. */
async function customersInWindow(ctx: RunContext, lookbackDays: number) {
  const { accounts, totals: t, excluded } = await accountsWithTotals(ctx, [], lookbackDays, dayBefore(ctx, lookbackDays - 1));
  const customers: CustomerOrders[] = [];
  accounts.forEach(({ id }, i) => {
    if (t.ordersWindow[i]! > 0) {
      customers.push({ customer: id, firstOrderDay: ctx.asOf - t.firstInWindow[i]!, lastOrderDay: ctx.asOf - t.lastInWindow[i]!, orders: t.ordersWindow[i]!, revenue: t.revenueWindow[i]! });
    }
  });
  return { customers, excluded };
}

export async function computeRfmRun(ctx: RunContext, p: TRfmParameters): Promise<RunOutput> {
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
  const rank = ranksBy(rows, (a, b) => b.monetary - a.monetary || compareIds(a.customer, b.customer));
  const figures = figureArray("rfm", rows.length);
  return {
    summary: {
      excludedOrders: excluded,
      segmentCounts,
      heatmap: [...cells.values()].map((c) => ({ ...c, monetary: money(c.monetary) })),
    },
    results: rows.map((row, i) => {
      writeRfmFigures(figures, i, { recency: row.recency, frequency: row.frequency, monetary: money(row.monetary), r: row.r, f: row.f, m: row.m });
      return { accountId: row.customer, grp: row.segment, rank: rank[i]! };
    }),
    figures: { kind: "rfm", data: figures },
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

export async function computeParetoRun(ctx: RunContext, p: TParetoParameters): Promise<RunOutput> {
  const { customers, excluded } = await customersInWindow(ctx, p.lookbackDays!);
  const result = computePareto(customers.map((c) => ({ customer: c.customer, revenue: c.revenue })), { a: p.cutoffs!.a!, b: p.cutoffs!.b! });
  const { summary } = result;
  // Results in the customers' order (account id order), not by rank: blocks are cut in id order.
  const position = new Map(customers.map((c, i) => [c.customer, i]));
  const figures = figureArray("pareto", result.customers.length);
  const results = new Array<NewResult>(result.customers.length);
  result.customers.forEach((row, k) => {
    const i = position.get(row.customer)!;
    writeParetoFigures(figures, i, { rank: k + 1, revenue: money(row.revenue), share: ratio(row.share), cumulativeShare: ratio(row.cumulativeShare) });
    results[i] = { accountId: row.customer, grp: row.class, rank: k + 1 };
  });
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
    results,
    figures: { kind: "pareto", data: figures },
  };
}

// ---------------------------------------------------------------- matrix

/** A number kept in an account's custom fields (a number, or a numeric text). */
function customNumber(fields: Record<string, unknown>, key: string): number | undefined {
  const value = fields[key];
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

/**
 * The growth inputs of an account in a matrix input: strategicImportance (1-5), estimatedTotalSpend (> 0) and
 * openPipeline (≥ 0) from its custom fields, a field left out when it holds no such number. Set one by one: a run
 * makes one input per account.
 */
function addGrowthInputs(input: MatrixInput, fields: Record<string, unknown>): void {
  const importance = customNumber(fields, "strategicImportance");
  const spend = customNumber(fields, "estimatedTotalSpend");
  const pipeline = customNumber(fields, "openPipeline");
  if (importance !== undefined && importance >= 1 && importance <= 5) input.strategicImportance = importance;
  if (spend !== undefined && spend > 0) input.estimatedTotalSpend = spend;
  if (pipeline !== undefined && pipeline >= 0) input.openPipeline = pipeline;
}

type GrowthKey = keyof GrowthComponents;

/** Each account's weighted open pipeline in the run's currency, whatever its expected close. */
async function openPipelineOf(ctx: RunContext): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const r of await repo.openPipelineByMonth(ctx.db, ctx.scope, { currency: ctx.currency })) {
    totals.set(r.account_id, (totals.get(r.account_id) ?? 0) + r.weighted);
  }
  return totals;
}

/**
 * Where an account's open pipeline comes from: its `openPipeline` custom field, which overrides the open
 * opportunities (a figure entered by hand is a deliberate override), else the opportunities, set on the input.
 */
function addPipeline(input: MatrixInput, pipeline: number | undefined): "custom_field" | "opportunities" | null {
  if (input.openPipeline !== undefined) return "custom_field";
  if (pipeline === undefined) return null;
  input.openPipeline = money(pipeline);
  return "opportunities";
}

export async function computeMatrixRun(ctx: RunContext, p: TMatrixParameters): Promise<RunOutput> {
  const [{ accounts, totals, excluded }, pipelines] = await Promise.all([accountsWithTotals(ctx, ["customFields"], 365, dayBefore(ctx, 730)), openPipelineOf(ctx)]);
  const inputs: MatrixInput[] = [];
  const pipelineSources: Array<"custom_field" | "opportunities" | null> = [];
  accounts.forEach((a, i) => {
    if (totals.rows24m[i] === 0) return;
    // Oldest month first: trailing month 23 down to 0.
    const monthlyRevenue = new Array<number>(TRAILING_MONTHS);
    for (let k = 0, at = (i + 1) * TRAILING_MONTHS - 1; k < TRAILING_MONTHS; k++, at--) monthlyRevenue[k] = totals.months[at]!;
    const input: MatrixInput = { customer: a.id, monthlyRevenue };
    addGrowthInputs(input, a.customFields);
    pipelineSources.push(addPipeline(input, pipelines.get(a.id)));
    inputs.push(input);
  });
  const result = computeSegmentationMatrix(inputs, p.thresholds ?? {});
  const rank = ranksBy(result.customers, (a, b) => b.revenue - a.revenue || compareIds(a.customer, b.customer));
  const figures = figureArray("matrix", result.customers.length);
  const monthly = new Float64Array(TRAILING_MONTHS);
  return {
    summary: {
      excludedOrders: excluded,
      thresholds: { contribution: ratio(result.thresholds.contribution), growth: ratio(result.thresholds.growth) },
      counts: Object.fromEntries(MATRIX_QUADRANTS.map((q) => [q, result.counts[q]])),
    },
    results: result.customers.map((row, i) => {
      const months = inputs[i]!.monthlyRevenue;
      let previous12m = 0;
      for (let k = 0; k < 12; k++) previous12m += months[k]!;
      for (let k = 0; k < TRAILING_MONTHS; k++) monthly[k] = money(months[k]!);
      const { components: c, componentScores: s } = row.growth;
      writeMatrixFigures(figures, i, {
        revenue: money(row.revenue),
        revenuePrevious12m: money(previous12m),
        monthlyRevenue: monthly,
        contribution: ratio(row.contribution),
        growth: ratio(row.growth.score),
        // Written out rather than built from a list of keys: a run makes one of each per account.
        components: {
          yoyGrowth: ratioOrNull(c.yoyGrowth), relativeSlope: ratioOrNull(c.relativeSlope), walletHeadroom: ratioOrNull(c.walletHeadroom),
          pipelineRatio: ratioOrNull(c.pipelineRatio), strategicImportance: ratioOrNull(c.strategicImportance),
        } satisfies Record<GrowthKey, number | null>,
        componentScores: {
          yoyGrowth: ratioOrNull(s.yoyGrowth), relativeSlope: ratioOrNull(s.relativeSlope), walletHeadroom: ratioOrNull(s.walletHeadroom),
          pipelineRatio: ratioOrNull(s.pipelineRatio), strategicImportance: ratioOrNull(s.strategicImportance),
        } satisfies Record<GrowthKey, number | null>,
        openPipeline: inputs[i]!.openPipeline ?? null,
        pipelineSource: pipelineSources[i]!,
      });
      return { accountId: row.customer, grp: row.quadrant, rank: rank[i]! };
    }),
    figures: { kind: "matrix", data: figures },
  };
}

// ---------------------------------------------------------------- selection

const FACT_SOURCES = { quadrant: "matrix", rfmSegment: "rfm", abcClass: "pareto", clv: "clv" } as const satisfies Partial<Record<SelectionField, string>>;

type RunFactField = keyof typeof FACT_SOURCES;

/**
 * Facts read from the latest succeeded run of another kind, one map (account → fact) per field: the group, or (for
 * clv) the account's CLV — from memory when this process made that run.
 */
async function factsFromRuns(ctx: RunContext, fields: Set<SelectionField>) {
  const sources: Record<RunFactField, string | null> = { quadrant: null, rfmSegment: null, abcClass: null, clv: null };
  const facts: Partial<Record<RunFactField, RunFacts>> = {};
  for (const [field, kind] of Object.entries(FACT_SOURCES) as Array<[RunFactField, (typeof FACT_SOURCES)[RunFactField]]>) {
    if (!fields.has(field)) continue;
    const run = await repo.latestSucceededRun(ctx.db, ctx.org, kind);
    if (!run) continue;
    sources[field] = run.id;
    facts[field] = runFacts.get(ctx.org.orgId, run.id)
      ?? new Map((await repo.resultsOfRun(ctx.db, ctx.org, run.id, { clv: field === "clv" })).map((r) => [r.accountId, field === "clv" ? r.clv : r.grp]));
  }
  return { sources, facts };
}

export async function computeSelectionRun(ctx: RunContext, p: TSelectionParameters): Promise<RunOutput> {
  const [{ accounts, totals: t, excluded }, { sources, facts: fromRuns }] = await Promise.all([accountsWithTotals(ctx, ["tier", "industry", "region"], 365, null), factsFromRuns(ctx, fieldsOfRule(p.rule))]);
  const into: ConditionOutcomes = { actual: [], held: [] };
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
      quadrant: fromRuns.quadrant?.get(a.id) ?? null,
      rfmSegment: fromRuns.rfmSegment?.get(a.id) ?? null,
      abcClass: fromRuns.abcClass?.get(a.id) ?? null,
      clv: fromRuns.clv?.get(a.id) ?? null,
    };
    const passed = evaluateRuleInto(p.rule, facts, into);
    // Each condition's value and outcome only: the trace is made again from them and the rule when shown (result-figures.ts).
    return { accountId: a.id, revenue, passed, values: { passed, actual: [...into.actual], held: [...into.held] } };
  });
  const rank = ranksBy(evaluated, (a, b) => Number(b.passed) - Number(a.passed) || b.revenue - a.revenue || compareIds(a.accountId, b.accountId));
  const selected = evaluated.filter((e) => e.passed).length;
  return {
    summary: { excludedOrders: excluded, rule: p.rule, selected, notSelected: evaluated.length - selected, sources },
    results: evaluated.map((e, i) => ({
      accountId: e.accountId,
      grp: e.passed ? "selected" : "not_selected",
      rank: rank[i]!,
      values: e.values,
    })),
  };
}
