import { describe, expect, it } from "vitest";
import { neutralise } from "../exports/exports.csv";
import { plain } from "./run-export";

describe("numbers in a run's CSV", () => {
  it("are never in exponent form, so that a spreadsheet reads them as numbers", () => {
    expect(plain(1e-7)).toBe("0.0000001");
    expect(plain(-2.5e-8)).toBe("-0.000000025");
    expect(plain(0.123456)).toBe("0.123456");
    expect(plain(-1234.5)).toBe("-1234.5");
    expect(plain(0)).toBe("0");
    expect(String(1e-7)).toBe("1e-7");
  });

  it("pass the formula guard untouched, negative ones included", () => {
    for (const n of [-2.5e-8, -1234.5, -0.75, 42]) expect(neutralise(plain(n), true)).toBe(plain(n));
    expect(neutralise(String(-2.5e-8), true)).toBe("'-2.5e-8");
  });
});
