import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageClv, averageHours, cadenceCompliance, csatKpi, feedbackClosureDays, npsKpi, planActionCompletion, retentionOf, revenueGrowth,
  shareOfWallet, slaAttainment, type RetentionAccount,
} from "./index";

describe("revenue growth", () => {
  it("compares the period with its comparison period, and has no growth from nothing", () => {
    expect(revenueGrowth(1200, 1000)).toBe(0.2);
    expect(revenueGrowth(800, 1000)).toBe(-0.2);
    expect(revenueGrowth(0, 1000)).toBe(-1);
    expect(revenueGrowth(500, 0)).toBeNull();
    expect(revenueGrowth(0, 0)).toBeNull();
    expect(revenueGrowth(10, -5)).toBeNull();
  });
});

describe("retention", () => {
  const account = (prior: number, current: number, createdInWindow = false): RetentionAccount => ({ prior, current, createdInWindow });

  it("measures logo, gross and net retention of the base on hand-computed figures", () => {
    // Base: A (1000 → 1500, expands), B (1000 → 600, contracts), C (500 → 0, lost).
    // Logo 2/3; gross (1000 + 600 + 0) / 2500 = 0.64; net (1500 + 600) / 2500 = 0.84.
    const r = retentionOf([account(1000, 1500), account(1000, 600), account(500, 0)]);
    expect(r).toEqual({ base: 3, logo: 0.666667, grossRevenue: 0.64, netRevenue: 0.84 });
  });

  it("leaves out accounts created mid-period and accounts that only started buying now", () => {
    const base = [account(1000, 1100), account(1000, 0)];
    const withNew = [...base, account(0, 5000), account(300, 9000, true)];
    expect(retentionOf(withNew)).toEqual(retentionOf(base));
    expect(retentionOf(base)).toEqual({ base: 2, logo: 0.5, grossRevenue: 0.5, netRevenue: 0.55 });
  });

  it("answers null, not 0 or 100 %, for an empty prior period", () => {
    expect(retentionOf([])).toEqual({ base: 0, logo: null, grossRevenue: null, netRevenue: null });
    expect(retentionOf([account(0, 100), account(-50, 100)])).toEqual({ base: 0, logo: null, grossRevenue: null, netRevenue: null });
  });

  it("counts an account credited below zero as lost, not owed", () => {
    expect(retentionOf([account(1000, -200), account(1000, 1000)])).toEqual({ base: 2, logo: 0.5, grossRevenue: 0.5, netRevenue: 0.5 });
  });

  it("keeps logo and gross retention within [0, 1], and net retention at or above gross", () => {
    const money = fc.double({ min: -1e6, max: 1e7, noNaN: true });
    fc.assert(fc.property(fc.array(fc.record({ prior: money, current: money, createdInWindow: fc.boolean() }), { maxLength: 40 }), (accounts) => {
      const r = retentionOf(accounts);
      for (const v of [r.logo, r.grossRevenue]) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
      if (r.netRevenue !== null) expect(r.netRevenue).toBeGreaterThanOrEqual(r.grossRevenue! - 1e-6);
      expect(r.logo === null).toBe(r.base === 0);
    }));
  });
});

describe("share of wallet and CLV", () => {
  it("divides revenue by the estimated spend of the accounts that have one, capped per account", () => {
    expect(shareOfWallet([{ revenue12m: 300, estimatedTotalSpend: 1000 }, { revenue12m: 500, estimatedTotalSpend: 1000 }, { revenue12m: 9999, estimatedTotalSpend: null }])).toBe(0.4);
    expect(shareOfWallet([{ revenue12m: 3000, estimatedTotalSpend: 1000 }, { revenue12m: 0, estimatedTotalSpend: 1000 }])).toBe(0.5);
    expect(shareOfWallet([{ revenue12m: 300, estimatedTotalSpend: 0 }])).toBeNull();
    expect(shareOfWallet([])).toBeNull();
  });

  it("averages the CLV of the accounts that have one", () => {
    expect(averageClv([100, 200.01])).toBe(150.01);
    expect(averageClv([])).toBeNull();
  });
});

describe("NPS and CSAT", () => {
  const histogram = (scores: number[]) => [...new Set(scores)].map((score) => ({ score, answers: scores.filter((s) => s === score).length }));

  it("computes NPS from promoters and detractors on hand-computed answers", () => {
    // 10, 9, 9 promoters; 8, 7 passives; 6, 0 detractors: (3 − 2) / 7 = 14.3.
    expect(npsKpi(histogram([10, 9, 9, 8, 7, 6, 0]))).toBe(14.3);
    expect(npsKpi(histogram([10, 10]))).toBe(100);
    expect(npsKpi(histogram([0, 6]))).toBe(-100);
    expect(npsKpi(histogram([7, 8]))).toBe(0);
    expect(npsKpi([])).toBeNull();
    expect(npsKpi(histogram([11, -1, 5.5]))).toBeNull();
  });

  it("keeps NPS within [−100, 100] whatever the answers", () => {
    fc.assert(fc.property(fc.array(fc.record({ score: fc.integer({ min: -5, max: 15 }), answers: fc.integer({ min: -3, max: 1000 }) }), { maxLength: 30 }), (counts) => {
      const nps = npsKpi(counts);
      if (nps !== null) expect(nps >= -100 && nps <= 100).toBe(true);
    }));
  });

  it("computes CSAT as the percentage of 4 and 5", () => {
    expect(csatKpi(histogram([5, 4, 3, 1]))).toBe(50);
    expect(csatKpi(histogram([2, 6, 0]))).toBe(0);
    expect(csatKpi([])).toBeNull();
  });
});

describe("process and learning KPIs", () => {
  it("measures SLA attainment and mean times over stopped clocks only", () => {
    const clocks = [
      { stopped: true, met: true, elapsedMinutes: 60 },
      { stopped: true, met: false, elapsedMinutes: 300 },
      { stopped: true, met: true, elapsedMinutes: 30 },
      { stopped: false, met: false, elapsedMinutes: 10_000 },
    ];
    expect(slaAttainment(clocks)).toBe(0.666667);
    expect(averageHours(clocks)).toBe(2.2);
    expect(slaAttainment([{ stopped: false, met: false, elapsedMinutes: 5 }])).toBeNull();
    expect(averageHours([])).toBeNull();
  });

  it("measures cadence compliance over accounts with a planned cadence", () => {
    expect(cadenceCompliance([{ planned: 2, overdue: 0 }, { planned: 1, overdue: 1 }, { planned: 0, overdue: 0 }, { planned: 3, overdue: 0 }])).toBe(0.666667);
    expect(cadenceCompliance([{ planned: 0, overdue: 0 }])).toBeNull();
  });

  it("measures plan action completion without cancelled actions", () => {
    expect(planActionCompletion([{ status: "done" }, { status: "todo" }, { status: "cancelled" }, { status: "done" }])).toBe(0.666667);
    expect(planActionCompletion([{ status: "cancelled" }])).toBeNull();
  });

  it("measures feedback closure time in days over closed items", () => {
    const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000);
    expect(feedbackClosureDays([{ createdAt: day(0), closedAt: day(3) }, { createdAt: day(1), closedAt: day(5.5) }])).toBe(3.8);
    expect(feedbackClosureDays([])).toBeNull();
  });
});
