import { buildAccount } from "@openkam/db/testing/builders";
import { buildOrder } from "@openkam/db/testing/builders-activity";
import { type OrderEvent, parseDay, scoreClvPortfolio, summariseForClv } from "@openkam/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/test-app";
import { AS_OF, runAnalysis } from "./analytics.fixtures";

/** The model-based kinds: CLV (BG/NBD + Gamma-Gamma) and the Holt-Winters forecast. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const dayOf = (date: string) => parseDay(date)!;
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

describe("clv runs", () => {
  it("builds each customer's purchase history in SQL and scores it with the fitted models", async () => {
    const c = await t.newOrgWithUser("director");
    const events: OrderEvent[] = [];
    const ids: Record<string, string> = {};
    // Twelve customers: customer i starts in week 2i of 2025, buys every i + 1 weeks, and stops after 12 - i purchases.
    for (let i = 1; i <= 12; i++) {
      const account = await buildAccount(t.db, c.orgId, { name: `P${String(i).padStart(2, "0")}` });
      ids[account.id] = account.name;
      for (let k = 0; k < 12 - i + 1; k++) {
        const day = dayOf("2025-01-06") + 7 * (2 * i + k * (i + 1));
        if (day > dayOf(AS_OF)) break;
        const amount = 100 + 10 * i + 5 * k;
        await buildOrder(t.db, c.orgId, account.id, { orderDate: dateOf(day), amount: `${amount}.00` });
        events.push({ customer: account.id, day, amount });
      }
    }
    // P01's extras: a second order on its first day (one purchase of 210) and a credit note (not a purchase, netted in historic revenue).
    const p01 = Object.keys(ids).find((id) => ids[id] === "P01")!;
    await buildOrder(t.db, c.orgId, p01, { orderDate: "2025-01-20", amount: "100.00" });
    events.push({ customer: p01, day: dayOf("2025-01-20"), amount: 100 });
    await buildOrder(t.db, c.orgId, p01, { orderDate: "2025-02-10", amount: "-30.00" });

    const { run, byName } = await runAnalysis(t, c, { kind: "clv", asOf: AS_OF });
    expect(run).toMatchObject({ status: "succeeded", accountCount: 12, parameters: { calibrationEnd: AS_OF, timeUnit: "week", horizon: 52, discountRate: 0.01 } });

    // P01 by hand: purchase days 2025-01-20 (110 + 100), then every 2 weeks: 11 more, the last on 2025-06-23.
    expect(byName.P01!.values).toMatchObject({ frequency: 11, recency: 22, T: 23, historicRevenue: 210 + 115 + 120 + 125 + 130 + 135 + 140 + 145 + 150 + 155 + 160 + 165 - 30 });

    const expected = scoreClvPortfolio(summariseForClv(events, dayOf(AS_OF), "week"), { horizon: 52, discountRate: 0.01 });
    for (const customer of expected.customers) {
      expect(byName[ids[customer.customer]!]!.values, ids[customer.customer]).toMatchObject({
        frequency: customer.frequency,
        recency: round(customer.recency, 6),
        T: round(customer.T, 6),
        expectedPurchases: round(customer.expectedPurchases, 6),
        pAlive: round(customer.pAlive, 6),
        expectedAverageSpend: round(customer.expectedAverageSpend, 2),
        clv: round(customer.clv, 2),
      });
    }
    const summary = run.kind === "clv" ? run.summary! : undefined;
    expect(summary?.bgnbd).toEqual({ ...expected.bgnbd.params, logLikelihood: expected.bgnbd.logLikelihood });
    expect(summary?.gammaGamma === null).toBe(expected.gammaGamma === null);
    expect(summary?.totalClv).toBeCloseTo(expected.customers.reduce((s, x) => s + x.clv, 0), 1);
    expect(summary?.distribution.reduce((s, b) => s + b.accounts, 0)).toBe(12);
    // Each band holds the stored CLVs within it.
    const clvs = Object.values(byName).map((r) => (r.values as { clv: number }).clv);
    for (const band of summary!.distribution) {
      expect(band.accounts).toBe(clvs.filter((v) => (band.to <= 0 ? v <= 0 : v >= band.from && v < band.to)).length);
    }

    // A selection rule reads each account's CLV from this run, as stored.
    const clvOf = (name: string) => (byName[name]!.values as { clv: number }).clv;
    const threshold = clvOf("P06");
    const rule = { field: "clv", op: "gte", value: threshold };
    const selection = await runAnalysis(t, c, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    for (const [name, result] of Object.entries(selection.byName)) {
      const clv = clvOf(name);
      expect(result.values, name).toMatchObject({ passed: clv >= threshold, conditions: [{ actual: clv }] });
    }
  });

  it("fails with a clear message when the book is too small to fit the purchase model", async () => {
    const c = await t.newOrgWithUser("director");
    for (let i = 0; i < 3; i++) {
      const account = await buildAccount(t.db, c.orgId);
      await buildOrder(t.db, c.orgId, account.id, { orderDate: "2025-03-01", amount: "100.00" });
      await buildOrder(t.db, c.orgId, account.id, { orderDate: "2025-04-01", amount: "100.00" });
    }
    const { run, results } = await runAnalysis(t, c, { kind: "clv", asOf: AS_OF });
    expect(run).toMatchObject({ status: "failed", summary: null, accountCount: 0 });
    expect(run.error).toMatch(/CLV needs at least 10 customers.*this book has 3 customers and 3 with a repeat purchase/);
    expect(results).toEqual([]);
  });
});

describe("forecast runs", () => {
  it("forecasts monthly revenue per account and in total, with a backtest MAPE, over whole months", async () => {
    const c = await t.newOrgWithUser("director");
    const steady = await buildAccount(t.db, c.orgId, { name: "Steady" });
    const newer = await buildAccount(t.db, c.orgId, { name: "Newer" });
    for (let m = 0; m < 30; m++) {
      const month = `${2023 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
      await buildOrder(t.db, c.orgId, steady.id, { orderDate: `${month}-15`, amount: "100.00" });
      if (m >= 18) await buildOrder(t.db, c.orgId, newer.id, { orderDate: `${month}-10`, amount: "50.00" });
    }
    await buildOrder(t.db, c.orgId, steady.id, { orderDate: "2025-07-15", amount: "100.00" });
    // Open opportunities expected to close in the forecast months are placed there, weighted by probability;
    // won, lost, undated, already overdue, later and foreign-currency ones are not.
    const opportunities: Array<[string, Record<string, unknown>]> = [
      [steady.id, { value: "1000.00", probability: 50, expectedCloseDate: "2025-08-20" }],
      [newer.id, { value: "200.00", probability: 25, expectedCloseDate: "2025-08-01" }],
      [newer.id, { value: "400.00", probability: 10, expectedCloseDate: "2025-09-30", stage: "negotiate" }],
      [steady.id, { value: "1000.00", probability: 90, expectedCloseDate: "2025-07-10", stage: "won" }],
      [steady.id, { value: "1000.00", probability: 50, expectedCloseDate: null }],
      [steady.id, { value: "1000.00", probability: 50, expectedCloseDate: "2025-06-30" }],
      [steady.id, { value: "1000.00", probability: 50, expectedCloseDate: "2025-10-01" }],
      [steady.id, { value: "1000.00", probability: 50, expectedCloseDate: "2025-08-01", currency: "USD" }],
    ];
    for (const [accountId, body] of opportunities) {
      const res = await c.post(`/api/accounts/${accountId}/opportunities`, { name: "Deal", currency: "CNY", ...body });
      expect(res.statusCode, res.body).toBe(201);
    }

    const { run, byName } = await runAnalysis(t, c, { kind: "forecast", asOf: AS_OF, parameters: { horizon: 3 } });
    expect(run).toMatchObject({ status: "succeeded", accountCount: 2, parameters: { horizon: 3, holdout: 6 } });
    const summary = run.kind === "forecast" ? run.summary! : undefined;
    expect(summary?.excludedOrders).toEqual({ currency: 0, future: 1 });
    expect(summary?.total.method).toBe("holt-winters");
    expect(summary?.total.history).toHaveLength(30);
    expect(summary?.total.history[0]).toEqual({ month: "2023-01", revenue: 100 });
    expect(summary?.total.history.at(-1)).toEqual({ month: "2025-06", revenue: 150 });
    expect(summary?.total.forecast.map((f) => f.month)).toEqual(["2025-07", "2025-08", "2025-09"]);
    expect(summary?.total.pipeline).toEqual([{ month: "2025-07", revenue: 0 }, { month: "2025-08", revenue: 550 }, { month: "2025-09", revenue: 40 }]);
    expect((byName.Steady!.values as { pipeline: unknown }).pipeline).toEqual([{ month: "2025-07", revenue: 0 }, { month: "2025-08", revenue: 500 }, { month: "2025-09", revenue: 0 }]);
    expect((byName.Newer!.values as { pipeline: unknown }).pipeline).toEqual([{ month: "2025-07", revenue: 0 }, { month: "2025-08", revenue: 50 }, { month: "2025-09", revenue: 40 }]);

    const steadyValues = byName.Steady!.values as { history: Array<{ revenue: number }>; forecast: Array<{ month: string; revenue: number }>; mape: number };
    expect(steadyValues.history.every((h) => h.revenue === 100)).toBe(true);
    for (const f of steadyValues.forecast) expect(f.revenue).toBeCloseTo(100, 0);
    expect(steadyValues.mape).toBeCloseTo(0, 3);
    const newerValues = byName.Newer!.values as { history: Array<{ revenue: number }>; forecast: Array<{ revenue: number }> };
    expect(newerValues.history.slice(0, 18).every((h) => h.revenue === 0)).toBe(true);
    expect(newerValues.forecast.every((f) => f.revenue >= 0)).toBe(true);
    expect(run.kind === "forecast" && run.parameters).toEqual({ horizon: 3, holdout: 6 });

    // A date inside a month: the history stops at the month before; that month's orders are not in it.
    const mid = await runAnalysis(t, c, { kind: "forecast", asOf: "2025-06-20", parameters: { holdout: 0 } });
    const midSummary = mid.run.kind === "forecast" ? mid.run.summary! : undefined;
    expect(midSummary?.total.history.at(-1)).toEqual({ month: "2025-05", revenue: 150 });
    expect(midSummary?.total.mape).toBeNull();
    expect(midSummary?.total.forecast).toHaveLength(12);
  });
});
