import { describe, expect, it } from "vitest";
import { parseDay } from "../dates";
import { cdnowSampleOrders } from "../testing/datasets";
import { expectedAverageSpend, fitGammaGamma, gammaGammaLogLikelihood } from "./gamma-gamma";
import { summariseForClv } from "./summary";

const NOTE = { p: 6.25, q: 3.74, gamma: 15.44 };

describe("fitGammaGamma on CDNOW (Fader & Hardie 2013)", () => {
  const summary = summariseForClv(cdnowSampleOrders(), parseDay("1997-09-30")!);
  const fit = fitGammaGamma(summary);
  it("fits on the 946 repeat customers", () => {
    expect(fit.customers).toBe(946);
  });
  it.each(Object.entries(NOTE))("%s within 1% of the note", (name, value) => {
    expect(Math.abs(fit.params[name as keyof typeof NOTE] / value - 1)).toBeLessThan(0.01);
  });
  it("is a maximum: the note's rounded values do not beat it", () => {
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(NOTE, summary));
  });
});

describe("expectedAverageSpend", () => {
  it("is the population mean pγ/(q−1) without repeat purchases and shrinks m_x toward it otherwise (hand-computed)", () => {
    expect(expectedAverageSpend(NOTE, { frequency: 0, monetaryValue: 0 })).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    // (15.44 + 2 · 30) · 6.25 / (6.25 · 2 + 3.74 − 1)
    expect(expectedAverageSpend(NOTE, { frequency: 2, monetaryValue: 30 })).toBeCloseTo((75.44 * 6.25) / 15.24, 12);
  });
  it("refuses to fit without a repeat customer", () => {
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(RangeError);
  });
});
