import { describe, expect, it } from "vitest";
import { expectedPurchases } from "./bg-nbd";
import { discountedClv } from "./clv";

const PARAMS = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86 };

describe("discountedClv", () => {
  it("undiscounted, is expected purchases over the horizon times the spend", () => {
    expect(discountedClv(PARAMS, CUSTOMER, 40, 12)).toBeCloseTo(expectedPurchases(PARAMS, CUSTOMER, 12) * 40, 9);
  });
  it("discounts each unit's purchases at its end (hand-computed over two units)", () => {
    const e1 = expectedPurchases(PARAMS, CUSTOMER, 1);
    const e2 = expectedPurchases(PARAMS, CUSTOMER, 2);
    expect(discountedClv(PARAMS, CUSTOMER, 10, 2, 0.1)).toBeCloseTo((e1 * 10) / 1.1 + ((e2 - e1) * 10) / 1.21, 12);
  });
  it("is 0 over no horizon and rejects nonsense", () => {
    expect(discountedClv(PARAMS, CUSTOMER, 10, 0)).toBe(0);
    expect(() => discountedClv(PARAMS, CUSTOMER, 10, 1.5)).toThrow(RangeError);
    expect(() => discountedClv(PARAMS, CUSTOMER, 10, 3, -1)).toThrow(RangeError);
  });
});
