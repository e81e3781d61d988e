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
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly SpendObservation[]): number {
  return spendLikelihood(data.filter(isSpendObservation))(params);
}

/**
 * The log-likelihood of some repeat customers as a function of the parameters, for the optimiser to call many times.
 * What does not depend on the parameters is summed once: the Γ terms depend on x only (one evaluation per distinct x),
 * and (px−1) ln m_x + px ln x sums to p·Σ x (ln m_x + ln x) − Σ ln m_x. What is left for each customer and trial point
 * is one logarithm, ln(γ + m_x x): fitting 50,000 customers took 4.7 s with a Γ lookup and two logarithms a customer.
 */
function spendLikelihood(used: readonly SpendObservation[]): (params: GammaGammaParams) => number {
  const n = used.length;
  const spent = new Float64Array(n);
  const frequency = new Float64Array(n);
  const customersOfX = new Map<number, number>();
  let sumLnM = 0;
  let sumXLn = 0;
  for (let i = 0; i < n; i++) {
    const { frequency: x, monetaryValue: m } = used[i]!;
    frequency[i] = x;
    spent[i] = m * x;
    sumLnM += Math.log(m);
    sumXLn += x * (Math.log(m) + Math.log(x));
    customersOfX.set(x, (customersOfX.get(x) ?? 0) + 1);
  }
  const distinct = [...customersOfX];
  return ({ p, q, gamma }) => {
    let total = n * (q * Math.log(gamma) - lnGamma(q)) + p * sumXLn - sumLnM;
    for (const [x, customers] of distinct) total += customers * (lnGamma(p * x + q) - lnGamma(p * x));
    let sumL = 0;
    let sumXL = 0;
    for (let i = 0; i < n; i++) {
      const l = Math.log(gamma + spent[i]!);
      sumL += l;
      sumXL += frequency[i]! * l;
    }
    return total - p * sumXL - q * sumL;
  };
}

/** Maximum-likelihood Gamma-Gamma parameters (Nelder-Mead on their logarithms, from p = q = γ = 1), over the customers with x > 0 and m_x > 0. */
export function fitGammaGamma(data: readonly SpendObservation[]): GammaGammaFit {
  const used = data.filter(isSpendObservation);
  if (used.length === 0) throw new RangeError("no repeat customers with a positive spend to fit the spend model");
  const fromLog = (v: readonly number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), gamma: Math.exp(v[2]!) });
  const likelihood = spendLikelihood(used);
  const result = minimise((v) => -likelihood(fromLog(v)), [0, 0, 0]);
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
