import { compareIds, idsAscending } from "./customer-orders";

/**
 * The rank (1…n) of each item by a key, largest first, equal keys by id (ascending), by the items' positions — and,
 * with `first`, the items it marks ahead of all others (a selection ranks the selected accounts first).
 *
 * Runs rank 100,000 accounts several times an identification. When the ids come in ascending order (the runs list
 * accounts in id order) no comparator runs: each item's rank is the number of larger keys, found by binary search in
 * the sorted keys, plus the equal keys met before it. Otherwise the items are sorted by a comparator.
 */
export function rankDescending(keys: ArrayLike<number>, ids: readonly string[], first?: ArrayLike<boolean>): Int32Array {
  const n = keys.length;
  if (ids.length !== n || (first && first.length !== n)) throw new RangeError("keys, ids and marks must have one entry per item");
  for (let i = 0; i < n; i++) if (Number.isNaN(keys[i]!)) throw new RangeError("a rank key is not a number");
  return idsAscending(ids) ? rankInIdOrder(keys, first) : rankByComparator(keys, ids, first);
}

/** Ranks when position order is id order: ties keep their positions' order. */
function rankInIdOrder(keys: ArrayLike<number>, first?: ArrayLike<boolean>): Int32Array {
  const n = keys.length;
  let marked = 0;
  if (first) for (let i = 0; i < n; i++) if (first[i]) marked++;
  // The keys of each group (marked, the rest) sorted ascending, side by side: marked in [0, marked), the rest after.
  const sorted = new Float64Array(n);
  for (let i = 0, m = 0, u = marked; i < n; i++) sorted[first?.[i] ? m++ : u++] = keys[i]!;
  sorted.subarray(0, marked).sort();
  sorted.subarray(marked).sort();
  // seen[k]: the items met so far whose rank starts at k + 1 (those of one key in one group share k).
  const seen = new Int32Array(n);
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    // Items of the group with a larger key come first; the group of the unmarked starts after all the marked.
    const base = first?.[i] ? marked - upperBound(sorted, 0, marked, keys[i]!) : marked + n - upperBound(sorted, marked, n, keys[i]!);
    ranks[i] = base + ++seen[base]!;
  }
  return ranks;
}

/** The first index in sorted[from, to) whose value is greater than `value`. */
function upperBound(sorted: Float64Array, from: number, to: number, value: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function rankByComparator(keys: ArrayLike<number>, ids: readonly string[], first?: ArrayLike<boolean>): Int32Array {
  const order = Array.from({ length: keys.length }, (_, i) => i);
  const mark = (i: number) => (first?.[i] ? 1 : 0);
  order.sort((i, j) => mark(j) - mark(i) || keys[j]! - keys[i]! || compareIds(ids[i]!, ids[j]!));
  const ranks = new Int32Array(keys.length);
  order.forEach((position, k) => (ranks[position] = k + 1));
  return ranks;
}
