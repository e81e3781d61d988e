import { type BgNbdFit, expectedPurchases, fitBgNbd, probabilityAlive } from "./bg-nbd";
import { discountedClv } from "./clv";
import { expectedAverageSpend, fitGammaGamma, type GammaGammaFit } from "./gamma-gamma";
import type { ClvSummaryRow } from "./summary";

export interface ClvPortfolioOptions {
  /** Time units ahead. */
  horizon: number;
  /** Discount rate per time unit. */
  discountRate: number;
  /** Spend per purchase of a customer when the spend model cannot be fitted; the customer's repeat-purchase mean when absent. */
  fallbackSpend?: (row: ClvSummaryRow) => number;
}

export interface ClvScore extends ClvSummaryRow {
  expectedPurchases: number;
  pAlive: number;
  expectedAverageSpend: number;
  clv: number;
}

export interface ClvPortfolio {
  bgnbd: BgNbdFit;
  /** Null when the spend model cannot be fitted: no repeat customer with a positive spend, or q ≤ 1 (no finite mean). */
  gammaGamma: GammaGammaFit | null;
  customers: ClvScore[];
}

/** Thrown when the purchase model gives no usable figure on the data (too few or too uniform histories). */
export class ClvModelError extends RangeError {}

/** The Gamma-Gamma fit, or null when the data cannot carry it. */
export function fitSpendModel(summary: readonly ClvSummaryRow[]): GammaGammaFit | null {
  try {
    const fit = fitGammaGamma(summary);
    const { p, q, gamma } = fit.params;
    return [p, q, gamma, fit.logLikelihood].every(Number.isFinite) && q > 1 ? fit : null;
  } catch {
    return null;
  }
}

/**
 * The CLV of every customer of a calibration summary: BG/NBD for the number of future purchases
 * (P(alive), expected purchases over the horizon) and Gamma-Gamma for their value, combined into a
 * discounted CLV. Throws {@link ClvModelError} when the fitted model yields a non-finite or negative
 * figure, which happens on tiny or degenerate books, rather than returning nonsense.
 */
export function scoreClvPortfolio(summary: readonly ClvSummaryRow[], options: ClvPortfolioOptions): ClvPortfolio {
  if (summary.length === 0) throw new ClvModelError("no purchases before the calibration end to fit the models on");
  const bgnbd = fitBgNbd(summary);
  const { r, alpha, a, b } = bgnbd.params;
  if (![r, alpha, a, b, bgnbd.logLikelihood].every(Number.isFinite)) throw new ClvModelError("the purchase model (BG/NBD) did not converge on this data");
  const gammaGamma = fitSpendModel(summary);
  const fallback = options.fallbackSpend ?? ((row: ClvSummaryRow) => row.monetaryValue);
  const customers = summary.map((o): ClvScore => {
    const spend = gammaGamma ? expectedAverageSpend(gammaGamma.params, o) : fallback(o);
    const score = {
      ...o,
      expectedPurchases: expectedPurchases(bgnbd.params, o, options.horizon),
      pAlive: probabilityAlive(bgnbd.params, o),
      expectedAverageSpend: spend,
      clv: discountedClv(bgnbd.params, o, spend, options.horizon, options.discountRate),
    };
    const usable = [score.expectedPurchases, score.pAlive, score.expectedAverageSpend, score.clv].every(Number.isFinite) && score.expectedPurchases >= 0 && score.clv >= 0;
    if (!usable) throw new ClvModelError("the purchase model (BG/NBD) gives no usable figures on this data: it needs more customers with repeat purchases");
    return score;
  });
  return { bgnbd, gammaGamma, customers };
}
