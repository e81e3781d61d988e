import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreByQuintile, scoreByThresholds } from "./rfm-score";

describe("scoreByQuintile", () => {
  it("splits ten distinct values into five scores of two", () => {
    expect(scoreByQuintile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], "higher-is-better")).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
  });
  it("reverses for recency: the smallest number of days scores 5", () => {
    expect(scoreByQuintile([0, 10, 20, 30, 40], "lower-is-better")).toEqual([5, 4, 3, 2, 1]);
  });
  it("gives equal values the same score and jumps after a large tie", () => {
    // 7 of 10 customers bought once: all score 1; the next value has 7 worse → 1 + floor(3.5) = 4.
    expect(scoreByQuintile([1, 1, 1, 1, 1, 1, 1, 2, 3, 3], "higher-is-better")).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 5, 5]);
    expect(scoreByQuintile([7, 7, 7], "lower-is-better")).toEqual([1, 1, 1]);
  });
  it("gives the best value 5 even when more than a fifth of the customers share it", () => {
    // 4 of 10 ordered yesterday: 6 worse → the formula alone gives 1 + floor(3) = 4, and R 5 would stay empty.
    expect(scoreByQuintile([1, 1, 1, 1, 5, 9, 12, 20, 30, 40], "lower-is-better")).toEqual([5, 5, 5, 5, 3, 3, 2, 2, 1, 1]);
    expect(scoreByQuintile([9, 9, 9, 1, 2], "higher-is-better")).toEqual([5, 5, 5, 1, 2]);
  });
  it("is 1 for a single customer and empty for none", () => {
    expect(scoreByQuintile([42], "higher-is-better")).toEqual([1]);
    expect(scoreByQuintile([], "higher-is-better")).toEqual([]);
  });
  it("property: scores in 1..5, equal values equal scores, monotone, order-independent", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 60 }), (values) => {
        const scores = scoreByQuintile(values, "higher-is-better");
        const reversed = scoreByQuintile([...values].reverse(), "higher-is-better").reverse();
        expect(reversed).toEqual(scores);
        values.forEach((v, i) =>
          values.forEach((w, j) => {
            if (v === w) expect(scores[i]).toBe(scores[j]);
            if (v < w) expect(scores[i]!).toBeLessThanOrEqual(scores[j]!);
          }),
        );
        scores.forEach((s) => expect(s >= 1 && s <= 5).toBe(true));
        // The extremes are always reachable: the worst value scores 1, the best 5 (unless all are equal).
        const [min, max] = [Math.min(...values), Math.max(...values)];
        values.forEach((v, i) => {
          if (v === min) expect(scores[i]).toBe(1);
          if (v === max && min !== max) expect(scores[i]).toBe(5);
        });
      }),
    );
  });
  it("property: equals the documented rule, 1 + floor(5 × worse / n) with the best value at 5, both directions", () => {
    const rule = (values: number[], direction: "higher-is-better" | "lower-is-better") => {
      const n = values.length;
      const worse = (v: number) => values.filter((w) => (direction === "higher-is-better" ? w < v : w > v)).length;
      const best = direction === "higher-is-better" ? Math.max(...values) : Math.min(...values);
      const allEqual = values.every((w) => w === values[0]);
      return values.map((v) => (v === best && !allEqual ? 5 : 1 + Math.floor((5 * worse(v)) / n)));
    };
    const value = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 80 }), fc.constantFrom("higher-is-better" as const, "lower-is-better" as const), (values, direction) => {
        expect(scoreByQuintile(values, direction)).toEqual(rule(values, direction));
      }),
    );
  });
  // Distinct as numbers: -0 and 0 are one value (a tie), as the scoring compares them.
  it("property: distinct values in a multiple of five fill each score equally", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 5, maxLength: 100, comparator: "SameValueZero" }), (values) => {
        const n = values.length - (values.length % 5);
        const scores = scoreByQuintile(values.slice(0, n), "lower-is-better");
        for (let s = 1; s <= 5; s++) expect(scores.filter((x) => x === s)).toHaveLength(n / 5);
      }),
    );
  });
});

describe("scoreByThresholds", () => {
  const t = [10, 20, 30, 40] as const;
  it("higher is better: a value on a threshold takes the higher score", () => {
    expect([9.99, 10, 19, 20, 30, 39, 40, 1e9].map((v) => scoreByThresholds(v, t, "higher-is-better"))).toEqual([1, 2, 2, 3, 4, 4, 5, 5]);
  });
  it("lower is better: recency on a threshold keeps the better score", () => {
    expect([0, 10, 11, 20, 30, 40, 41].map((v) => scoreByThresholds(v, t, "lower-is-better"))).toEqual([5, 5, 4, 4, 3, 2, 1]);
  });
  it("rejects thresholds that are not strictly ascending", () => {
    expect(() => scoreByThresholds(1, [1, 1, 2, 3], "higher-is-better")).toThrow(RangeError);
  });
});
