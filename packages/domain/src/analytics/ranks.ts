import { compareIds, idsAscending } from "./customer-orders";

/**
 * The rank (1…n) of each item by a key, largest first, equal keys by id (ascending), by the items' positions — and,
 * with `first`, the items it marks ahead of all others (a selection ranks the selected accounts first).
 *
 * Runs rank 100,000 accounts several times an identification. When the ids come in ascending order (the runs list
 * accounts in id order) no comparator runs: the positions are sorted by a stable radix sort of the keys, so equal keys
 * keep id order (rankInIdOrder). Otherwise the items are sorted by a comparator.
 */
export function rankDescending(keys: ArrayLike<number>, ids: readonly string[], first?: ArrayLike<boolean>): Int32Array {
  const n = keys.length;
  if (ids.length !== n || (first && first.length !== n)) throw new RangeError("keys, ids and marks must have one entry per item");
  for (let i = 0; i < n; i++) if (Number.isNaN(keys[i]!)) throw new RangeError("a rank key is not a number");
  return idsAscending(ids) ? rankInIdOrder(keys, first) : rankByComparator(keys, ids, first);
}

/** Where the high 32 bits of a float64 lie in a Uint32Array view of it (the platform's byte order). */
const HIGH_WORD = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
/** Digits of 16 bits: four passes over a 64-bit key. */
const DIGIT_BITS = 16;
const DIGITS = 1 << DIGIT_BITS;

/**
 * Ranks when position order is id order: the positions sorted by key, largest first, by a least-significant-digit radix
 * sort of the keys' bits (no comparator, and stable, so equal keys keep their positions' order), then the marked items
 * moved ahead by one more stable pass. A comparator sort or a binary search per item took four times as long at
 * 100,000 accounts.
 */
function rankInIdOrder(keys: ArrayLike<number>, first?: ArrayLike<boolean>): Int32Array {
  const n = keys.length;
  const key = new Float64Array(n);
  // −0 becomes +0: equal keys must tie.
  for (let i = 0; i < n; i++) key[i] = keys[i]! + 0;
  const words = new Uint32Array(key.buffer);
  // Each key as an unsigned 64-bit number (high, low) that is smaller the larger the key: a negative double's bits
  // already order that way; a positive one's, with every bit but the sign flipped.
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + HIGH_WORD]!;
    const l = words[2 * i + 1 - HIGH_WORD]!;
    const negative = h >>> 31 === 1;
    high[i] = negative ? h : h ^ 0x7fffffff;
    low[i] = negative ? l : ~l >>> 0;
  }
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Int32Array(n);
  const counts = new Int32Array(DIGITS + 1);
  for (const [word, shift] of [[low, 0], [low, DIGIT_BITS], [high, 0], [high, DIGIT_BITS]] as const) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((word[i]! >>> shift) & (DIGITS - 1)) + 1]!++;
    // A digit every key shares leaves the order as it is.
    if (counts[((word[0]! >>> shift) & (DIGITS - 1)) + 1] === n) continue;
    for (let d = 1; d <= DIGITS; d++) counts[d]! += counts[d - 1]!;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      next[counts[(word[i]! >>> shift) & (DIGITS - 1)]!++] = i;
    }
    [order, next] = [next, order];
  }
  if (first) {
    let at = 0;
    for (let k = 0; k < n; k++) if (first[order[k]!]) next[at++] = order[k]!;
    for (let k = 0; k < n; k++) if (!first[order[k]!]) next[at++] = order[k]!;
    order = next;
  }
  const ranks = new Int32Array(n);
  for (let k = 0; k < n; k++) ranks[order[k]!] = k + 1;
  return ranks;
}

function rankByComparator(keys: ArrayLike<number>, ids: readonly string[], first?: ArrayLike<boolean>): Int32Array {
  const order = Array.from({ length: keys.length }, (_, i) => i);
  const mark = (i: number) => (first?.[i] ? 1 : 0);
  order.sort((i, j) => mark(j) - mark(i) || keys[j]! - keys[i]! || compareIds(ids[i]!, ids[j]!));
  const ranks = new Int32Array(keys.length);
  order.forEach((position, k) => (ranks[position] = k + 1));
  return ranks;
}
