import { minimise } from "./clv/optimise";

export type ForecastMethod = "holt-winters" | "holt" | "naive";

export interface SmoothingParams {
  /** Level smoothing, in (0, 1). */
  alpha: number;
  /** Trend smoothing, in (0, 1). */
  beta: number;
  /** Seasonal smoothing, in (0, 1); 0 when the method has no season. */
  gamma: number;
}

export interface Forecast {
  /** Holt-Winters with a season needs two full seasons of history; Holt's linear trend needs three points; otherwise the last value is repeated. */
  method: ForecastMethod;
  params: SmoothingParams;
  /** Sum of squared one-step-ahead errors over the history, the quantity the parameters minimise. */
  sse: number;
  /** The next `horizon` values. */
  values: number[];
}

interface State {
  level: number;
  trend: number;
  season: number[];
}

/** Classical start: level = mean of the first season, trend = mean change per step between the first two seasons, season = first season − level. */
function initialState(y: readonly number[], m: number): State {
  if (m === 0) return { level: y[0]!, trend: y[1]! - y[0]!, season: [] };
  const mean = (from: number) => y.slice(from, from + m).reduce((s, v) => s + v, 0) / m;
  const level = mean(0);
  return { level, trend: (mean(m) - level) / m, season: y.slice(0, m).map((v) => v - level) };
}

/** Runs the additive recursions over the history; returns the SSE of one-step-ahead errors and the final state. */
function smooth(y: readonly number[], m: number, { alpha, beta, gamma }: SmoothingParams): { sse: number; state: State } {
  const state = initialState(y, m);
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const seasonal = m > 0 ? state.season[t % m]! : 0;
    const predicted = state.level + state.trend + seasonal;
    sse += (y[t]! - predicted) ** 2;
    const previousLevel = state.level;
    state.level = alpha * (y[t]! - seasonal) + (1 - alpha) * (state.level + state.trend);
    state.trend = beta * (state.level - previousLevel) + (1 - beta) * state.trend;
    if (m > 0) state.season[t % m] = gamma * (y[t]! - state.level) + (1 - gamma) * seasonal;
  }
  return { sse, state };
}

const logistic = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * Forecasts the next `horizon` values of a monthly series with additive Holt-Winters exponential
 * smoothing (level, trend and a season of `seasonLength`, default 12 months):
 *   ŷ(t+h) = ℓ(t) + h·b(t) + s(t+h−m),
 *   ℓ(t) = α (y(t) − s(t−m)) + (1−α)(ℓ(t−1) + b(t−1)),
 *   b(t) = β (ℓ(t) − ℓ(t−1)) + (1−β) b(t−1),
 *   s(t) = γ (y(t) − ℓ(t)) + (1−γ) s(t−m).
 * α, β, γ minimise the squared one-step-ahead errors (Nelder-Mead on their logits, so each stays
 * in (0, 1)). With fewer than two seasons of history it drops the season (Holt's linear trend);
 * with fewer than three values it repeats the last value.
 */
export function forecastSeries(series: readonly number[], horizon: number, seasonLength = 12): Forecast {
  if (series.some((v) => !Number.isFinite(v))) throw new RangeError("the series has a missing or non-finite value");
  const n = series.length;
  if (n < 3) {
    const last = series[n - 1] ?? 0;
    return { method: "naive", params: { alpha: 1, beta: 0, gamma: 0 }, sse: 0, values: Array.from({ length: horizon }, () => last) };
  }
  const m = n >= 2 * seasonLength && seasonLength > 1 ? seasonLength : 0;
  const toParams = (v: readonly number[]): SmoothingParams => ({ alpha: logistic(v[0]!), beta: logistic(v[1]!), gamma: m > 0 ? logistic(v[2]!) : 0 });
  const start = m > 0 ? [0, -2, -1] : [0, -2];
  const best = minimise((v) => smooth(series, m, toParams(v)).sse, start, { tolerance: 1e-10 });
  const params = toParams(best.x);
  const { sse, state } = smooth(series, m, params);
  const values = Array.from({ length: horizon }, (_, i) => state.level + (i + 1) * state.trend + (m > 0 ? state.season[(n + i) % m]! : 0));
  return { method: m > 0 ? "holt-winters" : "holt", params, sse, values };
}

/**
 * Mean absolute percentage error, mean of |actual − forecast| / |actual|, over the points whose
 * actual value is not zero (a percentage of zero is undefined); undefined when there is none.
 */
export function mape(actual: readonly number[], forecast: readonly number[]): number | undefined {
  let sum = 0;
  let count = 0;
  actual.forEach((a, i) => {
    if (a === 0) return;
    sum += Math.abs(a - forecast[i]!) / Math.abs(a);
    count++;
  });
  return count > 0 ? sum / count : undefined;
}

export interface Backtest {
  holdout: number;
  actual: number[];
  forecast: number[];
  method: ForecastMethod;
  /** MAPE of the model fitted on the history before the held-out months. */
  mape: number | undefined;
  /** MAPE of repeating the last value before the held-out months, the bar any model must clear. */
  naiveMape: number | undefined;
}

/** Holds out the last `holdout` months (default 6), forecasts them from the rest, and scores the forecast against them and against the naive last-value forecast. */
export function backtestForecast(series: readonly number[], holdout = 6, seasonLength = 12): Backtest {
  if (series.length <= holdout) throw new RangeError(`a backtest holding out ${holdout} months needs more than ${holdout} months of history`);
  const train = series.slice(0, series.length - holdout);
  const actual = series.slice(series.length - holdout);
  const fitted = forecastSeries(train, holdout, seasonLength);
  const naive = actual.map(() => train[train.length - 1]!);
  return { holdout, actual, forecast: fitted.values, method: fitted.method, mape: mape(actual, fitted.values), naiveMape: mape(actual, naive) };
}
