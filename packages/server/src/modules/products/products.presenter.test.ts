import { describe, expect, it } from "vitest";
import { priceNeedsCurrency } from "./products.policy";
import { formatPrice } from "./products.presenter";

describe("formatPrice", () => {
  it("keeps at least two decimals and drops the storage padding", () => {
    expect(formatPrice("12.5000")).toBe("12.50");
    expect(formatPrice("1200.0000")).toBe("1200.00");
    expect(formatPrice("0.0000")).toBe("0.00");
    expect(formatPrice("0.1250")).toBe("0.125");
    expect(formatPrice("3.1416")).toBe("3.1416");
  });

  it("stays exact beyond the range of a double", () => {
    expect(formatPrice("99999999999999.9999")).toBe("99999999999999.9999");
  });

  it("accepts integers and null", () => {
    expect(formatPrice("7")).toBe("7.00");
    expect(formatPrice(null)).toBeNull();
  });
});

describe("priceNeedsCurrency", () => {
  it("requires a currency only when there is a price", () => {
    expect(priceNeedsCurrency({ listPrice: "1.00", currency: null })).toBe(true);
    expect(priceNeedsCurrency({ listPrice: "1.00", currency: "CNY" })).toBe(false);
    expect(priceNeedsCurrency({ listPrice: null, currency: null })).toBe(false);
  });
});
