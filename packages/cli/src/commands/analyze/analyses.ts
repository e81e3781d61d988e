import {
  ClvModelError,
  type ClvPortfolio,
  ClvSummaryAccumulator,
  computePareto,
  computeRfm,
  computeSegmentationMatrix,
  CustomerOrdersAccumulator,
  type DayNumber,
  formatDay,
  type MatrixInput,
  scoreClvPortfolio,
  type TimeUnit,
  trailingMonthOf,
} from "@openkam/domain";
import { CliError } from "../../cli-error";
import { type OrderColumns, type ReadStats, readOrders } from "./read-orders";
import type { AnalysisOutput } from "./write-output";

export interface AnalysisInput {
  file: string;
  columns: OrderColumns;
  /** The analysis date; the latest order date in the file when absent. */
  asOf?: DayNumber;
  lookbackDays?: number;
}

export interface AnalysisRun {
  output: AnalysisOutput;
  stats: ReadStats;
  /** Lines for standard error: what was left out and why. */
  notes: string[];
}

/** Money in the output: rounded to a millionth, which removes binary floating-point noise from sums of cents. */
const money = (value: number) => Math.round(value * 1e6) / 1e6;
const ratio = (value: number) => Math.round(value * 1e12) / 1e12;

/** The analysis date: `--as-of`, or else the latest order date in the file (found by a first pass when needed before the main one). */
async function resolveAsOf(input: AnalysisInput): Promise<DayNumber> {
  if (input.asOf !== undefined) return input.asOf;
  const { lastDay } = await readOrders(input.file, input.columns, () => {});
  if (lastDay === undefined) throw new CliError("the file has no order with a customer, a date and an amount");
  return lastDay;
}

async function accumulateOrders(input: AnalysisInput) {
  if (input.lookbackDays !== undefined && input.asOf === undefined) throw new CliError("--lookback-days needs --as-of");
  const window = { asOf: input.asOf ?? Number.POSITIVE_INFINITY, lookbackDays: input.lookbackDays };
  const accumulator = new CustomerOrdersAccumulator(window);
  const stats = await readOrders(input.file, input.columns, (customer, day, amount) => accumulator.addOrder(customer, day, amount));
  const asOf = input.asOf ?? stats.lastDay;
  if (asOf === undefined) throw new CliError("the file has no order with a customer, a date and an amount");
  const notes = [
    ...(accumulator.skipped.future > 0 ? [`${accumulator.skipped.future} orders after ${formatDay(asOf)} left out`] : []),
    ...(accumulator.skipped["before-window"] > 0 ? [`${accumulator.skipped["before-window"]} orders before the look-back window left out`] : []),
    ...(accumulator.creditOnlyCustomers > 0 ? [`${accumulator.creditOnlyCustomers} customers with credit notes only left out`] : []),
  ];
  return { customers: accumulator.customers(), stats, asOf, notes };
}

export async function analyseRfm(input: AnalysisInput): Promise<AnalysisRun> {
  const { customers, stats, asOf, notes } = await accumulateOrders(input);
  const rows = computeRfm(customers, asOf).map((r) => ({ customer: r.customer, recency: r.recency, frequency: r.frequency, monetary: money(r.monetary), r: r.r, f: r.f, m: r.m, segment: r.segment }));
  return {
    stats,
    notes,
    output: {
      json: { asOf: formatDay(asOf), customers: rows },
      table: { columns: ["customer", "recency", "frequency", "monetary", "r", "f", "m", "segment"], rows: rows.map((r) => [r.customer, r.recency, r.frequency, r.monetary, r.r, r.f, r.m, r.segment]) },
    },
  };
}

export async function analysePareto(input: AnalysisInput): Promise<AnalysisRun> {
  const { customers, stats, notes } = await accumulateOrders(input);
  const result = computePareto(customers.map((c) => ({ customer: c.customer, revenue: c.revenue })));
  const rows = result.customers.map((r) => ({ customer: r.customer, revenue: money(r.revenue), share: ratio(r.share), cumulativeShare: ratio(r.cumulativeShare), class: r.class }));
  const { summary } = result;
  return {
    stats,
    notes,
    output: {
      json: { summary: { customers: summary.customers, totalRevenue: money(summary.totalRevenue), top20Share: ratio(summary.top20Share), gini: ratio(summary.gini), classCounts: summary.classCounts }, customers: rows },
      table: { columns: ["customer", "revenue", "share", "cumulativeShare", "class"], rows: rows.map((r) => [r.customer, r.revenue, r.share, r.cumulativeShare, r.class]) },
    },
  };
}

export async function analyseMatrix(input: AnalysisInput): Promise<AnalysisRun> {
  const asOf = await resolveAsOf(input);
  const months = new Map<string, Float64Array>();
  let outside = 0;
  const stats = await readOrders(input.file, input.columns, (customer, day, amount) => {
    const month = trailingMonthOf(day, asOf);
    if (month < 0 || month > 23) {
      outside++;
      return;
    }
    let series = months.get(customer);
    if (!series) {
      series = new Float64Array(24);
      months.set(customer, series);
    }
    series[23 - month]! += amount;
  });
  const accounts: MatrixInput[] = [...months.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([customer, series]) => ({ customer, monthlyRevenue: Array.from(series) }));
  const result = computeSegmentationMatrix(accounts);
  const rows = result.customers.map((r) => ({
    customer: r.customer,
    revenue: money(r.revenue),
    contribution: ratio(r.contribution),
    growth: ratio(r.growth.score),
    yoyGrowth: finiteOrNull(r.growth.components.yoyGrowth),
    relativeSlope: finiteOrNull(r.growth.components.relativeSlope),
    quadrant: r.quadrant,
  }));
  return {
    stats,
    notes: outside > 0 ? [`${outside} orders outside the 24 months ending ${formatDay(asOf)} left out`] : [],
    output: {
      json: { asOf: formatDay(asOf), thresholds: { contribution: ratio(result.thresholds.contribution), growth: ratio(result.thresholds.growth) }, counts: result.counts, customers: rows },
      table: { columns: ["customer", "revenue", "contribution", "growth", "yoyGrowth", "relativeSlope", "quadrant"], rows: rows.map((r) => [r.customer, r.revenue, r.contribution, r.growth, r.yoyGrowth, r.relativeSlope, r.quadrant]) },
    },
  };
}

const finiteOrNull = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? ratio(value) : null);

export interface ClvOptions {
  calibrationEnd?: DayNumber;
  timeUnit: TimeUnit;
  horizon: number;
  discountRate: number;
}

export async function analyseClv(input: AnalysisInput, options: ClvOptions): Promise<AnalysisRun> {
  const calibrationEnd = options.calibrationEnd ?? (await resolveAsOf(input));
  const accumulator = new ClvSummaryAccumulator(calibrationEnd, options.timeUnit);
  const stats = await readOrders(input.file, input.columns, (customer, day, amount) => accumulator.add({ customer, day, amount }));
  const summary = accumulator.rows();
  if (summary.length === 0) throw new CliError(`no purchases on or before ${formatDay(calibrationEnd)} to fit the models on`);
  // The same fitting and scoring as the server's CLV runs; the command only insists on a spend model.
  let portfolio: ClvPortfolio;
  try {
    portfolio = scoreClvPortfolio(summary, { horizon: options.horizon, discountRate: options.discountRate });
  } catch (error) {
    if (error instanceof ClvModelError) throw new CliError(error.message);
    throw error;
  }
  const { bgnbd, gammaGamma } = portfolio;
  if (!gammaGamma) throw new CliError(`the spend model (Gamma-Gamma) cannot be fitted on this data: it needs repeat customers with positive spend, and a finite mean (q > 1)`);
  const rows = portfolio.customers.map((o) => ({
    customer: o.customer,
    frequency: o.frequency,
    recency: ratio(o.recency),
    T: ratio(o.T),
    expectedPurchases: ratio(o.expectedPurchases),
    pAlive: ratio(o.pAlive),
    expectedAverageSpend: money(o.expectedAverageSpend),
    clv: money(o.clv),
  }));
  return {
    stats,
    notes: accumulator.skipped > 0 ? [`${accumulator.skipped} returns or orders after ${formatDay(calibrationEnd)} left out of the models`] : [],
    output: {
      json: {
        calibrationEnd: formatDay(calibrationEnd),
        timeUnit: options.timeUnit,
        horizon: options.horizon,
        discountRate: options.discountRate,
        bgnbd: { ...bgnbd.params, logLikelihood: bgnbd.logLikelihood },
        gammaGamma: { ...gammaGamma.params },
        customers: rows,
      },
      table: {
        columns: ["customer", "frequency", "recency", "T", "expectedPurchases", "pAlive", "expectedAverageSpend", "clv"],
        rows: rows.map((r) => [r.customer, r.frequency, r.recency, r.T, r.expectedPurchases, r.pAlive, r.expectedAverageSpend, r.clv]),
      },
    },
  };
}
