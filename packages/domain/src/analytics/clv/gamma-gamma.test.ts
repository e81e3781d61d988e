import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDay } from "../dates";
import { cdnowSampleOrders } from "../testing/datasets";
import { lnGamma } from "./special";
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

describe("gammaGammaLogLikelihood", () => {
  // Equation 3, customer by customer, as the note writes it.
  const direct = ({ p, q, gamma }: typeof NOTE, data: Array<{ frequency: number; monetaryValue: number }>) =>
    data
      .filter((o) => o.frequency > 0 && o.monetaryValue > 0)
      .reduce((sum, { frequency: x, monetaryValue: m }) =>
        sum + lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + m * x), 0);
  it("property: equals equation 3 summed customer by customer", () => {
    const positive = fc.double({ min: 0.05, max: 50, noNaN: true });
    const customer = fc.record({ frequency: fc.integer({ min: 0, max: 12 }), monetaryValue: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 5_000, noNaN: true })) });
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 40 }), positive, positive, positive, (data, p, q, gamma) => {
        const expected = direct({ p, q, gamma }, data);
        expect(Math.abs(gammaGammaLogLikelihood({ p, q, gamma }, data) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
    );
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
