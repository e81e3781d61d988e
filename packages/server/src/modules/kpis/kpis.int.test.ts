import { accountPlans, analysisRuns, caseEvents, cases, feedbackItems, newId, slaPolicies } from "@openkam/db";
import { buildAccount } from "@openkam/db/testing/builders";
import { buildInteraction, buildOrder, buildTask } from "@openkam/db/testing/builders-activity";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "../../tenancy/scope";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { resultsFromRows, writeRunResults } from "../analytics/result-blocks";

let t: TestApp;
let director: Client;
let manager: Client;
let ids: { alpha: string; beta: string; fresh: string; standard: string };

const at = (iso: string) => new Date(iso);
const MIN = 60_000;

/**
 * One organization (time zone Asia/Shanghai, currency CNY), measured over 2025-Q2 (1 April to 30 June 2025):
 * the 12 months ending with it run from 2024-07-01, the 12 before from 2023-07-01.
 * - Alpha (strategic, the manager's, created 2023): 1000 in Q2, 500 in Q1, 800 in Q2 2024, and 999 USD in Q2 (left out);
 *   estimated total spend 5000; CLV 2000; two cases, one plan, two closed feedback items, all cadences kept.
 * - Beta (key, created 2023): 1000 in Q2 2024, nothing since (lost); CLV 1000.
 * - Fresh (key, created 1 March 2025, inside the 12 months): 300 in Q2: new, out of retention.
 * - Standard (standard tier): 50000 in Q2, outside the programme (no cohort: the strategic and key accounts).
 */
async function seed() {
  const org = director.orgId;
  const alpha = await buildAccount(t.db, org, { name: "Alpha", tier: "strategic", ownerUserId: manager.userId, createdAt: at("2023-01-01T00:00:00Z"), customFields: { estimatedTotalSpend: 5000 } });
  const beta = await buildAccount(t.db, org, { name: "Beta", tier: "key", createdAt: at("2023-01-01T00:00:00Z") });
  const fresh = await buildAccount(t.db, org, { name: "Fresh", tier: "key", createdAt: at("2025-03-01T04:00:00Z") });
  const standard = await buildAccount(t.db, org, { name: "Standard", tier: "standard", createdAt: at("2023-01-01T00:00:00Z") });
  ids = { alpha: alpha.id, beta: beta.id, fresh: fresh.id, standard: standard.id };

  await buildOrder(t.db, org, alpha.id, { orderDate: "2025-05-10", amount: "1000.00" });
  await buildOrder(t.db, org, alpha.id, { orderDate: "2025-02-10", amount: "500.00" });
  await buildOrder(t.db, org, alpha.id, { orderDate: "2024-05-10", amount: "800.00" });
  await buildOrder(t.db, org, alpha.id, { orderDate: "2025-05-11", amount: "999.00", currency: "USD" });
  await buildOrder(t.db, org, alpha.id, { orderDate: "2025-05-12", amount: "700.00", status: "cancelled" });
  await buildOrder(t.db, org, beta.id, { orderDate: "2024-05-20", amount: "1000.00" });
  await buildOrder(t.db, org, fresh.id, { orderDate: "2025-05-01", amount: "300.00" });
  await buildOrder(t.db, org, standard.id, { orderDate: "2025-05-01", amount: "50000.00" });

  const run = async (asOf: string, clv: Record<string, number>) => {
    const id = newId();
    await t.db.orm.insert(analysisRuns).values({ orgId: org, id, kind: "clv", status: "succeeded", asOf, parameters: {}, scope: "organization", currency: "CNY", createdBy: director.userId, finishedAt: at(`${asOf}T01:00:00Z`) });
    await writeRunResults(t.db, systemScope(org), id, resultsFromRows(Object.entries(clv).map(([accountId, value], i) => ({ accountId, grp: null, rank: i + 1, values: { clv: value } }))));
  };
  await run("2025-01-01", { [alpha.id]: 99_999 });
  await run("2025-06-01", { [alpha.id]: 2000, [beta.id]: 1000 });
  await run("2025-09-01", { [alpha.id]: 7777 });

  // Strategic P1: answer within 60 minutes, resolve within 480, around the clock.
  await t.db.orm.insert(slaPolicies).values({ orgId: org, tier: "strategic", priority: "P1", firstResponseMinutes: 60, resolutionMinutes: 480, businessHours: false });
  const kase = async (opened: string, respondAfter: number, resolveAfter: number) => {
    const id = newId();
    const openedAt = at(opened);
    const respondedAt = new Date(openedAt.getTime() + respondAfter * MIN);
    const resolvedAt = new Date(openedAt.getTime() + resolveAfter * MIN);
    await t.db.orm.insert(cases).values({ orgId: org, id, accountId: alpha.id, title: "Case", priority: "P1", status: "resolved", tier: "strategic", openedAt, firstResponseAt: respondedAt, resolvedAt });
    await t.db.orm.insert(caseEvents).values([
      { orgId: org, id: newId(), caseId: id, type: "opened", at: openedAt, status: "open" },
      { orgId: org, id: newId(), caseId: id, type: "responded", at: respondedAt, status: "in_progress" },
      { orgId: org, id: newId(), caseId: id, type: "resolved", at: resolvedAt, status: "resolved" },
    ]);
  };
  await kase("2025-05-06T02:00:00Z", 30, 600); // response met, resolution missed
  await kase("2025-06-03T02:00:00Z", 120, 240); // response missed, resolution met
  await kase("2025-07-03T02:00:00Z", 10, 20); // another quarter

  const action = (dueDate: string, status: string) => ({ id: newId(), title: "Action", ownerUserId: null, dueDate, status, progress: 0, objectiveId: null, taskId: null });
  await t.db.orm.insert(accountPlans).values({
    orgId: org, id: newId(), accountId: alpha.id, title: "Plan", templateKey: "strategic", periodStart: "2025-01-01", periodEnd: "2025-12-31", status: "draft",
    content: { actions: [action("2025-05-01", "done"), action("2025-06-01", "todo"), action("2025-06-02", "cancelled"), action("2025-08-01", "done")] },
  });

  const task = await buildTask(t.db, org);
  const closed = (createdAt: string, closedAt: string) => ({
    orgId: org, id: newId(), accountId: alpha.id, source: "manual" as const, title: "Feedback", severity: "low" as const, status: "closed" as const,
    taskId: task.id, createdAt: at(createdAt), statusChangedAt: at(closedAt), closedAt: at(closedAt),
  });
  await t.db.orm.insert(feedbackItems).values([
    closed("2025-04-01T04:00:00Z", "2025-04-11T04:00:00Z"), closed("2025-05-01T04:00:00Z", "2025-05-06T16:00:00Z"), closed("2025-06-01T04:00:00Z", "2025-07-09T04:00:00Z"),
  ]);

  for (const type of ["visit", "executive_meeting", "qbr"] as const) await buildInteraction(t.db, org, alpha.id, { type, occurredAt: at("2025-06-20T04:00:00Z") });
}

beforeAll(async () => {
  t = await createTestApp();
  director = await t.newOrgWithUser("director");
  manager = await t.newUser(director.orgId, "account_manager");
  await seed();
});
afterAll(async () => t?.close());

const valuesOf = (body: { values: Array<{ key: string; value: number | null }> }) => Object.fromEntries(body.values.map((v) => [v.key, v.value]));
const Q2 = "from=2025-04-01&to=2025-06-30";

describe("KPI values", () => {
  it("measures the programme (all strategic and key accounts without a cohort) against hand-computed figures", async () => {
    const res = await director.get(`/api/kpis/values?subject=programme&${Q2}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ subject: { kind: "programme", cohort: "key_accounts" }, period: { from: "2025-04-01", to: "2025-06-30" }, currency: "CNY", accounts: 3, excludedOrders: { currency: 1 } });
    expect(valuesOf(body)).toEqual({
      revenue: 1300, // 1000 + 300
      revenue_growth_yoy: -27.8, // (1300 − 1800) / 1800
      revenue_growth_qoq: 160, // (1300 − 500) / 500
      logo_retention: 50, // Alpha kept, Beta lost, Fresh new
      gross_revenue_retention: 44.4, // (min(1500, 800) + 0) / 1800
      net_revenue_retention: 83.3, // 1500 / 1800
      share_of_wallet: 30, // Alpha 1500 / 5000; Beta has no estimate
      clv: 1500, // mean of 2000 and 1000 in the 2025-06-01 run
      nps: null,
      csat: null,
      sla_attainment: 50, // 2 of 4 stopped clocks in target
      first_response_hours: 1.3, // (30 + 120) / 2 minutes
      resolution_hours: 7, // (600 + 240) / 2 minutes
      cadence_compliance: 33.3, // Alpha kept all; Beta and Fresh have overdue visits
      plan_action_completion: 50, // done, todo; cancelled and August left out
      feedback_closure_days: 7.8, // (10 + 5.5) / 2
    });
    expect(body.values.find((v: { key: string }) => v.key === "sla_attainment")).toMatchObject({ unit: "percent", direction: "higher_is_better", target: 95, status: "red" });
  });

  it("measures one account and an account manager's accounts, and answers an empty period with nulls", async () => {
    const alpha = valuesOf((await director.get(`/api/kpis/values?subject=account&accountId=${ids.alpha}&${Q2}`)).json());
    expect(alpha).toMatchObject({ revenue: 1000, revenue_growth_yoy: 25, revenue_growth_qoq: 100, logo_retention: 100, gross_revenue_retention: 100, net_revenue_retention: 187.5, clv: 2000, cadence_compliance: 100 });
    const mine = (await manager.get(`/api/kpis/values?subject=manager&userId=${manager.userId}&${Q2}`)).json();
    expect(mine.subject).toMatchObject({ kind: "manager", userId: manager.userId });
    expect(valuesOf(mine)).toEqual(alpha);
    const fresh = valuesOf((await director.get(`/api/kpis/values?subject=account&accountId=${ids.fresh}&from=2024-01-01&to=2024-03-31`)).json());
    expect(Object.values(fresh).every((v) => v === null || v === 0)).toBe(true);
    expect(fresh).toMatchObject({ revenue: 0, revenue_growth_yoy: null, logo_retention: null, sla_attainment: null, feedback_closure_days: null });
  });
});

describe("scorecards", () => {
  it("scores an account's quarter with the default configuration, with lights and a four-quarter trend", async () => {
    const res = await director.get(`/api/scorecards/account/${ids.alpha}?quarter=2025-Q2`);
    expect(res.statusCode, res.body).toBe(200);
    const card = res.json();
    expect(card).toMatchObject({ quarter: "2025-Q2", period: { from: "2025-04-01", to: "2025-06-30" }, configVersion: 0, score: 91.5, status: "green", excludedOrders: { currency: 1 } });
    expect(card.perspectives.map((p: { key: string; score: number | null; status: string | null }) => [p.key, p.score, p.status])).toEqual([
      ["financial", 100, "green"], ["customer", 100, "green"], ["internal_process", 81.1, "amber"], ["learning_growth", 75, "amber"],
    ]);
    const sla = card.perspectives[2].kpis.find((k: { key: string }) => k.key === "sla_attainment");
    expect(sla).toMatchObject({ value: 50, target: 95, status: "red", attainment: 0.5263 });
    expect(card.perspectives[1].kpis.find((k: { key: string }) => k.key === "nps")).toMatchObject({ value: null, status: null });
    expect(card.trend.map((p: { quarter: string }) => p.quarter)).toEqual(["2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2"]);
    const revenueGrowth = card.perspectives[0].kpis.find((k: { key: string }) => k.key === "revenue_growth_yoy");
    expect(revenueGrowth.trend.map((p: { value: number | null }) => p.value)).toEqual([null, null, null, 25]);
  });

  it("shows account managers their own accounts and scorecard, and directors everyone's", async () => {
    expect((await manager.get(`/api/scorecards/account/${ids.alpha}?quarter=2025-Q2`)).statusCode).toBe(200);
    expect((await manager.get(`/api/scorecards/account/${ids.beta}?quarter=2025-Q2`)).statusCode).toBe(404);
    expect((await manager.get(`/api/kpis/values?subject=account&accountId=${ids.beta}`)).statusCode).toBe(404);
    expect((await manager.get(`/api/scorecards/manager/${manager.userId}?quarter=2025-Q2`)).json().accounts).toBe(1);
    expect((await manager.get(`/api/scorecards/manager/${director.userId}`)).statusCode).toBe(403);
    expect((await manager.get(`/api/scorecards/programme?quarter=2025-Q2`)).json().accounts).toBe(1);
    const theirs = await director.get(`/api/scorecards/manager/${manager.userId}?quarter=2025-Q2`);
    expect(theirs.json()).toMatchObject({ subject: { kind: "manager", userId: manager.userId }, accounts: 1 });
    expect((await director.get(`/api/scorecards/programme?quarter=2025-Q2`)).json()).toMatchObject({ subject: { kind: "programme", cohort: "key_accounts" }, accounts: 3 });
    expect((await director.get("/api/scorecards/manager/0190a0a0-0000-7000-8000-000000000000")).statusCode).toBe(404);

    // With a pilot cohort, the programme is the cohort: Beta alone, lost since Q2 2024.
    await director.put("/api/programme", { name: "Pilot", version: 0 });
    await director.put(`/api/programme/accounts/${ids.beta}`);
    const cohort = (await director.get(`/api/kpis/values?subject=programme&${Q2}`)).json();
    expect(cohort).toMatchObject({ subject: { kind: "programme", cohort: "programme" }, accounts: 1 });
    expect(valuesOf(cohort)).toMatchObject({ revenue: 0, revenue_growth_yoy: -100, logo_retention: 0, gross_revenue_retention: 0, clv: 1000 });

    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(`/api/scorecards/account/${ids.alpha}`)).statusCode).toBe(404);
    expect((await intruder.get(`/api/scorecards/manager/${manager.userId}`)).statusCode).toBe(404);
    expect((await intruder.get(`/api/scorecards/programme?quarter=2025-Q2`)).json().accounts).toBe(0);
  });

  it("lets directors change the configuration: validated, versioned and audited", async () => {
    const initial = await director.get("/api/scorecards/config");
    expect(initial.json()).toMatchObject({ version: 0, isDefault: true });
    expect(initial.headers.etag).toBe('"0"');
    const config = initial.json().config;

    expect((await manager.put("/api/scorecards/config", { ...config, version: 0 })).statusCode).toBe(403);
    const invalid = await director.put("/api/scorecards/config", {
      ...config, version: 0, thresholds: { green: 60, amber: 80 },
      perspectives: config.perspectives.map((p: { key: string; kpis: unknown[] }, i: number) => (i === 0 ? { ...p, kpis: [...p.kpis, { key: "nps", target: 500, weight: 1, tolerance: 1 }] } : p)),
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { field: string }) => e.field)).toEqual(["perspectives.0.kpis.3.target", "perspectives.1.kpis.0.key", "thresholds.amber"]);

    const changed = { ...config, perspectives: config.perspectives.map((p: { key: string; weight: number }) => (p.key === "internal_process" ? { ...p, weight: 0 } : p)) };
    const saved = await director.put("/api/scorecards/config", { ...changed, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, isDefault: false, updatedBy: director.userId });
    expect((await director.put("/api/scorecards/config", { ...changed, version: 0 })).statusCode).toBe(409);
    expect((await director.put("/api/scorecards/config", changed, { "if-match": '"0"' })).statusCode).toBe(412);
    expect((await director.put("/api/scorecards/config", changed, { "if-match": '"1"' })).json().version).toBe(2);

    // Without the internal process perspective: (30 × 100 + 30 × 100 + 15 × 75) / 75 = 95.
    const card = (await manager.get(`/api/scorecards/account/${ids.alpha}?quarter=2025-Q2`)).json();
    expect(card).toMatchObject({ configVersion: 2, score: 95 });
    const audit = await t.db.rows<{ action: string; n: number }>(sql`
      select action, count(*)::int as n from audit_log where org_id = ${director.orgId} and entity_type = 'scorecard_config' group by action order by action`);
    expect(audit).toEqual([{ action: "create", n: 1 }, { action: "update", n: 1 }]);
  });

  it("lists the KPI library with each definition's query, and answers hostile input with 400", async () => {
    const list = (await manager.get("/api/kpis")).json();
    expect(list).toHaveLength(16);
    const page = (await manager.get("/api/kpis/net_revenue_retention")).json();
    expect(page).toMatchObject({ key: "net_revenue_retention", unit: "percent", direction: "higher_is_better", queryFile: "packages/server/src/modules/kpis/__sql__/revenue.sql" });
    expect(page.sql).toContain('from subject');
    const bad = [
      await director.get("/api/kpis/world_peace"),
      await director.get("/api/kpis/values?subject=account"),
      await director.get("/api/kpis/values?subject=manager"),
      await director.get("/api/kpis/values?subject=planet"),
      await director.get("/api/kpis/values?from=2025-02-30&to=2025-03-31"),
      await director.get("/api/kpis/values?from=2025-04-01&to=2025-03-31"),
      await director.get("/api/kpis/values?from=2025-04-01"),
      await director.get("/api/kpis/values?from=2015-01-01&to=2025-03-31"),
      await director.get("/api/scorecards/programme?quarter=2025-Q5"),
      await director.get("/api/scorecards/account/not-a-uuid"),
      await director.put("/api/scorecards/config", { perspectives: [], thresholds: { green: 90, amber: 70 }, version: 0 }),
      await director.put("/api/scorecards/config", { perspectives: [{ key: "financial", weight: -1, kpis: [] }], thresholds: { green: 90, amber: 70 }, version: 0 }),
      await director.put("/api/scorecards/config", { perspectives: [{ key: "financial", weight: 1, kpis: [{ key: "nps", target: "high", weight: 1, tolerance: 1 }] }], thresholds: { green: 90, amber: 70 }, version: 0 }),
      await director.put("/api/scorecards/config", { perspectives: [{ key: "financial", weight: 1, kpis: [] }], thresholds: { green: 90, amber: 70 }, orgId: director.orgId }),
    ];
    for (const res of bad) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});
