import { describe, expect, it } from "vitest";
import { monthIndexOf } from "./dates";
import { backtestForecast, forecastSeries, mape } from "./forecast";
import { onlineRetailOrders } from "./testing/datasets";

/** 48 months: level 1000, +10 per month, a ±200 yearly cycle and a deterministic ±2% wobble. */
const seasonal = Array.from({ length: 48 }, (_, t) => (1000 + 10 * t + 200 * Math.sin((2 * Math.PI * t) / 12)) * (1 + 0.02 * Math.sin(7.3 * t)));

describe("mape", () => {
  it("averages absolute percentage errors, skipping zero actuals", () => {
    expect(mape([100, 200, 0], [110, 150, 5])).toBeCloseTo((0.1 + 0.25) / 2, 12);
    expect(mape([0, 0], [1, 1])).toBeUndefined();
  });
});

describe("forecastSeries", () => {
  it("continues a trend-and-season series with Holt-Winters", () => {
    const result = forecastSeries(seasonal.slice(0, 42), 6);
    expect(result.method).toBe("holt-winters");
    for (const p of Object.values(result.params)) expect(p >= 0 && p <= 1).toBe(true);
    expect(mape(seasonal.slice(42), result.values)!).toBeLessThan(0.05);
  });
  it("extends a straight line exactly", () => {
    const line = Array.from({ length: 10 }, (_, t) => 5 + 3 * t);
    const result = forecastSeries(line, 3);
    expect(result.method).toBe("holt");
    result.values.forEach((v, i) => expect(v).toBeCloseTo(5 + 3 * (10 + i), 6));
  });
  it("falls back to the last value with fewer than three points, and rejects gaps", () => {
    expect(forecastSeries([4, 7], 2)).toMatchObject({ method: "naive", values: [7, 7] });
    expect(forecastSeries([], 1).values).toEqual([0]);
    expect(() => forecastSeries([1, Number.NaN, 3], 1)).toThrow(RangeError);
  });
});

describe("backtestForecast", () => {
  it("beats the naive last-value forecast on the synthetic seasonal series", () => {
    const result = backtestForecast(seasonal);
    expect(result.holdout).toBe(6);
    expect(result.mape!).toBeLessThan(result.naiveMape!);
    expect(result.mape!).toBeLessThan(0.05);
  });
  it("reports a finite MAPE on the Online Retail monthly revenue", () => {
    const byMonth = new Map<number, number>();
    for (const o of onlineRetailOrders()) byMonth.set(monthIndexOf(o.day), (byMonth.get(monthIndexOf(o.day)) ?? 0) + o.amount);
    const months = [...byMonth.keys()].sort((a, b) => a - b);
    expect(months).toHaveLength(13); // 2010-12 … 2011-12 (the last month ends on the 9th)
    const result = backtestForecast(months.map((m) => byMonth.get(m)!));
    expect(result.method).toBe("holt");
    expect(Number.isFinite(result.mape)).toBe(true);
    expect(Number.isFinite(result.naiveMape)).toBe(true);
  });
  it("needs more history than it holds out", () => {
    expect(() => backtestForecast([1, 2, 3], 6)).toThrow(RangeError);
  });
});
