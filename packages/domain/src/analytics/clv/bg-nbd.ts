import { minimise } from "./optimise";
import { hyp2f1, lnGamma, logAddExp } from "./special";

/** BG/NBD parameters: purchase rates λ ~ Gamma(r, α); dropout probabilities p ~ Beta(a, b). */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A customer's calibration history: x repeat purchases, the last at t_x, observed until T (same time unit). */
export interface BgNbdObservation {
  frequency: number;
  recency: number;
  T: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  logLikelihood: number;
  /** Nelder-Mead runs until the likelihood stopped improving. */
  runs: number;
}

/** Distinct (x, t_x, T) triples with their counts: customers with the same history add the same term. */
interface CompactData {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  distinctX: number[];
  /** Index of each triple's x in distinctX. */
  xIndex: Int32Array;
}

function compact(data: readonly BgNbdObservation[]): CompactData {
  const counts = new Map<string, { o: BgNbdObservation; n: number }>();
  for (const o of data) {
    validateObservation(o);
    const key = `${o.frequency}|${o.recency}|${o.T}`;
    const entry = counts.get(key);
    if (entry) entry.n++;
    else counts.set(key, { o, n: 1 });
  }
  const entries = [...counts.values()];
  const distinctX = [...new Set(entries.map((e) => e.o.frequency))].sort((a, b) => a - b);
  const position = new Map(distinctX.map((x, i) => [x, i]));
  return {
    x: Float64Array.from(entries, (e) => e.o.frequency),
    tx: Float64Array.from(entries, (e) => e.o.recency),
    T: Float64Array.from(entries, (e) => e.o.T),
    weight: Float64Array.from(entries, (e) => e.n),
    distinctX,
    xIndex: Int32Array.from(entries, (e) => position.get(e.o.frequency)!),
  };
}

/** x a non-negative integer, 0 ≤ t_x ≤ T, and t_x = 0 when x = 0. */
export function validateObservation(o: BgNbdObservation): void {
  const ok = Number.isInteger(o.frequency) && o.frequency >= 0 && o.recency >= 0 && o.T >= o.recency && (o.frequency > 0 || o.recency === 0);
  if (!ok) throw new RangeError(`invalid (x, t_x, T) = (${o.frequency}, ${o.recency}, ${o.T})`);
}

function compactLogLikelihood({ r, alpha, a, b }: BgNbdParams, d: CompactData): number {
  // The x-only part: ln Γ(r+x)/Γ(r) + r ln α + ln B(a, b+x)/B(a, b).
  const base = r * Math.log(alpha) - lnGamma(r) + lnGamma(a + b) - lnGamma(b);
  const partOfX = d.distinctX.map((x) => base + lnGamma(r + x) + lnGamma(b + x) - lnGamma(a + b + x));
  // ln a − ln(b+x−1), the repeat customers' dropout term, depends on x only too.
  const dropoutOfX = d.distinctX.map((x) => (x > 0 ? Math.log(a) - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY));
  let total = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i]!;
    const k = d.xIndex[i]!;
    const a3 = -(r + x) * Math.log(alpha + d.T[i]!);
    const a4 = x > 0 ? dropoutOfX[k]! - (r + x) * Math.log(alpha + d.tx[i]!) : Number.NEGATIVE_INFINITY;
    total += d.weight[i]! * (partOfX[k]! + logAddExp(a3, a4));
  }
  return total;
}

/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, equation 6) summed over customers:
 * L(r, α, a, b | x, t_x, T) = B(a, b+x)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+T)^(r+x))
 *                            + δ(x>0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) αʳ / (Γ(r) (α+t_x)^(r+x)).
 */
export function bgNbdLogLikelihood(params: BgNbdParams, data: readonly BgNbdObservation[]): number {
  return compactLogLikelihood(params, compact(data));
}

/**
 * Maximum-likelihood BG/NBD parameters, found by Nelder-Mead on the logarithms of the four
 * parameters (so every trial point is positive), started at r = α = a = b = 1.
 */
export function fitBgNbd(data: readonly BgNbdObservation[]): BgNbdFit {
  if (data.length === 0) throw new RangeError("no customers to fit");
  const d = compact(data);
  const fromLog = (v: readonly number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const result = minimise((v) => -compactLogLikelihood(fromLog(v), d), [0, 0, 0, 0]);
  return { params: fromLog(result.x), logLikelihood: -result.fx, runs: result.runs };
}

/** (α+T)/(α+t_x))^(r+x) · a/(b+x−1) for a repeat customer, 0 otherwise: the odds that the customer has dropped out. */
function dropoutOdds({ r, alpha, a, b }: BgNbdParams, o: BgNbdObservation): number {
  if (o.frequency === 0) return 0;
  return (a / (b + o.frequency - 1)) * Math.exp((r + o.frequency) * (Math.log(alpha + o.T) - Math.log(alpha + o.recency)));
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)) (FHL 2005, equation 11):
 * 1 for a customer with no repeat purchase, as the model lets a customer drop out only right after a purchase.
 */
export function probabilityAlive(params: BgNbdParams, o: BgNbdObservation): number {
  return 1 / (1 + dropoutOdds(params, o));
}

/**
 * Expected purchases in the next t time units (FHL 2005, equation 10):
 * E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
 *                       / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)).
 * Defined for a ≠ 1 (the formula has a removable singularity there; a fitted a is never exactly 1).
 */
export function expectedPurchases(params: BgNbdParams, o: BgNbdObservation, t: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const x = o.frequency;
  const z = t / (alpha + o.T + t);
  const power = Math.exp((r + x) * (Math.log(alpha + o.T) - Math.log(alpha + o.T + t)));
  const bracket = 1 - power * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return (((a + b + x - 1) / (a - 1)) * bracket) / (1 + dropoutOdds(params, o));
}
