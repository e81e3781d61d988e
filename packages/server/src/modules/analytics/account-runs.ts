import type { TMatrixParameters, TParetoParameters, TRfmParameters, TSelectionParameters } from "@openkam/contracts";
import {
  ABC_CLASSES, type AccountOrderTotals, column, type ConditionOutcomes, evaluateRuleInto, excludedOrders, fieldsOfRule, MATRIX_QUADRANTS, type MatrixColumns,
  OrderBookAggregation, paretoOf, parseDay, rankDescending, RFM_SEGMENTS, scoreMatrix, scoreRfm, type SelectionFacts, type SelectionField, type SelectionRule, spliceTotals,
  TRAILING_MONTHS, valuesAt,
} from "@openkam/domain";
import type { Db } from "@openkam/db";
import type { Scope } from "../../tenancy/scope";
import { setImmediate as nextTick } from "node:timers/promises";
import * as repo from "./analytics.repository";
import { lineageOf, orderBooks } from "./order-book-cache";
import { matrixFigures, paretoFigures, pipelineSourceCode, rfmFigures, SelectionFigures } from "./result-figures";
import { type Fact, factsOfAccounts, runFacts, type RunFacts } from "./run-facts-cache";
import { AnalysisDataError, dayBefore, money, ratio, type RunContext, type RunOutput, timed } from "./run-context";

// The account-level runs (RFM, Pareto, matrix, selection): a pass over the organization's order book, one for the runs
// of an identification.

// ---------------------------------------------------------------- RFM and Pareto

/** Accounts aggregated between two turns of the event loop: a few milliseconds of work at 100 orders an account. */
const ACCOUNTS_PER_TURN = 2_000;

/** The totals of an organization's last pass, with what they were computed for: the book's revision, the accounts, the query. */
interface KeptTotals {
  revision: number;
  accounts: readonly string[];
  asOf: number;
  windowDays: number;
  currency: string;
  totals: AccountOrderTotals;
}

/**
 * The totals of each organization's last pass (per database handle), for the next run over the same accounts, date,
 * window and currency: the four runs of an identification make one pass instead of four, and after new orders the
 * next run aggregates again only the accounts whose orders changed. About 2.3 MB per 10,000 accounts, kept while the
 * order-book cache holds the organization's book (its memory budget bounds both).
 */
const keptTotals = new WeakMap<Db, Map<string, KeptTotals>>();

function keepTotals(db: Db, orgId: string, kept: KeptTotals): void {
  let byOrg = keptTotals.get(db);
  if (!byOrg) keptTotals.set(db, (byOrg = new Map()));
  byOrg.set(orgId, kept);
  for (const org of byOrg.keys()) if (!orderBooks.holds(db, org)) byOrg.delete(org);
}

function sameAccounts(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((id, i) => id === b[i]));
}

/**
 * Every analysed account (not deleted, visible to the run), with the facts named, and its order totals for a window
 * ending on asOf (the columns of AccountOrderTotals, by the accounts' positions), and the orders left out (another
 * currency from `excludedFrom`, or after asOf): one pass over the organization's order book in memory — none when
 * the run before asked for the same totals of the same book, and over the changed accounts only when the book was
 * brought up to date from the one that run used.
 */
async function accountsWithTotals<F extends repo.AnalysedAccountFact>(ctx: RunContext, facts: readonly F[], windowDays: number, excludedFrom: string | null) {
  const { book } = await timed(ctx, "orderBook", () => orderBooks.get(ctx.db, ctx.org));
  return timed(ctx, "aggregate", async () => {
    const accounts = await (ctx.identification?.accounts ?? repo.analysedAccounts)(ctx.db, ctx.scope, facts);
    const ids = accounts.map((a) => a.id);
    const query = { asOf: ctx.asOf, windowDays, currency: ctx.currency, excludedFrom: excludedFrom === null ? null : parseDay(excludedFrom)! };
    const lineage = lineageOf(book);
    const kept = keptTotals.get(ctx.db)?.get(ctx.org.orgId);
    const comparable = lineage && kept && kept.asOf === query.asOf && kept.windowDays === windowDays && kept.currency === query.currency && sameAccounts(kept.accounts, ids);
    const keep = (totals: AccountOrderTotals) => {
      if (lineage) keepTotals(ctx.db, ctx.org.orgId, { revision: lineage.revision, accounts: ids, asOf: query.asOf, windowDays, currency: query.currency, totals });
    };
    if (comparable && kept.revision === lineage.revision) {
      return { accounts, totals: kept.totals, excluded: excludedOrders(book, ids, query) };
    }
    // The accounts to aggregate: all, or (the book brought up to date from the one of the kept totals) the changed ones.
    const positions = comparable && lineage.from?.revision === kept.revision ? positionsOf(ids, lineage.from.changed) : null;
    const aggregation = new OrderBookAggregation(book, positions ? Array.from(positions, (i) => ids[i]!) : ids, query);
    while (!aggregation.step(ACCOUNTS_PER_TURN)) await nextTick();
    ctx.phases.passAccounts += positions ? positions.length : ids.length;
    if (!positions) {
      keep(aggregation.result.totals);
      return { accounts, ...aggregation.result };
    }
    const totals = spliceTotals(kept!.totals, positions, aggregation.result.totals);
    keep(totals);
    return { accounts, totals, excluded: excludedOrders(book, ids, query) };
  });
}

/** The positions of some accounts in a list of ids. */
function positionsOf(ids: readonly string[], accounts: ReadonlySet<string>): Int32Array {
  const positions: number[] = [];
  for (let i = 0; i < ids.length; i++) if (accounts.has(ids[i]!)) positions.push(i);
  return Int32Array.from(positions);
}

/**
 * The accounts with at least one order (amount ≥ 0) in the window — credit notes only do not make a customer — as
 * their ids and their positions in the pass's totals.
 */
async function customersInWindow(ctx: RunContext, lookbackDays: number) {
  const { accounts, totals, excluded } = await accountsWithTotals(ctx, [], lookbackDays, dayBefore(ctx, lookbackDays - 1));
  let count = 0;
  for (let i = 0; i < accounts.length; i++) if (totals.ordersWindow[i]! > 0) count++;
  const at = new Int32Array(count);
  for (let i = 0, k = 0; i < accounts.length; i++) if (totals.ordersWindow[i]! > 0) at[k++] = i;
  const ids = new Array<string>(count);
  for (let k = 0; k < count; k++) ids[k] = accounts[at[k]!]!.id;
  return { ids, at, totals, excluded };
}

/** A column of the pass's totals for the customers at positions `at`. */
const columnAt = (at: Int32Array, totals: ArrayLike<number>) => column(at.length, (k) => totals[at[k]!]!);

export async function computeRfmRun(ctx: RunContext, p: TRfmParameters): Promise<RunOutput> {
  const { ids, at, totals: t, excluded } = await customersInWindow(ctx, p.lookbackDays!);
  // Recency: days from the last order in the window to asOf.
  const [recency, frequency, monetary] = [columnAt(at, t.lastInWindow), columnAt(at, t.ordersWindow), columnAt(at, t.revenueWindow)];
  const { r, f, m, segment } = scoreRfm(recency, frequency, monetary, p.scoring ?? { kind: "quintiles" });
  const segmentCounts = new Int32Array(RFM_SEGMENTS.length);
  // The heatmap's cells, R 5 … 1 by F 1 … 5, at (5 − R) × 5 + F − 1.
  const cellAccounts = new Int32Array(25);
  const cellMonetary = new Float64Array(25);
  for (let i = 0; i < ids.length; i++) {
    segmentCounts[segment[i]!]!++;
    const cell = (5 - r[i]!) * 5 + f[i]! - 1;
    cellAccounts[cell]!++;
    cellMonetary[cell]! += monetary[i]!;
  }
  return {
    summary: {
      excludedOrders: excluded,
      segmentCounts: Object.fromEntries(RFM_SEGMENTS.map((name, k) => [name, segmentCounts[k]!])),
      heatmap: Array.from({ length: 25 }, (_, cell) => ({ r: 5 - Math.floor(cell / 5), f: (cell % 5) + 1, accounts: cellAccounts[cell]!, monetary: money(cellMonetary[cell]!) })),
    },
    accountIds: ids,
    groups: valuesAt(RFM_SEGMENTS, segment),
    ranks: rankDescending(monetary, ids),
    figures: rfmFigures({ recency, frequency, monetary, r, f, m }),
  };
}

/** At most 101 points (0, 0) … (1, 1) of the cumulative revenue share against the share of customers, by rank. */
function paretoCurve(cumulativeShares: ArrayLike<number>): Array<{ rankShare: number; cumulativeShare: number }> {
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
  const { ids, at, totals: t, excluded } = await customersInWindow(ctx, p.lookbackDays!);
  const revenue = columnAt(at, t.revenueWindow);
  const result = paretoOf(revenue, ids, { a: p.cutoffs!.a!, b: p.cutoffs!.b! });
  const { summary, rank } = result;
  const byRank = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) byRank[rank[i]! - 1] = result.cumulativeShare[i]!;
  return {
    summary: {
      excludedOrders: excluded,
      customers: summary.customers,
      totalRevenue: money(summary.totalRevenue),
      top20Share: ratio(summary.top20Share),
      gini: ratio(summary.gini),
      classCounts: Object.fromEntries(ABC_CLASSES.map((c) => [c, summary.classCounts[c]])),
      curve: paretoCurve(byRank),
    },
    // Results in the customers' order (account id order), not by rank: blocks are cut in id order.
    accountIds: ids,
    groups: valuesAt(ABC_CLASSES, result.abcClass),
    ranks: rank,
    figures: paretoFigures({ rank, revenue, share: result.share, cumulativeShare: result.cumulativeShare }),
  };
}

// ---------------------------------------------------------------- matrix

/**
 * A growth input kept in custom fields, read as text (a JSON number or a numeric string, as analysedAccounts gives it),
 * when it holds a number the matrix accepts; NaN (unknown) otherwise.
 */
function growthInput(text: string | null, key: "strategicImportance" | "estimatedTotalSpend" | "openPipeline"): number {
  const n = text !== null && text.trim() !== "" ? Number(text) : Number.NaN;
  if (!Number.isFinite(n)) return Number.NaN;
  const valid = key === "strategicImportance" ? n >= 1 && n <= 5 : key === "estimatedTotalSpend" ? n > 0 : n >= 0;
  return valid ? n : Number.NaN;
}

/** Each account's weighted open pipeline in the run's currency, whatever its expected close. */
async function openPipelineOf(ctx: RunContext): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const r of await repo.openPipelineByMonth(ctx.db, ctx.scope, { currency: ctx.currency })) {
    totals.set(r.account_id, (totals.get(r.account_id) ?? 0) + r.weighted);
  }
  return totals;
}

/**
 * The matrix's inputs of the accounts with orders or credit notes in the 24 trailing months, as columns, with each
 * one's open pipeline and where it comes from: the `openPipeline` custom field, which overrides the open opportunities
 * (a figure entered by hand is a deliberate override), else the opportunities.
 */
type GrowthInputs = Pick<repo.AnalysedAccountRow, "id" | "strategicImportance" | "estimatedTotalSpend" | "openPipeline">;

function matrixInputs(accounts: readonly GrowthInputs[], totals: AccountOrderTotals, pipelines: ReadonlyMap<string, number>) {
  let count = 0;
  for (let i = 0; i < accounts.length; i++) if (totals.rows24m[i] !== 0) count++;
  const ids = new Array<string>(count);
  const columns: MatrixColumns = {
    monthlyRevenue: new Float64Array(count * TRAILING_MONTHS),
    estimatedTotalSpend: new Float64Array(count),
    openPipeline: new Float64Array(count),
    strategicImportance: new Float64Array(count),
  };
  const pipelineSource = new Uint8Array(count);
  for (let i = 0, j = 0; i < accounts.length; i++) {
    if (totals.rows24m[i] === 0) continue;
    const account = accounts[i]!;
    const id = account.id;
    ids[j] = id;
    // Oldest month first: trailing month 23 down to 0.
    for (let k = 0, from = (i + 1) * TRAILING_MONTHS - 1; k < TRAILING_MONTHS; k++) columns.monthlyRevenue[j * TRAILING_MONTHS + k] = totals.months[from - k]!;
    columns.strategicImportance[j] = growthInput(account.strategicImportance, "strategicImportance");
    columns.estimatedTotalSpend[j] = growthInput(account.estimatedTotalSpend, "estimatedTotalSpend");
    const custom = growthInput(account.openPipeline, "openPipeline");
    const opportunities = pipelines.get(id);
    columns.openPipeline[j] = !Number.isNaN(custom) ? custom : opportunities !== undefined ? money(opportunities) : Number.NaN;
    pipelineSource[j] = pipelineSourceCode(!Number.isNaN(custom) ? "custom_field" : opportunities !== undefined ? "opportunities" : null);
    j++;
  }
  return { ids, columns, pipelineSource };
}

/** The account facts a matrix reads: the growth inputs kept in custom fields. */
const MATRIX_FACTS = ["strategicImportance", "estimatedTotalSpend", "openPipeline"] as const satisfies readonly repo.AnalysedAccountFact[];

export async function computeMatrixRun(ctx: RunContext, p: TMatrixParameters): Promise<RunOutput> {
  const [{ accounts, totals, excluded }, pipelines] = await Promise.all([accountsWithTotals(ctx, MATRIX_FACTS, 365, dayBefore(ctx, 730)), openPipelineOf(ctx)]);
  const { ids, columns, pipelineSource } = matrixInputs(accounts, totals, pipelines);
  const result = scoreMatrix(columns, p.thresholds ?? {});
  const previous12m = new Float64Array(ids.length);
  for (let j = 0; j < ids.length; j++) {
    let sum = 0;
    for (let k = 0; k < 12; k++) sum += columns.monthlyRevenue[j * TRAILING_MONTHS + k]!;
    previous12m[j] = sum;
  }
  return {
    summary: {
      excludedOrders: excluded,
      thresholds: { contribution: ratio(result.thresholds.contribution), growth: ratio(result.thresholds.growth) },
      counts: Object.fromEntries(MATRIX_QUADRANTS.map((q) => [q, result.counts[q]])),
    },
    accountIds: ids,
    groups: valuesAt(MATRIX_QUADRANTS, result.quadrant),
    ranks: rankDescending(result.revenue, ids),
    figures: matrixFigures({
      revenue: result.revenue,
      revenuePrevious12m: previous12m,
      monthlyRevenue: columns.monthlyRevenue,
      contribution: result.contribution,
      growth: result.growth.score,
      components: result.growth.components,
      componentScores: result.growth.componentScores,
      openPipeline: columns.openPipeline,
      pipelineSource,
    }),
  };
}

// ---------------------------------------------------------------- selection

const FACT_SOURCES = { quadrant: "matrix", rfmSegment: "rfm", abcClass: "pareto", clv: "clv" } as const satisfies Partial<Record<SelectionField, string>>;

type RunFactField = keyof typeof FACT_SOURCES;

/**
 * The run a fact is read from: in an identification, the run of that kind made with it, which must have succeeded;
 * else the latest succeeded run of the kind, if any.
 */
async function sourceRun(ctx: RunContext, kind: (typeof FACT_SOURCES)[RunFactField], field: RunFactField): Promise<{ id: string } | undefined> {
  const id = ctx.identification?.runs[kind];
  if (id === undefined) return repo.latestSucceededRun(ctx.db, ctx.org, kind);
  const run = await repo.runStatus(ctx.db, ctx.org, id);
  if (run?.status !== "succeeded") throw new AnalysisDataError(`The ${kind} run of this identification did not succeed, so the rule's ${field} conditions cannot be evaluated`);
  return { id };
}

/**
 * Facts read from the latest succeeded run of another kind (in an identification, from its own runs), for each field
 * the rule reads: the group, or (for clv) the account's CLV — from memory when this process made that run.
 */
async function factsFromRuns(ctx: RunContext, fields: Set<SelectionField>) {
  const sources: Record<RunFactField, string | null> = { quadrant: null, rfmSegment: null, abcClass: null, clv: null };
  const facts: Partial<Record<RunFactField, RunFacts>> = {};
  for (const [field, kind] of Object.entries(FACT_SOURCES) as Array<[RunFactField, (typeof FACT_SOURCES)[RunFactField]]>) {
    if (!fields.has(field)) continue;
    const run = await sourceRun(ctx, kind, field);
    if (!run) continue;
    sources[field] = run.id;
    let kept = runFacts.get(ctx.org.orgId, run.id);
    if (!kept) {
      const rows = await repo.resultsOfRun(ctx.db, ctx.org, run.id, { clv: field === "clv" });
      kept = { ids: rows.map((r) => r.accountId), facts: rows.map((r) => (field === "clv" ? r.clv : r.grp)) };
    }
    facts[field] = kept;
  }
  return { sources, facts };
}

/** The selection's facts kept on the account itself. */
const ACCOUNT_FACTS = ["tier", "industry", "region"] as const satisfies ReadonlyArray<SelectionField & repo.AnalysedAccountFact>;

// ---------------------------------------------------------------- identification

/**
 * The analysed accounts of an identification, read on the first call with every fact its runs read (the matrix's
 * growth inputs, and the account facts the selection's rule reads) and given as they were to every later call: its
 * runs see the same accounts, and the read is made once instead of once a run.
 */
export function accountsOfIdentification(rule: SelectionRule | undefined): typeof repo.analysedAccounts {
  const fields = rule ? fieldsOfRule(rule) : new Set<SelectionField>();
  const facts: repo.AnalysedAccountFact[] = [...MATRIX_FACTS, ...ACCOUNT_FACTS.filter((f) => fields.has(f))];
  let read: { scope: Scope; accounts: ReturnType<typeof repo.analysedAccounts> } | null = null;
  return (db, scope, asked) => {
    const missing = asked.filter((f) => !facts.includes(f));
    if (missing.length > 0) throw new Error(`the identification's accounts are read without ${missing.join(", ")}`);
    if (read && (read.scope.orgId !== scope.orgId || read.scope.userId !== scope.userId || read.scope.role !== scope.role)) throw new Error("the runs of an identification have one scope");
    read ??= { scope, accounts: repo.analysedAccounts(db, scope, facts) };
    return read.accounts as ReturnType<typeof repo.analysedAccounts<(typeof asked)[number]>>;
  };
}

export async function computeSelectionRun(ctx: RunContext, p: TSelectionParameters): Promise<RunOutput> {
  const fields = fieldsOfRule(p.rule);
  // Only the account facts the rule reads: the others would be read and never looked at.
  const accountFacts = ACCOUNT_FACTS.filter((f) => fields.has(f));
  const [{ accounts, totals: t, excluded }, { sources, facts: fromRuns }] = await Promise.all([accountsWithTotals(ctx, accountFacts, 365, null), factsFromRuns(ctx, fields)]);
  const ids = accounts.map((a) => a.id);
  const none = new Array<Fact>(ids.length).fill(null);
  const byAccount = (field: RunFactField) => (fromRuns[field] ? factsOfAccounts(fromRuns[field], ids) : none);
  const [quadrant, rfmSegment, abcClass, clv] = [byAccount("quadrant"), byAccount("rfmSegment"), byAccount("abcClass"), byAccount("clv")];
  const into: ConditionOutcomes = { actual: [], held: [] };
  // One object for every account's facts: the rule is evaluated account by account and keeps none of them.
  const facts: Required<SelectionFacts> = {
    revenue12m: 0, revenueGrowthYoy: null, customerYears: null, orders12m: 0, daysSinceLastOrder: null, tier: null, industry: null, region: null,
    quadrant: null, rfmSegment: null, abcClass: null, clv: null,
  };
  const passed = new Array<boolean>(ids.length);
  const figures = new SelectionFigures(p.rule, ids.length);
  // Only the facts the rule reads are worked out; the others stay as set above and are never looked at.
  const [revenue12m, revenueGrowthYoy, customerYears] = [fields.has("revenue12m"), fields.has("revenueGrowthYoy"), fields.has("customerYears")];
  accounts.forEach((a: Partial<Pick<repo.AnalysedAccountRow, (typeof ACCOUNT_FACTS)[number]>>, i) => {
    const [revenue, previousYear, firstEver, lastEver] = [t.revenueWindow[i]!, t.revenuePreviousYear[i]!, t.firstEver[i]!, t.lastEver[i]!];
    if (revenue12m) facts.revenue12m = money(revenue);
    if (revenueGrowthYoy) facts.revenueGrowthYoy = previousYear > 0 ? Math.round(((revenue - previousYear) / previousYear) * 1e4) / 1e4 : null;
    // Truncated, so "customer for at least 3 years" means three full years.
    if (customerYears) facts.customerYears = firstEver >= 0 ? Math.floor((firstEver / 365.25) * 100) / 100 : null;
    facts.orders12m = t.ordersWindow[i]!;
    facts.daysSinceLastOrder = lastEver >= 0 ? lastEver : null;
    // A fact left unread (the rule does not read it) is missing.
    facts.tier = a.tier ?? null;
    facts.industry = a.industry ?? null;
    facts.region = a.region ?? null;
    facts.quadrant = quadrant[i]!;
    facts.rfmSegment = rfmSegment[i]!;
    facts.abcClass = abcClass[i]!;
    facts.clv = clv[i]!;
    passed[i] = evaluateRuleInto(p.rule, facts, into);
    // Each condition's value and outcome only: the trace is made from them and the rule when shown (result-figures.ts).
    figures.set(i, passed[i], into);
  });
  const selected = passed.filter(Boolean).length;
  return {
    summary: { excludedOrders: excluded, rule: p.rule, selected, notSelected: ids.length - selected, sources },
    accountIds: ids,
    groups: passed.map((held) => (held ? "selected" : "not_selected")),
    // Selected accounts first, each group by revenue.
    ranks: rankDescending(t.revenueWindow, ids, passed),
    figures,
    texts: figures.texts,
  };
}
