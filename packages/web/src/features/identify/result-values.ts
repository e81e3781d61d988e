import type { TAnalysisResult, TClvValues, TForecastValues, TMatrixValues, TParetoValues, TRfmValues, TSelectionValues } from "@openkam/contracts";

/**
 * A result's values by the run's kind. The API sends the kind on the run, not on each result, so the
 * caller names the kind it already knows from the run.
 */
export const rfmValues = (r: TAnalysisResult) => r.values as TRfmValues;
export const paretoValues = (r: TAnalysisResult) => r.values as TParetoValues;
export const matrixValues = (r: TAnalysisResult) => r.values as TMatrixValues;
export const clvValues = (r: TAnalysisResult) => r.values as TClvValues;
export const forecastValues = (r: TAnalysisResult) => r.values as TForecastValues;
export const selectionValues = (r: TAnalysisResult) => r.values as TSelectionValues;

/** Sum of a month series, null when it has no month (so an empty forecast shows "—", not 0). */
export function totalOf(months: ReadonlyArray<{ revenue: number | null }>): number | null {
  const known = months.filter((m): m is { revenue: number } => typeof m.revenue === "number" && Number.isFinite(m.revenue));
  return known.length ? Math.round(known.reduce((s, m) => s + m.revenue, 0) * 100) / 100 : null;
}

/** The value of the Pareto curve at a share of accounts (the first point at or beyond it). */
export function cumulativeAt(curve: ReadonlyArray<{ rankShare: number; cumulativeShare: number }>, rankShare: number): number | null {
  const point = curve.find((p) => p.rankShare >= rankShare - 1e-9);
  return point ? point.cumulativeShare : curve.length ? curve[curve.length - 1]!.cumulativeShare : null;
}
