import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitsAmount, lineAmount, money, plainDecimal, sameAmount, sumAmounts } from "./orders.amounts";

describe("order amounts", () => {
  it("multiplies exactly: 3 × 19.99 = 59.97", () => {
    expect(lineAmount({ quantity: "3", unitPrice: "19.99" })).toBe("59.97");
  });

  it("adds exactly where floating point would not: 0.1 + 0.2 = 0.30", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumAmounts([lineAmount({ quantity: "1", unitPrice: "0.1" }), lineAmount({ quantity: "1", unitPrice: "0.2" })])).toBe("0.30");
  });

  it("rounds half-up on the exact product, not on a float approximation", () => {
    // 2.675 as a double is 2.67499999..., so float rounding would give 2.67.
    expect((2.675).toFixed(2)).toBe("2.67");
    expect(lineAmount({ quantity: "1", unitPrice: "2.675" })).toBe("2.68");
    expect(lineAmount({ quantity: "0.5", unitPrice: "0.01" })).toBe("0.01");
    expect(lineAmount({ quantity: "0.4999", unitPrice: "0.01" })).toBe("0.00");
    expect(lineAmount({ quantity: "1.0001", unitPrice: "0.0049" })).toBe("0.00");
    expect(lineAmount({ quantity: "3", unitPrice: "0.335" })).toBe("1.01");
    expect(lineAmount({ quantity: "-1", unitPrice: "0.005" })).toBe("-0.01");
    expect(lineAmount({ quantity: "0.1", unitPrice: "0.2" })).toBe("0.02");
  });

  it("keeps all digits of large amounts", () => {
    expect(lineAmount({ quantity: "12345678.9999", unitPrice: "1000.0001" })).toBe("12345680234.47");
  });

  it("sums the rounded line amounts", () => {
    expect(sumAmounts(["0.01", "0.01", "0.01"])).toBe("0.03");
    expect(sumAmounts([])).toBe("0.00");
  });

  it("knows the limits of the amount column", () => {
    expect(fitsAmount("9999999999999999.99")).toBe(true);
    expect(fitsAmount("10000000000000000.00")).toBe(false);
    expect(fitsAmount("-9999999999999999.99")).toBe(true);
  });

  it("normalises decimals for comparison and display", () => {
    expect(sameAmount("10.5", "10.50")).toBe(true);
    expect(sameAmount("10.5", "10.51")).toBe(false);
    expect(plainDecimal("19.9900")).toBe("19.99");
    expect(plainDecimal("3.0000")).toBe("3");
    expect(money("100")).toBe("100.00");
  });
});

describe("order amounts: the integer fast paths agree with exact decimal arithmetic", () => {
  const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
  const decimalString = (intDigits: number, scale: number) =>
    fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** BigInt(intDigits) - 1n }), fc.integer({ min: 0, max: scale }), fc.bigInt({ min: 0n, max: 10n ** BigInt(scale) - 1n }))
      .map(([negative, int, decimals, frac]) => `${negative ? "-" : ""}${int}${decimals > 0 ? `.${frac.toString().padStart(scale, "0").slice(0, decimals)}` : ""}`);

  it("lineAmount", () => {
    fc.assert(fc.property(decimalString(14, 4), decimalString(14, 4), (quantity, unitPrice) => {
      const exact = new Exact(quantity).times(unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
      expect(lineAmount({ quantity, unitPrice })).toBe(exact);
    }), { numRuns: 5000 });
    fc.assert(fc.property(decimalString(4, 4), decimalString(5, 4), (quantity, unitPrice) => {
      const exact = new Exact(quantity).times(unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
      expect(lineAmount({ quantity, unitPrice })).toBe(exact);
    }), { numRuns: 5000 });
  });

  it("sumAmounts", () => {
    fc.assert(fc.property(fc.array(decimalString(16, 2), { maxLength: 20 }), (amounts) => {
      const exact = amounts.reduce((sum, a) => sum.plus(a), new Exact(0)).toFixed(2);
      expect(sumAmounts(amounts)).toBe(exact);
    }), { numRuns: 3000 });
  });
});
