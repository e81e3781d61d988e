import { describe, expect, it } from "vitest";
import { hyp2f1, lnGamma, logAddExp } from "./special";

describe("hyp2f1", () => {
  it("matches closed forms", () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 10);
      expect(hyp2f1(2.5, 3, 3, z) / (1 - z) ** -2.5).toBeCloseTo(1, 12);
    }
  });
  it("refuses z outside [0, 1)", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });
});

describe("lnGamma and logAddExp", () => {
  it("are exact on known values", () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 12);
    expect(logAddExp(-Infinity, 1)).toBe(1);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 9);
  });
});
