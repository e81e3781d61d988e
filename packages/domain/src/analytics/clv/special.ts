import gammaln from "@stdlib/math-base-special-gammaln";

/** ln Γ(x), from stdlib. */
export const lnGamma: (x: number) => number = gammaln;

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const max = Math.max(a, b);
  return max + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 by its power series
 * Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ, summed until a term is below 1e-15 of the sum. No npm package
 * of stdlib's standard provides ₂F₁; the series is exact for the arguments BG/NBD uses
 * (positive a, b, c and z = t / (α + T + t) < 1) and converges geometrically, more slowly
 * as z → 1 (about 30,000 terms at z = 0.999).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 series needs 0 ≤ z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
  }
  return sum;
}
