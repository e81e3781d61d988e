import type { TClvParameters, TForecastParameters } from "@openkam/contracts";
import {
  backtestForecast, clvDistribution, column, ClvSummaryAccumulator, type ClvSummaryRow, forecastSeries, formatDay, formatMonth, monthIndexOf, parseDay, rankDescending,
  scoreClvPortfolio,
} from "@openkam/domain";
import * as repo from "./analytics.repository";
import { type NewResultRow, resultsFromRows } from "./result-blocks";
import { AnalysisDataError, breathe, excludedOrders, finite, money, ratio, ratioOrNull, type RunContext, type RunOutput } from "./run-context";

// The model runs: customer lifetime value (BG/NBD and Gamma-Gamma) and the revenue forecast, each from one grouped SQL read.

/** Fewer customers than this cannot carry the four BG/NBD parameters. */
export const MIN_CLV_CUSTOMERS = 10;
export const MIN_CLV_REPEAT_CUSTOMERS = 2;
/** Whole months of history the forecast reads at most. */
export const FORECAST_HISTORY_MONTHS = 48;

// ---------------------------------------------------------------- CLV

export async function computeClvRun(ctx: RunContext, p: TClvParameters): Promise<RunOutput> {
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
    return { summary: { excludedOrders: excluded, bgnbd: null, gammaGamma: null, totalClv: 0, distribution: [] }, ...resultsFromRows([]) };
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
  const rank = rankDescending(column(portfolio.customers.length, (i) => portfolio.customers[i]!.clv), portfolio.customers.map((c) => c.customer));
  const results: NewResultRow[] = [];
  for (const [i, c] of portfolio.customers.entries()) {
    await breathe(i);
    results.push({
      accountId: c.customer,
      grp: null,
      rank: rank[i]!,
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
  const clvs = results.map((r) => r.values!.clv as number);
  return {
    summary: {
      excludedOrders: excluded,
      bgnbd: { r: finite(bgnbd.params.r, "r"), alpha: finite(bgnbd.params.alpha, "alpha"), a: finite(bgnbd.params.a, "a"), b: finite(bgnbd.params.b, "b"), logLikelihood: finite(bgnbd.logLikelihood, "log-likelihood") },
      gammaGamma: gammaGamma ? { ...gammaGamma.params } : null,
      totalClv: money(portfolio.customers.reduce((s, c) => s + c.clv, 0)),
      distribution: clvDistribution(clvs),
    },
    ...resultsFromRows(results),
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

export async function computeForecastRun(ctx: RunContext, p: TForecastParameters): Promise<RunOutput> {
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
  const rank = rankDescending(column(scored.length, (i) => scored[i]!.expected), scored.map((s) => s.accountId));
  const totalForecast = forecastOf(total, p.horizon!, p.holdout!, end + 1);
  return {
    summary: {
      excludedOrders: excluded,
      total: { history: history(total), forecast: totalForecast.forecast, mape: totalForecast.mape, method: totalForecast.method, pipeline: pipeline.total },
    },
    ...resultsFromRows(scored.map((s, i) => ({ accountId: s.accountId, grp: null, rank: rank[i]!, values: s.values }))),
  };
}
