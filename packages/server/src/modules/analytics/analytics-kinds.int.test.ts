import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analysisResultBlocks, analysisRuns } from "@openkam/db";
import { buildAccount } from "@openkam/db/testing/builders";
import { eq } from "drizzle-orm";
import { buildOrder } from "@openkam/db/testing/builders-activity";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { AS_OF, buildBook, readRun, runAnalysis, type RunWithResults } from "./analytics.fixtures";
import { resultsFromRows, writeRunResults } from "./result-blocks";
import { runFacts } from "./run-facts-cache";
import { systemScope } from "../../tenancy/scope";

/** Each kind of run over the hand-computed book of analytics.fixtures.ts; every expected figure is worked out by hand. */
let t: TestApp;
let director: Client;

beforeAll(async () => {
  t = await createTestApp();
  director = await t.newOrgWithUser("director");
  await buildBook(t, director.orgId);
});
afterAll(async () => t?.close());

describe("rfm runs", () => {
  it("scores the book by quintiles, nets credit notes, and leaves out future, foreign-currency and credit-only activity", async () => {
    const { run, results, byName } = await runAnalysis(t, director, { kind: "rfm", asOf: AS_OF });
    expect(run).toMatchObject({
      kind: "rfm", status: "succeeded", asOf: AS_OF, currency: "CNY", scope: "organization", accountCount: 5, error: null,
      parameters: { lookbackDays: 365, scoring: { kind: "quintiles" } },
      createdBy: { id: director.userId },
    });
    expect(run.startedAt).not.toBeNull();
    expect(run.finishedAt).not.toBeNull();
    const values = (name: string) => [byName[name]!.group, byName[name]!.values];
    expect(values("A")).toEqual(["loyal", { recency: 10, frequency: 3, monetary: 6000, r: 4, f: 5, m: 5 }]);
    expect(values("B")).toEqual(["need_attention", { recency: 30, frequency: 2, monetary: 800, r: 3, f: 3, m: 3 }]);
    expect(values("C")).toEqual(["at_risk", { recency: 181, frequency: 1, monetary: 4000, r: 2, f: 1, m: 4 }]);
    expect(values("D")).toEqual(["lost", { recency: 364, frequency: 1, monetary: 100, r: 1, f: 1, m: 1 }]);
    expect(values("E")).toEqual(["potential_loyalist", { recency: 1, frequency: 2, monetary: 500, r: 5, f: 3, m: 2 }]);
    expect(byName.F).toBeUndefined();
    expect(byName.G).toBeUndefined();
    expect(results.map((r) => r.accountName)).toEqual(["A", "C", "B", "E", "D"]);
    const summary = run.kind === "rfm" ? run.summary! : undefined;
    expect(summary?.excludedOrders).toEqual({ currency: 1, future: 1 });
    expect(summary?.segmentCounts).toMatchObject({ loyal: 1, need_attention: 1, at_risk: 1, lost: 1, potential_loyalist: 1, champions: 0 });
    expect(summary?.heatmap).toHaveLength(25);
    expect(summary?.heatmap[0]).toEqual({ r: 5, f: 1, accounts: 0, monetary: 0 });
    expect(summary?.heatmap.find((c) => c.r === 4 && c.f === 5)).toEqual({ r: 4, f: 5, accounts: 1, monetary: 6000 });
  });

  it("scores against thresholds when asked to", async () => {
    const { byName } = await runAnalysis(t, director, {
      kind: "rfm", asOf: AS_OF,
      parameters: { lookbackDays: 200, scoring: { kind: "thresholds", recency: [7, 30, 90, 180], frequency: [2, 3, 4, 5], monetary: [500, 1000, 2000, 5000] } },
    });
    // 200 days back from 2025-06-30 starts on 2024-12-13: A keeps two orders (3000), C its one (4000), D none.
    expect(byName.A!.values).toEqual({ recency: 10, frequency: 2, monetary: 3000, r: 4, f: 2, m: 4 });
    expect(byName.C!.values).toEqual({ recency: 181, frequency: 1, monetary: 4000, r: 1, f: 1, m: 4 });
    expect(byName.E!.values).toEqual({ recency: 1, frequency: 2, monetary: 500, r: 5, f: 2, m: 2 });
    expect(byName.D).toBeUndefined();
  });
});

describe("pareto runs", () => {
  it("ranks by net revenue with ABC classes, shares, Gini and the curve", async () => {
    const { run, results } = await runAnalysis(t, director, { kind: "pareto", asOf: AS_OF });
    expect(run.parameters).toEqual({ lookbackDays: 365, cutoffs: { a: 0.8, b: 0.15 } });
    expect(results.map((r) => [r.accountName, r.group, r.values])).toEqual([
      ["A", "A", { rank: 1, revenue: 6000, share: 0.526316, cumulativeShare: 0.526316 }],
      ["C", "A", { rank: 2, revenue: 4000, share: 0.350877, cumulativeShare: 0.877193 }],
      ["B", "B", { rank: 3, revenue: 800, share: 0.070175, cumulativeShare: 0.947368 }],
      ["E", "B", { rank: 4, revenue: 500, share: 0.04386, cumulativeShare: 0.991228 }],
      ["D", "C", { rank: 5, revenue: 100, share: 0.008772, cumulativeShare: 1 }],
    ]);
    expect(run.kind === "pareto" && run.summary).toEqual({
      excludedOrders: { currency: 1, future: 1 },
      customers: 5,
      totalRevenue: 11400,
      top20Share: 0.526316,
      gini: 0.536842,
      classCounts: { A: 2, B: 2, C: 1 },
      curve: [
        { rankShare: 0, cumulativeShare: 0 }, { rankShare: 0.2, cumulativeShare: 0.526316 }, { rankShare: 0.4, cumulativeShare: 0.877193 },
        { rankShare: 0.6, cumulativeShare: 0.947368 }, { rankShare: 0.8, cumulativeShare: 0.991228 }, { rankShare: 1, cumulativeShare: 1 },
      ],
    });
  });
});

describe("matrix runs", () => {
  it("places accounts by contribution and growth (median thresholds) and shows every input behind the growth score", async () => {
    const { run, byName } = await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    const summary = run.kind === "matrix" ? run.summary! : undefined;
    // Contributions 0.526316 (A), 0.070175 (B), 0.350877 (C), 0.008772 (D), 0.04386 (E), 0 (F): median 0.057018.
    // Growth 0.833333 (A), 1 (B), 0.875874 (C), 0.00250025 (D), 1 (E), 0 (F): median 0.854604.
    expect(summary).toEqual({
      excludedOrders: { currency: 1, future: 1 },
      thresholds: { contribution: 0.057018, growth: 0.854604 },
      counts: { strategic_partner: 2, cash_cow: 1, problem_account: 1, dog: 2 },
    });
    expect(Object.fromEntries(Object.entries(byName).map(([name, r]) => [name, r.group]))).toEqual({
      A: "cash_cow", B: "strategic_partner", C: "strategic_partner", D: "dog", E: "problem_account", F: "dog",
    });
    expect(byName.A!.values).toMatchObject({
      revenue: 6000, revenuePrevious12m: 0, contribution: 0.526316, growth: 0.833333,
      components: { yoyGrowth: null, relativeSlope: 0, walletHeadroom: null, pipelineRatio: null, strategicImportance: 5 },
      componentScores: { yoyGrowth: 1, relativeSlope: 0.5, walletHeadroom: null, pipelineRatio: null, strategicImportance: 1 },
    });
    expect((byName.A!.values as { monthlyRevenue: number[] }).monthlyRevenue.slice(12)).toEqual([0, 0, 3000, 0, 0, 0, 0, 0, 2000, 0, 0, 1000]);
    expect(byName.D!.values).toMatchObject({
      revenue: 100, revenuePrevious12m: 9999, growth: 0.00025 * 10,
      components: { yoyGrowth: -0.989999, relativeSlope: -0.461538 },
      componentScores: { yoyGrowth: 0.005001, relativeSlope: 0 },
    });
    expect(byName.E!.values).toMatchObject({ growth: 1, components: { relativeSlope: 0.461538 } });
    expect(byName.F!.values).toMatchObject({ revenue: -50, contribution: 0, growth: 0, components: { yoyGrowth: null, relativeSlope: null } });
  });

  it("uses given thresholds", async () => {
    const { run, byName } = await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF, parameters: { thresholds: { contribution: 0.5, growth: 0.5 } } });
    expect(run.kind === "matrix" && run.summary?.thresholds).toEqual({ contribution: 0.5, growth: 0.5 });
    expect([byName.A!.group, byName.C!.group, byName.E!.group]).toEqual(["strategic_partner", "problem_account", "problem_account"]);
  });
});

describe("selection runs", () => {
  it("evaluates the rule over every account, reading the quadrant from the latest matrix run, with the trace of each condition", async () => {
    const matrix = await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    const rule = {
      any: [
        { all: [{ field: "revenue12m", op: "gte", value: 1000 }, { field: "customerYears", op: "gte", value: 0.5 }] },
        { field: "quadrant", op: "eq", value: "strategic_partner" },
      ],
    };
    const { run, results, byName } = await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    expect(run.kind === "selection" && run.summary).toEqual({
      excludedOrders: { currency: 1, future: 1 }, rule, selected: 3, notSelected: 4,
      sources: { quadrant: matrix.run.id, rfmSegment: null, abcClass: null, clv: null },
    });
    expect(results.map((r) => [r.accountName, r.group])).toEqual([
      ["A", "selected"], ["C", "selected"], ["B", "selected"], ["E", "not_selected"], ["D", "not_selected"], ["G", "not_selected"], ["F", "not_selected"],
    ]);
    expect(byName.A!.values).toEqual({
      passed: true,
      conditions: [
        { path: "0.0", field: "revenue12m", op: "gte", value: 1000, actual: 6000, held: true },
        // First order 2024-09-15: 288 days, 0.78 years (truncated).
        { path: "0.1", field: "customerYears", op: "gte", value: 0.5, actual: 0.78, held: true },
        { path: "1", field: "quadrant", op: "eq", value: "strategic_partner", actual: "cash_cow", held: false },
      ],
    });
    expect(byName.C!.values).toMatchObject({ passed: true, conditions: [{ actual: 4000, held: true }, { actual: 0.49, held: false }, { actual: "strategic_partner", held: true }] });
    expect(byName.F!.values).toMatchObject({ passed: false, conditions: [{ actual: -50, held: false }, { actual: null, held: false }, { actual: "dog", held: false }] });
    expect(byName.G!.values).toMatchObject({ passed: false, conditions: [{ actual: 0, held: false }, { actual: null, held: false }, { actual: null, held: false }] });
  });

  it("reads the other runs' groups from the database when another instance made them, with the same outcome", async () => {
    await runAnalysis(t, director, { kind: "rfm", asOf: AS_OF });
    await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    const rule = { any: [{ field: "quadrant", op: "eq", value: "strategic_partner" }, { field: "rfmSegment", op: "in", value: ["loyal", "lost"] }] };
    const fromMemory = await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    runFacts.clear();
    const fromDatabase = await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    const outcome = (r: RunWithResults) => r.results.map((x) => [x.accountName, x.group, x.values]);
    expect(outcome(fromDatabase)).toEqual(outcome(fromMemory));
    // Strategic partners B and C (matrix), loyal A and lost D (RFM).
    expect(fromDatabase.results.filter((x) => x.group === "selected").map((x) => x.accountName).sort()).toEqual(["A", "B", "C", "D"]);
  });

  it("computes growth, order counts, recency, tier, industry and region facts", async () => {
    const rule = {
      all: [
        { field: "revenueGrowthYoy", op: "lt", value: 0 }, { field: "orders12m", op: "eq", value: 1 }, { field: "daysSinceLastOrder", op: "gte", value: 364 },
        { not: { field: "tier", op: "in", value: ["key", "strategic"] } }, { field: "industry", op: "neq", value: "Energy" }, { field: "region", op: "eq", value: "east" },
      ],
    };
    const { byName } = await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    expect((byName.D!.values as { conditions: Array<{ actual: unknown; held: boolean }> }).conditions.map((c) => [c.actual, c.held])).toEqual([
      [-0.99, true], [1, true], [364, true], ["standard", false], [null, false], [null, false],
    ]);
    expect((byName.A!.values as { conditions: Array<{ actual: unknown }> }).conditions.map((c) => c.actual)).toEqual([null, 3, 10, "standard", "Energy", "East"]);
  });
});

describe("selection results as stored", () => {
  it("keeps each distinct text once with the run, and reads a selection stored before as JSON the same way", async () => {
    const rule = { all: [{ field: "industry", op: "in", value: ["energy", "Retail"] }, { field: "revenue12m", op: "gte", value: 500 }] };
    const fresh = await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    const [stored] = await t.db.orm.select({ texts: analysisRuns.resultTexts }).from(analysisRuns).where(eq(analysisRuns.id, fresh.run.id));
    expect(stored!.texts!.slice().sort()).toEqual(["Energy", "Retail"]);
    expect(fresh.byName.A!.values).toEqual({
      passed: true,
      conditions: [
        { path: "0", field: "industry", op: "in", value: ["energy", "Retail"], actual: "Energy", held: true },
        { path: "1", field: "revenue12m", op: "gte", value: 500, actual: 6000, held: true },
      ],
    });

    // The same results as a selection made before stored them: a JSON object each, no texts with the run.
    const old = await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    await t.db.orm.delete(analysisResultBlocks).where(eq(analysisResultBlocks.runId, old.run.id));
    await t.db.orm.update(analysisRuns).set({ resultTexts: null }).where(eq(analysisRuns.id, old.run.id));
    await writeRunResults(t.db, systemScope(director.orgId), old.run.id, resultsFromRows(fresh.results.map((r, i) => {
      const conditions = (r.values as { conditions: Array<{ actual: unknown; held: boolean }> }).conditions;
      return { accountId: r.accountId, grp: r.group, rank: i + 1, values: { passed: r.group === "selected", actual: conditions.map((c) => c.actual), held: conditions.map((c) => c.held) } };
    })));
    const reread = await readRun(director, old.run.id);
    expect(reread.results.map((r) => [r.accountName, r.group, r.values])).toEqual(fresh.results.map((r) => [r.accountName, r.group, r.values]));
  });
});

describe("open pipeline in the growth potential", () => {
  it("weighs each account's open opportunities in the organization's currency, unless its openPipeline custom field overrides them", async () => {
    const ids = Object.fromEntries((await runAnalysis(t, director, { kind: "pareto", asOf: AS_OF })).results.map((r) => [r.accountName, r.accountId]));
    const opportunity = async (accountId: string, body: Record<string, unknown>) => {
      const res = await director.post(`/api/accounts/${accountId}/opportunities`, { name: "Deal", currency: "CNY", probability: 50, ...body });
      expect(res.statusCode, res.body).toBe(201);
    };
    await opportunity(ids.D!, { value: "1000.00", stage: "propose" });
    await opportunity(ids.D!, { value: "333.33", probability: 30, stage: "qualify" });
    await opportunity(ids.D!, { value: "9000.00", stage: "lost" });
    await opportunity(ids.D!, { value: "5000.00", currency: "USD" });
    const h = await buildAccount(t.db, director.orgId, { name: "H", customFields: { openPipeline: "0" } });
    await buildOrder(t.db, director.orgId, h.id, { orderDate: "2025-06-01", amount: "200.00" });
    await opportunity(h.id, { value: "10000.00" });

    const { byName } = await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    // D: 1000 × 50% + 333.33 × 30% (99.999 → 100.00 rounded per opportunity) = 600; ratio 600 / (600 + 100).
    expect(byName.D!.values).toMatchObject({ openPipeline: 600, pipelineSource: "opportunities", components: { pipelineRatio: 0.857143 } });
    expect(byName.H!.values).toMatchObject({ openPipeline: 0, pipelineSource: "custom_field", components: { pipelineRatio: 0 } });
    expect(byName.A!.values).toMatchObject({ openPipeline: null, pipelineSource: null, components: { pipelineRatio: null } });
  });
});

describe("growth inputs kept in custom fields", () => {
  it("takes numbers and numeric texts, and leaves out what the matrix cannot use", async () => {
    const w1 = await buildAccount(t.db, director.orgId, { name: "W1", customFields: { estimatedTotalSpend: 1000, strategicImportance: " 4 ", openPipeline: 50 } });
    const w2 = await buildAccount(t.db, director.orgId, { name: "W2", customFields: { estimatedTotalSpend: "lots", strategicImportance: 9, openPipeline: -5 } });
    const w3 = await buildAccount(t.db, director.orgId, { name: "W3", customFields: { estimatedTotalSpend: "", strategicImportance: true, openPipeline: { value: 1 } } });
    for (const w of [w1, w2, w3]) await buildOrder(t.db, director.orgId, w.id, { orderDate: "2025-06-01", amount: "200.00" });

    const { byName } = await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    // W1: headroom 1 − 200 / 1000; pipeline 50 / (50 + 200).
    expect(byName.W1!.values).toMatchObject({
      openPipeline: 50, pipelineSource: "custom_field", components: { walletHeadroom: 0.8, pipelineRatio: 0.2, strategicImportance: 4 },
    });
    for (const name of ["W2", "W3"]) {
      expect(byName[name]!.values, name).toMatchObject({
        openPipeline: null, pipelineSource: null, components: { walletHeadroom: null, pipelineRatio: null, strategicImportance: null },
      });
    }
  });
});
