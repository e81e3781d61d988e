import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clvDistribution } from "./distribution";

const isOneTwoFive = (edge: number) => {
  const mantissa = Number((edge / 10 ** Math.floor(Math.log10(edge) + 1e-9)).toPrecision(6));
  return mantissa === 1 || mantissa === 2 || mantissa === 5;
};

describe("clvDistribution", () => {
  it("bands a heavy-tailed portfolio in 1-2-5 steps from the lowest value to the highest", () => {
    const bands = clvDistribution([1_500, 1_999.99, 2_000, 7_300, 48_000, 45_900_000]);
    expect(bands[0]).toEqual({ from: 1_000, to: 2_000, accounts: 2 });
    expect(bands[1]).toEqual({ from: 2_000, to: 5_000, accounts: 1 });
    expect(bands[2]).toEqual({ from: 5_000, to: 10_000, accounts: 1 });
    expect(bands.at(-1)).toEqual({ from: 20_000_000, to: 50_000_000, accounts: 1 });
    expect(bands).toHaveLength(14); // 1k, 2k, 5k, … 20M, 50M: 15 edges
  });

  it("starts at the value itself when it is an edge, and keeps empty bands in between", () => {
    expect(clvDistribution([1_000, 100_000])).toEqual([
      { from: 1_000, to: 2_000, accounts: 1 },
      { from: 2_000, to: 5_000, accounts: 0 },
      { from: 5_000, to: 10_000, accounts: 0 },
      { from: 10_000, to: 20_000, accounts: 0 },
      { from: 20_000, to: 50_000, accounts: 0 },
      { from: 50_000, to: 100_000, accounts: 0 },
      { from: 100_000, to: 200_000, accounts: 1 },
    ]);
  });

  it("puts zero and below in a band of their own, and handles cents", () => {
    expect(clvDistribution([0, 0, 0.03, 0.07])).toEqual([
      { from: 0, to: 0, accounts: 2 },
      { from: 0.02, to: 0.05, accounts: 1 },
      { from: 0.05, to: 0.1, accounts: 1 },
    ]);
    expect(clvDistribution([-12.5, 0])).toEqual([{ from: -12.5, to: 0, accounts: 2 }]);
    expect(clvDistribution([])).toEqual([]);
    expect(clvDistribution([300, 300])).toEqual([{ from: 200, to: 500, accounts: 2 }]);
  });

  it("falls back to powers of ten for a spread of many decades", () => {
    const bands = clvDistribution([0.01, 5e9]);
    expect(bands.map((b) => b.from)).toEqual(Array.from({ length: 12 }, (_, k) => Number((10 ** (k - 2)).toPrecision(12))));
    expect(bands.reduce((n, b) => n + b.accounts, 0)).toBe(2);
  });

  it("refuses a value that is not a number", () => {
    expect(() => clvDistribution([1, Number.NaN])).toThrow(RangeError);
  });

  it("counts every value once, in the band that holds it, on contiguous 1-2-5 edges", () => {
    const clv = fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1e10, noNaN: true }).map((v) => Math.round(v * 100) / 100));
    fc.assert(
      fc.property(fc.array(clv, { minLength: 1, maxLength: 200 }), (values) => {
        const bands = clvDistribution(values);
        expect(bands.reduce((n, b) => n + b.accounts, 0)).toBe(values.length);
        expect(bands.length).toBeLessThanOrEqual(25);
        const positive = bands.filter((b) => b.to > 0);
        for (let i = 1; i < positive.length; i++) expect(positive[i]!.from).toBe(positive[i - 1]!.to);
        for (const b of positive) {
          expect(isOneTwoFive(b.from) && isOneTwoFive(b.to)).toBe(true);
          expect(b.accounts).toBe(values.filter((v) => v > 0 && v >= b.from && v < b.to).length);
        }
        const lowest = Math.min(...values.filter((v) => v > 0));
        if (positive.length > 0) {
          expect(positive[0]!.from).toBeLessThanOrEqual(lowest);
          expect(positive[0]!.to).toBeGreaterThan(lowest);
        }
      }),
    );
  });
});
