import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankDescending } from "./ranks";

/** The ranks by definition: sort the positions (marked first, larger key first, smaller id first) and number them. */
function reference(keys: readonly number[], ids: readonly string[], first?: readonly boolean[]): number[] {
  const order = keys.map((_, i) => i);
  order.sort((i, j) => Number(first?.[j] ?? false) - Number(first?.[i] ?? false) || keys[j]! - keys[i]! || (ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : 0));
  const ranks = new Array<number>(keys.length);
  order.forEach((position, k) => (ranks[position] = k + 1));
  return ranks;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${String(i).padStart(6, "0")}`);

describe("rankDescending", () => {
  it("ranks the largest key first and equal keys by id", () => {
    expect([...rankDescending([5, 7, 5, 1], ids(4))]).toEqual([2, 1, 3, 4]);
    expect([...rankDescending([5, 7, 5, 1], ["d", "c", "b", "a"])]).toEqual([3, 1, 2, 4]);
  });

  it("puts the marked items first, each group by key", () => {
    expect([...rankDescending([5, 7, 5, 1], ids(4), [false, false, true, true])]).toEqual([4, 3, 1, 2]);
    expect([...rankDescending([], [], [])]).toEqual([]);
  });

  it("refuses mismatched lengths and keys that are not numbers", () => {
    expect(() => rankDescending([1, 2], ids(1))).toThrow(RangeError);
    expect(() => rankDescending([1, Number.NaN], ids(2))).toThrow(/not a number/);
  });

  it("ranks thousands of items, money amounts with many ties and a few marked, as the definition does", () => {
    const n = 5_000;
    const keys = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : Math.round(((i * 7919) % 1000) * 123.45) / 100 - (i % 11 === 0 ? 500 : 0)));
    const first = Array.from({ length: n }, (_, i) => i % 13 === 0);
    expect([...rankDescending(keys, ids(n), first)]).toEqual(reference(keys, ids(n), first));
    expect([...rankDescending(keys, ids(n))]).toEqual(reference(keys, ids(n)));
  });

  it("property: equals the definition, in id order or not, with many ties, infinities and signed zeros", () => {
    const key = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.boolean()), { maxLength: 60 }), fc.boolean(), fc.boolean(), (items, shuffled, marked) => {
        const keys = items.map(([k]) => k);
        const first = marked ? items.map(([, m]) => m) : undefined;
        const names = ids(items.length);
        if (shuffled) names.reverse();
        expect([...rankDescending(keys, names, first)]).toEqual(reference(keys, names, first));
      }),
      { numRuns: 500 },
    );
  });
});
