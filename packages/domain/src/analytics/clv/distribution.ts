// How a portfolio's lifetime values spread. CLVs are heavy-tailed — a few accounts worth millions, most worth far
// less — so equal-width bands put nearly every account in the first one. Bands here grow in 1-2-5 steps
// (…, 1,000, 2,000, 5,000, 10,000, …), the steps people read on a logarithmic axis.

export interface DistributionBand {
  /** Lower edge, included. */
  from: number;
  /** Upper edge, excluded (the band of zero and below: included). */
  to: number;
  accounts: number;
}

const STEPS = [1, 2, 5] as const;
/** Beyond this many bands (a spread of more than eight powers of ten), bands are whole powers of ten. */
const MAX_BANDS = 24;

/** step × 10^exponent without the binary noise of negative powers (0.1 × 2 = 0.2, not 0.20000000000000004). */
const edgeOf = (step: number, exponent: number) => Number((step * 10 ** exponent).toPrecision(12));

/** The edges in `steps` from the largest at or below `min` to the first above `max`. */
function edges(min: number, max: number, steps: readonly number[]): number[] {
  // A decade below min's is surely at or below it, whichever way log10 rounds near a power of ten.
  let [index, exponent] = [0, Math.floor(Math.log10(min)) - 1];
  const next = (): [number, number] => (index + 1 === steps.length ? [0, exponent + 1] : [index + 1, exponent]);
  for (let [i, e] = next(); edgeOf(steps[i]!, e) <= min; [i, e] = next()) [index, exponent] = [i, e];
  const result = [edgeOf(steps[index]!, exponent)];
  while (result[result.length - 1]! <= max) {
    [index, exponent] = next();
    result.push(edgeOf(steps[index]!, exponent));
  }
  return result;
}

/**
 * Accounts by CLV band: a first band from the lowest value to 0 for values of zero or less (an account the model
 * expects nothing from), then bands in 1-2-5 steps from the lowest positive value to the highest — or powers of ten
 * when that would make more than 24. Every value falls in exactly one band; bands with no account in between are
 * kept, so the bars sit on an even scale.
 */
export function clvDistribution(values: readonly number[]): DistributionBand[] {
  let lowest = 0;
  let nonPositive = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`a CLV is not a finite number: ${v}`);
    if (v <= 0) {
      nonPositive++;
      lowest = Math.min(lowest, v);
    } else {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  const bands: DistributionBand[] = nonPositive > 0 ? [{ from: lowest, to: 0, accounts: nonPositive }] : [];
  if (min === Infinity) return bands;
  let cuts = edges(min, max, STEPS);
  if (cuts.length - 1 > MAX_BANDS) cuts = edges(min, max, [1]);
  const counts = new Array<number>(cuts.length - 1).fill(0);
  for (const v of values) {
    if (v <= 0) continue;
    // The last edge at or below v.
    let lo = 0;
    let hi = cuts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (cuts[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    counts[lo]!++;
  }
  for (let i = 0; i < counts.length; i++) bands.push({ from: cuts[i]!, to: cuts[i + 1]!, accounts: counts[i]! });
  return bands;
}
