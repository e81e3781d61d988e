/** A score from 1 (worst) to 5 (best). */
export type RfmScore = 1 | 2 | 3 | 4 | 5;

/** Whether a larger value is better (frequency, monetary) or a smaller one (recency). */
export type Direction = "higher-is-better" | "lower-is-better";

/**
 * Quintile scores with a deterministic tie rule:
 *
 *   score = 1 + floor(5 × (number of customers with a strictly worse value) / n)
 *
 * except that the customers with the best value score 5 (unless every customer has the same value). Customers with
 * equal values always get the same score (so the score never depends on the order of the input or on customer ids),
 * and when all n values differ and 5 divides n, each score holds exactly n/5 customers. Ties can leave a score empty:
 * if 70% of customers have one order they all get frequency score 1, and the next value starts at
 * 1 + floor(5 × 0.7) = 4. The exception keeps the top reachable, as the worst value always scores 1: when 37% of the
 * customers share the latest order day, the formula alone would give them 4, and no one could be a champion (R 5).
 */
export function scoreByQuintile(values: readonly number[], direction: Direction): RfmScore[] {
  return Array.from(quintileScores(values, direction)) as RfmScore[];
}

/**
 * {@link scoreByQuintile} into bytes, for runs that score every account of an organization. The score is a step
 * function of the value with four steps, so each value is compared with four cut values instead of searched for in
 * the sorted values: with c_k = ceil(k·n/5), at least c_k customers are worse than a value exactly when the c_k-th
 * worst value is worse than it.
 */
export function quintileScores(values: ArrayLike<number>, direction: Direction): Uint8Array {
  const n = values.length;
  const scores = new Uint8Array(n);
  if (n === 0) return scores;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = values[i]!;
  sorted.sort();
  const higher = direction === "higher-is-better";
  const best = higher ? sorted[n - 1]! : sorted[0]!;
  const allEqual = sorted[0] === sorted[n - 1];
  // The c_k-th worst value, k = 1 … 4: the c_k-th smallest when higher is better, the c_k-th largest otherwise.
  const cut = new Float64Array(4);
  for (let k = 1; k <= 4; k++) {
    const c = Math.ceil((k * n) / 5);
    cut[k - 1] = higher ? sorted[c - 1]! : sorted[n - c]!;
  }
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    if (value === best && !allEqual) {
      scores[i] = 5;
      continue;
    }
    let score = 1;
    if (higher) for (let k = 0; k < 4; k++) score += cut[k]! < value ? 1 : 0;
    else for (let k = 0; k < 4; k++) score += cut[k]! > value ? 1 : 0;
    scores[i] = score;
  }
  return scores;
}

/**
 * Scores against four user-set thresholds in ascending order.
 * Higher is better (frequency, monetary): value < t1 → 1, t1 ≤ value < t2 → 2, …, value ≥ t4 → 5.
 * Lower is better (recency in days): value ≤ t1 → 5, t1 < value ≤ t2 → 4, …, value > t4 → 1.
 */
export function scoreByThresholds(value: number, thresholds: readonly [number, number, number, number], direction: Direction): RfmScore {
  assertAscending(thresholds);
  if (direction === "higher-is-better") return (1 + thresholds.filter((t) => value >= t).length) as RfmScore;
  return (5 - thresholds.filter((t) => value > t).length) as RfmScore;
}

function assertAscending(thresholds: readonly number[]): void {
  for (let i = 1; i < thresholds.length; i++) {
    if (!(thresholds[i]! > thresholds[i - 1]!)) throw new RangeError(`thresholds must be strictly ascending, got ${thresholds.join(", ")}`);
  }
}
