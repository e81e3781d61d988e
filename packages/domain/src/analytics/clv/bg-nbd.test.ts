import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDay } from "../dates";
import { cdnowSampleOrders, cdnowSummary } from "../testing/datasets";
import { bgNbdLogLikelihood, expectedPurchases, fitBgNbd, probabilityAlive, validateObservation } from "./bg-nbd";
import { lnGamma } from "./special";
import { summariseForClv } from "./summary";

const PAPER = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("fitBgNbd on CDNOW (Fader, Hardie & Lee 2005)", () => {
  const fit = fitBgNbd(cdnowSummary());
  it.each(Object.entries(PAPER))("%s within 1% of the paper", (name, value) => {
    const fitted = fit.params[name as keyof typeof PAPER];
    expect(Math.abs(fitted / value - 1)).toBeLessThan(0.01);
  });
  it("reaches the paper's log-likelihood of -9582.4", () => {
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 0);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgNbdLogLikelihood(PAPER, cdnowSummary()));
  });
});

describe("bgNbdLogLikelihood", () => {
  // Equation 6 of the paper, customer by customer, with B(a, b) written through ln Γ.
  const lnBeta = (a: number, b: number) => lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  const direct = ({ r, alpha, a, b }: typeof PAPER, data: Array<{ frequency: number; recency: number; T: number }>) =>
    data.reduce((sum, { frequency: x, recency: tx, T }) => {
      const common = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
      const alive = Math.exp(lnBeta(a, b + x) - lnBeta(a, b) + common - (r + x) * Math.log(alpha + T));
      const dropped = x > 0 ? Math.exp(lnBeta(a + 1, b + x - 1) - lnBeta(a, b) + common - (r + x) * Math.log(alpha + tx)) : 0;
      return sum + Math.log(alive + dropped);
    }, 0);
  it("property: equals equation 6 summed customer by customer", () => {
    const positive = fc.double({ min: 0.1, max: 10, noNaN: true });
    const customer = fc
      .record({ frequency: fc.integer({ min: 0, max: 8 }), share: fc.double({ min: 0, max: 1, noNaN: true }), T: fc.double({ min: 0.5, max: 60, noNaN: true }) })
      .map(({ frequency, share, T }) => ({ frequency, recency: frequency > 0 ? share * T : 0, T }));
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 30 }), positive, positive, positive, positive, (data, r, alpha, a, b) => {
        const expected = direct({ r, alpha, a, b }, data);
        expect(Math.abs(bgNbdLogLikelihood({ r, alpha, a, b }, data) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
    );
  });
});

describe("BG/NBD predictions", () => {
  it("reproduces the paper's worked example: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks", () => {
    expect(expectedPurchases(PAPER, { frequency: 2, recency: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
  });
  it("P(alive) is 1 without repeat purchases and hand-computed otherwise", () => {
    expect(probabilityAlive(PAPER, { frequency: 0, recency: 0, T: 30 })).toBe(1);
    const odds = (PAPER.a / (PAPER.b + 1)) * ((PAPER.alpha + 38.86) / (PAPER.alpha + 30.43)) ** (PAPER.r + 2);
    expect(probabilityAlive(PAPER, { frequency: 2, recency: 30.43, T: 38.86 })).toBeCloseTo(1 / (1 + odds), 12);
  });
  it("predicts the CDNOW 39-week holdout in aggregate within 15% (sanity check on the data)", () => {
    const orders = cdnowSampleOrders();
    const end = parseDay("1997-09-30")!;
    const predicted = summariseForClv(orders, end).reduce((sum, o) => sum + expectedPurchases(PAPER, o, 39), 0);
    const actual = new Set(orders.filter((o) => o.day > end).map((o) => `${o.customer}|${o.day}`)).size;
    expect(Math.abs(predicted / actual - 1)).toBeLessThan(0.15);
  });
  it("property: expected purchases grow with the horizon; P(alive) falls the longer a repeat buyer stays silent", () => {
    const observation = fc
      .record({ x: fc.integer({ min: 0, max: 30 }), tx: fc.double({ min: 0, max: 50, noNaN: true }), gap: fc.double({ min: 0, max: 50, noNaN: true }) })
      .map(({ x, tx, gap }) => ({ frequency: x, recency: x === 0 ? 0 : tx, T: (x === 0 ? 0 : tx) + gap }));
    fc.assert(
      fc.property(observation, fc.double({ min: 0.5, max: 50, noNaN: true }), (o, t) => {
        const now = expectedPurchases(PAPER, o, t);
        expect(now).toBeGreaterThan(0);
        expect(expectedPurchases(PAPER, o, t + 1)).toBeGreaterThan(now);
        const alive = probabilityAlive(PAPER, o);
        expect(alive).toBeGreaterThan(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (o.frequency > 0) expect(probabilityAlive(PAPER, { ...o, T: o.T + 5 })).toBeLessThan(alive);
      }),
    );
  });
  it("rejects impossible histories", () => {
    expect(() => validateObservation({ frequency: 1, recency: 5, T: 4 })).toThrow(RangeError);
    expect(() => validateObservation({ frequency: 0, recency: 1, T: 4 })).toThrow(RangeError);
    expect(() => validateObservation({ frequency: 1.5, recency: 1, T: 4 })).toThrow(RangeError);
    expect(() => fitBgNbd([])).toThrow(RangeError);
  });
});
