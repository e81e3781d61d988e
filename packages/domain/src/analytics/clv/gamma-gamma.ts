import { minimise } from "./optimise";
import { lnGamma } from "./special";

/** Gamma-Gamma parameters: spend per transaction ~ Gamma(p, ν), ν ~ Gamma(q, γ). */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A repeat customer: x repeat transactions of mean value m_x. */
export interface SpendObservation {
  frequency: number;
  monetaryValue: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  runs: number;
  /** Customers the model was fitted on (frequency > 0 and monetary value > 0). */
  customers: number;
}

/** Whether a customer informs the spend model: at least one repeat transaction with a positive mean value. */
export const isSpendObservation = (o: SpendObservation) => o.frequency > 0 && o.monetaryValue > 0;

/**
 * The Gamma-Gamma log-likelihood of mean transaction values (Fader & Hardie 2013, equation 3):
 * ln f(m_x | p, q, γ, x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m_x + px ln x − (px+q) ln(γ + m_x x),
 * summed over the customers with x > 0 and m_x > 0.
 */
export function gammaGammaLogLikelihood({ p, q, gamma }: GammaGammaParams, data: readonly SpendObservation[]): number {
  const used = data.filter(isSpendObservation);
  // The Γ terms depend on x only: one evaluation per distinct x, not per customer.
  const gammaTerms = new Map<number, number>();
  const base = q * Math.log(gamma) - lnGamma(q);
  let total = 0;
  for (const o of used) {
    const px = p * o.frequency;
    let terms = gammaTerms.get(o.frequency);
    if (terms === undefined) {
      terms = lnGamma(px + q) - lnGamma(px) + px * Math.log(o.frequency);
      gammaTerms.set(o.frequency, terms);
    }
    total += base + terms + (px - 1) * Math.log(o.monetaryValue) - (px + q) * Math.log(gamma + o.monetaryValue * o.frequency);
  }
  return total;
}

/** Maximum-likelihood Gamma-Gamma parameters (Nelder-Mead on their logarithms, from p = q = γ = 1), over the customers with x > 0 and m_x > 0. */
export function fitGammaGamma(data: readonly SpendObservation[]): GammaGammaFit {
  const used = data.filter(isSpendObservation);
  if (used.length === 0) throw new RangeError("no repeat customers with a positive spend to fit the spend model");
  const fromLog = (v: readonly number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
  const result = minimise((v) => -gammaGammaLogLikelihood(fromLog(v), used), [0, 0, 0]);
  return { params: fromLog(result.x), logLikelihood: -result.fx, runs: result.runs, customers: used.length };
}

/**
 * Expected mean transaction value of a customer (Fader & Hardie 2013, equation 5):
 * E[M | p, q, γ, m_x, x] = (γ + m_x x) p / (p x + q − 1), which is the population mean p γ / (q − 1)
 * for a customer with no repeat transaction. Needs q > 1 for a finite mean.
 */
export function expectedAverageSpend({ p, q, gamma }: GammaGammaParams, o: SpendObservation): number {
  const x = o.monetaryValue > 0 ? o.frequency : 0;
  return ((gamma + o.monetaryValue * x) * p) / (p * x + q - 1);
}
