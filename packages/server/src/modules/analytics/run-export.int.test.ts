import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildOrder } from "@openkam/db/testing/builders-activity";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../testing/test-app";
import { appWithBook, AS_OF, type Book, runAnalysis, type RunWithResults } from "./analytics.fixtures";

/** GET /api/analytics/runs/{id}/results.csv: a run's results for a spreadsheet. */
let t: TestApp;
let director: Client;
let book: Book;

beforeAll(async () => {
  ({ t, director, book } = await appWithBook());
});
afterAll(async () => t?.close());

async function download(client: Client, runId: string, query = "") {
  const res = await client.get(`/api/analytics/runs/${runId}/results.csv${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
  expect(res.body.startsWith("\uFEFF")).toBe(true);
  const header = parse(res.body, { bom: true, to: 1 })[0] as string[];
  const rows = parse(res.body, { bom: true, columns: true }) as Array<Record<string, string>>;
  return { header, rows, disposition: String(res.headers["content-disposition"]) };
}

/** A number cell as the API's figure (empty = null). */
const n = (cell: string | undefined) => (cell === undefined || cell === "" ? null : Number(cell));

const COMMON = ["rank", "account_id", "external_id", "account", "tier", "owner"];

describe("a run's results as CSV", () => {
  it("lists every result by rank with the kind's figures, the same as the API's", async () => {
    const rfm = await runAnalysis(t, director, { kind: "rfm", asOf: AS_OF });
    const { header, rows, disposition } = await download(director, rfm.run.id);
    expect(disposition).toBe(`attachment; filename="openkam-rfm-${AS_OF}-${rfm.run.id.slice(-8)}.csv"`);
    expect(header).toEqual([...COMMON, "segment", "currency", "recency", "frequency", "monetary", "r", "f", "m"]);
    expect(rows.map((r) => r.account)).toEqual(rfm.results.map((r) => r.accountName));
    expect(rows.map((r) => Number(r.rank))).toEqual([...rows.map((r) => Number(r.rank))].sort((a, b) => a - b));
    for (const row of rows) {
      const result = rfm.byName[row.account!]!;
      expect(row).toMatchObject({ account_id: result.accountId, tier: result.tier, segment: result.group, currency: "CNY", owner: "" });
      const values = result.values as Record<string, number>;
      expect(["recency", "frequency", "monetary", "r", "f", "m"].map((k) => n(row[k]))).toEqual(["recency", "frequency", "monetary", "r", "f", "m"].map((k) => values[k]));
    }
    expect(rows.find((r) => r.account === "B")).toMatchObject({ monetary: "800" });
  });

  it("gives the matrix's inputs: growth components, their scores and the 24 trailing months", async () => {
    const matrix = await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    const { header, rows } = await download(director, matrix.run.id);
    expect(header.slice(0, 16)).toEqual([
      ...COMMON, "quadrant", "currency", "revenue", "revenue_previous_12m", "contribution", "growth", "yoy_growth", "relative_slope", "wallet_headroom", "pipeline_ratio",
    ]);
    expect(header.slice(-24)).toEqual(Array.from({ length: 24 }, (_, i) => `month_${23 - i}`));
    const a = matrix.byName.A!.values as { revenue: number; contribution: number; growth: number; monthlyRevenue: number[]; components: Record<string, number | null>; componentScores: Record<string, number | null> };
    const row = rows.find((r) => r.account === "A")!;
    expect(row.quadrant).toBe(matrix.byName.A!.group);
    expect([n(row.revenue), n(row.contribution), n(row.growth)]).toEqual([a.revenue, a.contribution, a.growth]);
    expect([n(row.strategic_importance), n(row.strategic_importance_score), n(row.wallet_headroom)]).toEqual([a.components.strategicImportance, a.componentScores.strategicImportance, null]);
    expect(Array.from({ length: 24 }, (_, i) => n(row[`month_${23 - i}`]))).toEqual(a.monthlyRevenue);
    expect(a.monthlyRevenue.some((m) => m !== 0)).toBe(true);
  });

  it("names each condition of a selection's rule, with whether it held and the account's value", async () => {
    await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    const rule = { any: [{ field: "revenue12m", op: "gte", value: 1000 }, { field: "quadrant", op: "in", value: ["strategic_partner", "cash_cow"] }] };
    const selection = await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    const { header, rows } = await download(director, selection.run.id);
    expect(header).toEqual([
      ...COMMON, "selected", "currency",
      "condition_1_held (revenue12m >= 1000)", "condition_1_value (revenue12m)",
      "condition_2_held (quadrant in strategic_partner|cash_cow)", "condition_2_value (quadrant)",
    ]);
    const byAccount = Object.fromEntries(rows.map((r) => [r.account, Object.values(r).slice(6)]));
    expect(byAccount.A).toEqual(["true", "CNY", "true", "6000", "true", (selection.byName.A!.values as { conditions: Array<{ actual: string }> }).conditions[1]!.actual]);
    expect(byAccount.F).toEqual(["false", "CNY", "false", "-50", "false", "dog"]);
    expect(byAccount.G).toEqual(["false", "CNY", "false", "0", "false", ""]);
    expect(rows.slice(0, 3).every((r) => r.selected === "true")).toBe(true);
  });

  it("gives a forecast's months as columns named by month, and their total", async () => {
    const forecast = await runAnalysis(t, director, { kind: "forecast", asOf: AS_OF, parameters: { horizon: 3 } });
    expect(forecast.run.status).toBe("succeeded");
    const { header, rows } = await download(director, forecast.run.id);
    expect(header).toEqual([...COMMON, "currency", "mape", "forecast_total", "forecast_2025-07", "forecast_2025-08", "forecast_2025-09"]);
    for (const row of rows) {
      const values = forecast.byName[row.account!]!.values as { forecast: Array<{ month: string; revenue: number }>; mape: number | null };
      expect(values.forecast.map((m) => n(row[`forecast_${m.month}`]))).toEqual(values.forecast.map((m) => m.revenue));
      expect(n(row.forecast_total)).toBeCloseTo(values.forecast.reduce((s, m) => s + m.revenue, 0), 2);
      expect(n(row.mape)).toEqual(values.mape);
    }
  });

  it("exports one group when asked, and refuses a malformed one", async () => {
    const pareto = await runAnalysis(t, director, { kind: "pareto", asOf: AS_OF });
    const { rows, disposition } = await download(director, pareto.run.id, "?group=A");
    expect(disposition).toMatch(/-A\.csv"$/);
    expect(rows.map((r) => r.account)).toEqual(pareto.results.filter((r) => r.group === "A").map((r) => r.accountName));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.class === "A")).toBe(true);
    const bad = await director.get(`/api/analytics/runs/${pareto.run.id}/results.csv?group=${encodeURIComponent('A"; x')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });
});

describe("who may export what", () => {
  let pareto: RunWithResults;
  beforeAll(async () => {
    pareto = await runAnalysis(t, director, { kind: "pareto", asOf: AS_OF });
  });

  it("lists only the accounts an account manager can see, and none of another organization's runs", async () => {
    const manager = await t.newUser(director.orgId, "account_manager");
    await buildTeamMember(t.db, director.orgId, book.b.id, manager.userId);
    expect((await download(manager, pareto.run.id)).rows.map((r) => r.account)).toEqual(["B"]);
    const outsider = await t.newOrgWithUser("admin");
    expect((await outsider.get(`/api/analytics/runs/${pareto.run.id}/results.csv`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/analytics/runs/${pareto.run.id}/results.csv` })).statusCode).toBe(401);
  });

  it("answers 422 for a run that has not succeeded, and 404 for an unknown one", async () => {
    const queued = (await director.post("/api/analytics/runs", { kind: "rfm", asOf: AS_OF })).json() as { id: string };
    const res = await director.get(`/api/analytics/runs/${queued.id}/results.csv`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ detail: "Only a run that succeeded has results to export" });
    await t.jobs.drain();
    expect((await director.get("/api/analytics/runs/0190a000-0000-7000-8000-00000000abcd/results.csv")).statusCode).toBe(404);
  });

  it("gives the header alone for a run without results", async () => {
    const empty = await t.newOrgWithUser("director");
    const rfm = await runAnalysis(t, empty, { kind: "rfm", asOf: AS_OF });
    expect(rfm.run.accountCount).toBe(0);
    const { header, rows } = await download(empty, rfm.run.id);
    expect(header).toEqual([...COMMON, "segment", "currency", "recency", "frequency", "monetary", "r", "f", "m"]);
    expect(rows).toEqual([]);
  });

  it("keeps a spreadsheet from running an account name as a formula, and negative figures as numbers", async () => {
    const c = await t.newOrgWithUser("director");
    const sly = await buildAccount(t.db, c.orgId, { name: "=HYPERLINK(\"http://x\",\"y\")" });
    await buildOrder(t.db, c.orgId, sly.id, { orderDate: "2025-05-01", amount: "100.00" });
    await buildOrder(t.db, c.orgId, sly.id, { orderDate: "2025-06-01", amount: "-120.00" });
    const rfm = await runAnalysis(t, c, { kind: "rfm", asOf: AS_OF });
    const { rows } = await download(c, rfm.run.id);
    expect(rows).toEqual([expect.objectContaining({ account: "'=HYPERLINK(\"http://x\",\"y\")", monetary: "-20" })]);
  });
});
