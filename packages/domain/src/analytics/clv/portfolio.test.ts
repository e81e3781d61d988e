import { describe, expect, it } from "vitest";
import { expectedPurchases, fitBgNbd, probabilityAlive } from "./bg-nbd";
import { ClvModelError, fitSpendModel, scoreClvPortfolio } from "./portfolio";
import type { ClvSummaryRow } from "./summary";

const row = (customer: string, frequency: number, recency: number, T: number, monetaryValue: number): ClvSummaryRow => ({ customer, frequency, recency, T, monetaryValue });
const book = Array.from({ length: 12 }, (_, i) => row(`c${i}`, i % 4, i % 4 === 0 ? 0 : 2 + i, 30 + i, i % 4 === 0 ? 0 : 50 + 10 * i));

describe("scoreClvPortfolio", () => {
  it("scores every customer with the fitted purchase model", () => {
    const portfolio = scoreClvPortfolio(book, { horizon: 10, discountRate: 0, fallbackSpend: () => 100 });
    const fit = fitBgNbd(book);
    expect(portfolio.bgnbd.params).toEqual(fit.params);
    for (const [i, c] of portfolio.customers.entries()) {
      expect(c.pAlive).toBe(probabilityAlive(fit.params, book[i]!));
      expect(c.expectedPurchases).toBe(expectedPurchases(fit.params, book[i]!, 10));
      expect(c.clv).toBeCloseTo(c.expectedPurchases * c.expectedAverageSpend, 6);
    }
  });

  it("falls back to the given spend when the spend model cannot be fitted", () => {
    const noRepeatSpend = book.map((r) => ({ ...r, monetaryValue: 0 }));
    expect(fitSpendModel(noRepeatSpend)).toBeNull();
    const portfolio = scoreClvPortfolio(noRepeatSpend, { horizon: 10, discountRate: 0, fallbackSpend: (r) => (r.customer === "c1" ? 80 : 20) });
    expect(portfolio.gammaGamma).toBeNull();
    expect(portfolio.customers.find((c) => c.customer === "c1")?.expectedAverageSpend).toBe(80);
  });

  it("refuses an empty book with a model error", () => {
    expect(() => scoreClvPortfolio([], { horizon: 10, discountRate: 0 })).toThrow(ClvModelError);
  });
});
