import { describe, expect, it } from "vitest";
import { isDecimal, isPositiveDecimal, lineAmount, linesTotal, plainDecimal, sumAmounts } from "./order-math";

describe("order line arithmetic", () => {
  it("multiplies exactly and rounds each line half-up to cents", () => {
    expect(lineAmount("3", "19.99")).toBe("59.97");
    expect(lineAmount("0.1", "0.2")).toBe("0.02");
    expect(lineAmount("1.005", "1")).toBe("1.01");
    expect(lineAmount("1.0049", "1")).toBe("1.00");
    expect(lineAmount("2.5", "0.0001")).toBe("0.00");
    expect(lineAmount("99999999999999.9999", "99999999999999.9999")).toBe("9999999999999999980000000000.00");
  });

  it("does not compute a line that is not a valid decimal yet", () => {
    expect(lineAmount("", "1")).toBeNull();
    expect(lineAmount("1.", "1")).toBeNull();
    expect(lineAmount("1.23456", "1")).toBeNull();
    expect(lineAmount("-1", "1")).toBeNull();
    expect(lineAmount("1e3", "1")).toBeNull();
  });

  it("sums without floating point drift", () => {
    expect(sumAmounts(["0.10", "0.20"])).toBe("0.30");
    expect(sumAmounts(Array.from({ length: 10 }, () => "0.10"))).toBe("1.00");
    expect(sumAmounts(["-12.5", "3"])).toBe("-9.50");
    expect(sumAmounts([])).toBe("0.00");
    expect(linesTotal([{ quantity: "3", unitPrice: "0.1" }, { quantity: "", unitPrice: "2" }, { quantity: "1", unitPrice: "0.2" }])).toBe("0.50");
    expect(linesTotal([{ quantity: "", unitPrice: "" }])).toBeNull();
  });

  it("validates quantities and prices like the API", () => {
    expect(isDecimal("12.3456")).toBe(true);
    expect(isDecimal("0")).toBe(true);
    expect(isPositiveDecimal("0.0000")).toBe(false);
    expect(isPositiveDecimal("0.0001")).toBe(true);
    expect(plainDecimal("12.5000")).toBe("12.5");
    expect(plainDecimal("3.0000")).toBe("3");
    expect(plainDecimal("40")).toBe("40");
  });
});
