import { describe, expect, it } from "vitest";
import { minimise } from "./optimise";

describe("minimise", () => {
  it("finds the minimum of the Rosenbrock valley", () => {
    const { x, fx } = minimise(([a, b]) => (1 - a!) ** 2 + 100 * (b! - a! ** 2) ** 2, [-1.2, 1], { tolerance: 1e-14 });
    expect(x[0]).toBeCloseTo(1, 4);
    expect(x[1]).toBeCloseTo(1, 4);
    expect(fx).toBeLessThan(1e-8);
  });
  it("steps away from points where the objective is not finite", () => {
    const { x } = minimise(([a]) => (a! <= 0 ? Number.NaN : (Math.log(a!) - 1) ** 2), [0.5]);
    expect(x[0]).toBeCloseTo(Math.E, 3);
  });
});
