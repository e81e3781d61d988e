import { describe, expect, it } from "vitest";
import { formatCents, formatScale4, lineAmountCents, parseCents, roundToCents4 } from "./money";

describe("money", () => {
  it("formats integers as fixed decimals", () => {
    expect(formatCents(0)).toBe("0.00");
    expect(formatCents(5)).toBe("0.05");
    expect(formatCents(123456)).toBe("1234.56");
    expect(formatCents(-7)).toBe("-0.07");
    expect(formatScale4(1234500)).toBe("123.4500");
    expect(parseCents("1234.5")).toBe(123450);
  });

  it("rounds line amounts half up to the cent", () => {
    // 0.25 × 123.45 = 30.8625
    expect(lineAmountCents(2_500, 1_234_500)).toBe(3_086);
    // 0.5 × 0.01 = 0.005 → 0.01
    expect(lineAmountCents(5_000, 100)).toBe(1);
    expect(lineAmountCents(10_000, 9_999_900)).toBe(99_999);
  });

  it("stays exact beyond the safe integer range", () => {
    const quantity4 = 20_000_000_000; // 2,000,000 units
    const price4 = 1_260_000_000; // 126,000.00
    const exact = (BigInt(quantity4) * BigInt(price4) + 500_000n) / 1_000_000n;
    expect(lineAmountCents(quantity4, price4)).toBe(Number(exact));
  });

  it("rounds prices to two decimals", () => {
    expect(roundToCents4(1_234_567)).toBe(1_234_600);
  });
});
